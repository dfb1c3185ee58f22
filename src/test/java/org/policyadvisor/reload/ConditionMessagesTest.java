package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyadvisor.CheckCommand;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;

/**
 * What {@code check} says about a condition or a declaration the rule engine would refuse in its own words (or,
 * worse, accept and then never match): the place, the rule in plain words with the field's kind ("a number", "text",
 * "yes/no", "a date"), a suggestion; never a Java class name or an MVEL dump. Each case breaks the tiny rules once.
 */
class ConditionMessagesTest {

    private static final String TYPES = """
            package policy;
            import java.time.LocalDate;

            declare Applicant
                age : Integer = null @min(0) @max(130)
                residency : String @values("HK, MO, TW")
                qualified : Boolean
            end

            declare Stamp
                day : LocalDate
                count : int
            end
            """;
    private static final String LABELS = """
            age:
              label: {zh-Hans: 年龄, zh-Hant: 年齡, en: Age}
            residency:
              label: {zh-Hans: 居民, zh-Hant: 居民, en: Residency}
              values:
                HK: {zh-Hans: 香港, zh-Hant: 香港, en: Hong Kong}
                MO: {zh-Hans: 澳门, zh-Hant: 澳門, en: Macao}
                TW: {zh-Hans: 台湾, zh-Hant: 台灣, en: Taiwan}
            qualified:
              label: {zh-Hans: 资格, zh-Hant: 資格, en: Qualified}
            """;
    /** The tiny program's condition, on line 13 of its file, column 5. */
    private static final String CONDITION = "Applicant(age >= 18)";

    @TempDir
    Path root;

    private Map<String, String> files() {
        Map<String, String> files = RulesFixture.tiny(100);
        files.put("applicant.drl", TYPES);
        files.put("applicant.yaml", LABELS);
        RulesFixture.write(root.resolve("seeds").resolve("000_c4954ffce7c23a52.txt"), "x\n\ny\n");
        return files;
    }

    private String check(Map<String, String> files) {
        Path rules = root.resolve("rules");
        RulesFixture.write(rules, files);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = CheckCommand.run(rules, new PrintStream(output, true, StandardCharsets.UTF_8));
        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(report).doesNotContain("org.", "java.", "drools.", "[Error", "[Near", "Exception", "MVEL", ":0:");
        return exit + "\n" + report;
    }

    private String checkWithCondition(String condition) {
        Map<String, String> files = files();
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL).replace(CONDITION, condition));
        return check(files);
    }

    @Test
    void the_fixture_passes_as_it_is() {
        assertThat(check(files())).startsWith("0\nOK ");
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of("Applicant(age == \"30\")", "13:22: `age` is a number and `\"30\"` is text: they cannot be compared; "
                        + "write a number without quotes, such as 30"),
                Arguments.of("Applicant(residency == 3)", "13:28: `residency` is text and `3` is a number: they cannot be compared; "
                        + "write the text in double quotes, such as \"3\""),
                Arguments.of("Applicant(qualified == \"yes\")", "13:28: `qualified` is yes/no (true or false) and `\"yes\"` is text: "
                        + "they cannot be compared; compare it with true or false"),
                Arguments.of("Stamp(day == \"2020-13-45\")", "13:18: `day` is a date and `\"2020-13-45\"` is text: they cannot be compared; "
                        + "a condition cannot write a date as text: compare it with a date field or a `$variable` bound to one"),
                Arguments.of("Stamp(day > 5)", "13:17: `day` is a date and `5` is a number: they cannot be compared; "
                        + "compare it with a date field or a `$variable` bound to one"),
                Arguments.of("Applicant(residency == \"HKK\")", "13:28: `\"HKK\"` is not one of the values of `residency`: HK, MO, TW (did you mean `HK`?)"),
                Arguments.of("Applicant(residency in (\"HK\", \"MOO\"))", "13:35: `\"MOO\"` is not one of the values of `residency`: HK, MO, TW (did you mean `MO`?)"),
                Arguments.of("Applicant(count > 1)", "13:15: `count` is not a field of Applicant; it is a field of Stamp: "
                        + "read it in a pattern of that type, such as `Stamp(count …)`, or through a `$variable` bound to one"),
                Arguments.of("Applicant(residency > \"HK\")", "13:25: `>` compares numbers or dates, and `residency` is text: use == or != (or `in`)"),
                Arguments.of("Applicant(qualified < true)", "13:25: `<` compares numbers or dates, and `qualified` is yes/no (true or false): use == or != (or `in`)"),
                Arguments.of("Applicant(age < null)", "13:19: `<` compares numbers or dates, and `null` is no value: write `== null` (not answered) or `!= null` (answered)"),
                Arguments.of("Applicant(residency * 2 > 3)", "13:25: `*` works on numbers, and `residency` is text"),
                Arguments.of("Applicant(!age)", "13:15: `!` works on yes/no values, and `age` is a number"),
                Arguments.of("Applicant(age)", "13:15: `age` is a number, not a condition: compare it with a value, such as `age >= 18`"),
                Arguments.of("Applicant(qualified)", "13:15: `qualified` alone is not a condition: write `qualified == true` or `qualified == false` "
                        + "(a question not answered is neither)"),
                Arguments.of("Stamp(day.plusDays(\"x\") > day)", "13:24: `plusDays` takes a number, and `\"x\"` is text"),
                Arguments.of("Applicant(age > 99999999999999999999)", "13:21: `99999999999999999999` is too large a number: a whole number is at most 9223372036854775807"),
                Arguments.of("Applicant(age >= 18)\n    accumulate(Stamp($d : day); $t : sum($d); $t > 0)",
                        "14:42: `sum` works on numbers, and `$d` is a date"),
                // Syntax: Drools' parser finds these; its words are translated.
                Arguments.of("Applicant(age >= 18", "14:1: `then` is not expected here: is a `)`, `,` or quote missing before it, or one too many? "
                        + "(rule \"adult: is an adult\")"),
                Arguments.of("Applicant(age >= 18))", "13:25: `)` is not expected here: is a `)`, `,` or quote missing before it, or one too many? "
                        + "(rule \"adult: is an adult\")"),
                Arguments.of("Applicant(residency == \"HK)", "13:28: the text here cannot be read: is a quote `\"` not closed on its line?"),
                Arguments.of("Applicant(age = 18)", "13:19: `=` is not expected here: compare with `==`; `>=` and `<=` end with `=` (rule \"adult: is an adult\")"),
                Arguments.of("Applicant(age >= 18 and age <= 30)", "13:25: `and` is not expected here: inside a pattern, join conditions with "
                        + "`&&` (and) or `||` (or) (rule \"adult: is an adult\")"),
                Arguments.of("Applicant(residency in [\"HK\"])", "13:25: `in` is not expected here: write the values in parentheses: "
                        + "`field in (\"A\", \"B\")` (rule \"adult: is an adult\")"),
                Arguments.of("Applicant(residency == HK)", "13:28: `HK` is not a field of Applicant; to compare with the value HK, write it in quotes: \"HK\""),
                Arguments.of("Applicant(age >= 18 &&)", "13:27: `)` cannot be read here: look for a typo, or a missing `)`, `,`, `end` or quote just before it "
                        + "(rule \"adult: is an adult\")"));
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void a_condition_the_engine_would_refuse_is_refused_in_plain_words_at_its_place(String condition, String expected) {
        assertThat(checkWithCondition(condition)).startsWith("1\n" + RulesFixture.TINY_DRL + ":" + expected + "\n");
    }

    @Test
    void a_missing_end_is_found_at_the_end_of_the_file() {
        Map<String, String> files = files();
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL).replace("then\nend\n", "then\n"));

        assertThat(check(files)).startsWith("1\n" + RulesFixture.TINY_DRL + ":15:1: the file ends too soon; does every rule close with `end`, "
                + "every `(` with `)`? (rule \"adult: is an adult\")\n");
    }

    @Test
    void two_rules_with_one_name_in_two_files() {
        Map<String, String> files = files();
        files.put("programs/tiny/more.drl", "package policy;\n\nrule \"adult: is an adult\"\n    @criterion(\"adult\")\nwhen\n    Applicant(age >= 19)\nthen\nend\n");

        assertThat(check(files)).startsWith("1\n" + RulesFixture.TINY_DRL + ":10:1: two rules are named \"adult: is an adult\" "
                + "(the other is at programs/tiny/more.drl:3:1): give each rule its own name\n");
    }

    @Test
    void a_type_declared_twice() {
        Map<String, String> files = files();
        files.put("programs/tiny/more.drl", "package policy;\n\ndeclare Stamp\n    day : java.time.LocalDate\nend\n".replace("java.time.", ""));

        assertThat(check(files)).startsWith("1\nprograms/tiny/more.drl:3:9: `Stamp` is declared twice (the other is at applicant.drl:10:9): "
                + "declare each type once\n");
    }

    @Test
    void a_default_of_the_wrong_kind_or_too_large() {
        Map<String, String> files = files();
        files.put("applicant.drl", TYPES.replace("qualified : Boolean", "qualified : Boolean = \"no\"").replace("count : int", "count : int = 99999999999"));

        assertThat(check(files)).startsWith("1\napplicant.drl:7:27: the default of `qualified` is text, and `qualified` is yes/no (true or false): "
                        + "write a value of that kind\n")
                .contains("applicant.drl:12:19: the default of `count` is too large for a whole number field (at most 2147483647); "
                        + "declare it `long` for larger numbers\n");
    }

    @Test
    void a_value_of_the_wrong_kind_in_insert_or_modify() {
        Map<String, String> files = files();
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL)
                + "\nrule \"make\"\nwhen\n    $s : Stamp()\nthen\n    insert(new Stamp(\"x\", 1));\nend\n"
                + "\nrule \"change\"\nwhen\n    $s : Stamp()\nthen\n    modify($s) { setCount($s.day) }\nend\n");

        assertThat(check(files)).startsWith("1\n" + RulesFixture.TINY_DRL + ":21:22: `\"x\"` is text, and `day` of Stamp is a date: give it a value of that kind\n"
                + RulesFixture.TINY_DRL + ":28:27: `$s.day` is a date, and `count` of Stamp is a number: give it a value of that kind\n");
    }

    @Test
    void a_variable_bound_inside_not_has_no_value_after_it_and_an_int_cannot_be_empty() {
        Map<String, String> files = files();
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL)
                + "\nrule \"make\"\nwhen\n    Applicant()\n    not Stamp($c : count > 1)\nthen\n    insert(new Stamp(null, $c));\nend\n"
                + "\nrule \"empty\"\nwhen\n    Applicant()\nthen\n    insert(new Stamp(null, null));\nend\n");

        assertThat(check(files)).startsWith("1\n" + RulesFixture.TINY_DRL + ":22:28: `$c` is bound inside `not`, so it has no value here: "
                + "bind it in a pattern outside `not`\n" + RulesFixture.TINY_DRL + ":29:28: `count` of Stamp is declared `int`, which cannot be empty: "
                + "give it a value, or declare it `Integer`\n");
    }

    /** The one gate: validate and a reload say exactly what check says. */
    @Test
    void validate_and_reload_give_the_same_words_at_the_same_place() {
        Path rules = root.resolve("rules");
        RulesFixture.write(rules, files());
        ActiveRuleset active = new ActiveRuleset();
        try (RulesPipeline pipeline = new RulesPipeline(rules, active, Clock.systemUTC(), Duration.ZERO)) {
            assertThat(pipeline.reload().ok()).isTrue();
            Map<String, String> broken = files();
            broken.put(RulesFixture.TINY_DRL, broken.get(RulesFixture.TINY_DRL).replace(CONDITION, "Applicant(residency == \"HKK\")"));
            String expected = RulesFixture.TINY_DRL + ":13:28: `\"HKK\"` is not one of the values of `residency`: HK, MO, TW (did you mean `HK`?)";

            assertThat(pipeline.validate(RulesFixture.ruleFiles(broken)).report().errors()).extracting(RuleProblem::toString).containsExactly(expected);
            RulesFixture.write(rules, broken);
            assertThat(pipeline.reload().errors()).extracting(RuleProblem::toString).containsExactly(expected);
            assertThat(check(broken)).startsWith("1\n" + expected + "\n");
        } finally {
            active.current().ifPresent(Ruleset::release);
        }
    }

    /** Two patterns bound to one name pass the language check (`or` branches may share one); the engine's refusal is translated. */
    @Test
    void what_only_the_engine_finds_is_still_worded_for_staff_at_its_place() {
        String report = checkWithCondition("$a : Applicant(age > 1)\n    $a : Applicant(age > 2)");

        assertThat(report).startsWith("1\n" + RulesFixture.TINY_DRL + ":14:5: `$a` is bound twice (rule \"adult: is an adult\"): "
                + "give each `$variable` its own name\n");
    }
}
