package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Drools' parser errors, as its DRL parser wrote them for broken rule files, in staff words; nothing of Java left. */
class ParserMessagesTest {

    private static String words(String message) {
        String words = ParserMessages.words(message);
        assertThat(words).doesNotContain("java.", "org.", "Exception", "ERR", "mismatched", "viable", "\n");
        return words;
    }

    @Test
    void a_rule_without_its_name_or_its_then() {
        assertThat(words("[ERR 102] Line 4:4 mismatched input '@' in rule"))
                .isEqualTo("`@` is not expected here: is a `)`, `,` or quote missing before it, or one too many?");
        assertThat(words("[ERR 102] Line 6:0 mismatched input 'end' in rule \"a\""))
                .isEqualTo("`end` is not expected here: does the rule have its `when` and `then` parts before `end`, and every `(` its `)`? (rule \"a\")");
    }

    @Test
    void a_quote_not_closed_and_the_parser_s_own_failure_after_it() {
        assertThat(words("[ERR 102] Line 8:0 mismatched input ''")).isEqualTo("the text here cannot be read: is a quote `\"` not closed on its line?");
        assertThat(words("Line 8:0 unexpected exception at input '<eof>'. Exception: java.lang.NullPointerException: Cannot invoke "
                + "\"java.util.LinkedList.getLast()\" because \"ei\" is null. Stack trace:\n java.lang.NullPointerException\n"
                + "\tat org.drools.drl.parser.lang.DRL6Parser.getCurrentLocation(DRL6Parser.java:3862)"))
                .isEqualTo("this cannot be read as rules: look for a typo, or a missing `)`, `end` or quote");
    }
}
