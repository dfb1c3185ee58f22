package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The safety net behind the language check: errors as Drools 10.2 wrote them for rules that the check now refuses
 * first (copied from its output), worded for policy staff at the condition's real column, with nothing of Java left.
 */
class DroolsMessagesTest {

    private static RuleProblem translated(int line, String message) {
        RuleProblem problem = DroolsMessages.inStaffWords("programs/x/x.drl", line, 0, message);
        assertThat(problem.message()).doesNotContain("org.", "java.", "drools.", "[Error", "[Near", "strict-mode", "class ");
        return problem;
    }

    @Test
    void an_mvel_type_mismatch_dump() {
        RuleProblem problem = translated(0, """
                Unable to Analyse Expression qualified == 1:
                [Error: Comparison operation requires compatible types. Found class java.lang.Boolean and class java.lang.Integer]
                [Near : {... qualified == 1 ....}]
                                          ^""");

        assertThat(problem.message()).isEqualTo("the condition `qualified == 1` compares yes/no with a number: compare a field with a value "
                + "of its own kind (a number without quotes, text in quotes, true or false)");
    }

    @Test
    void a_strict_mode_method_dump_keeps_mvel_s_own_line_and_column() {
        RuleProblem problem = translated(13, """
                Unable to Analyse Expression day.plusDays("x") > day:
                [Error: unable to resolve method using strict-mode: java.time.LocalDate.plusDays(java.lang.String)]
                [Near : {... day.plusDays("x") > day ....}]
                                 ^
                [Line: 13, Column: 4]""");

        assertThat(problem).isEqualTo(new RuleProblem("programs/x/x.drl", 13, 5, "the rule engine cannot compile the condition "
                + "`day.plusDays(\"x\") > day`: check that each field is compared with a value of its own kind and that each name is spelt as declared"));
    }

    @Test
    void a_negation_and_a_predicate() {
        assertThat(translated(13, "Unable to Analyse Expression !age:\n[Error: negation operator cannot be applied to non-boolean type]\n"
                + "[Near : {... !age ....}]\n              ^\n[Line: 13, Column: 4]").message())
                .isEqualTo("the condition `!age` puts `!` before something that is not yes/no");
        assertThat(translated(13, "Predicate 'age' must be a Boolean expression\n[Line: 13, Column: 4]").message())
                .isEqualTo("`age` is not a condition: compare it with a value, such as `field == value`");
    }

    @Test
    void a_consequence_and_an_unknown_message_show_none_of_the_engine_s_code() {
        assertThat(translated(17, "Unable to Analyse Expression drools.insert(new Stamp(\"x\", 1));:\n[Error: could not access field]").message())
                .isEqualTo("the rule engine cannot compile this: rewrite it with the forms of rules/README.md (\"The rules language\")");
        assertThat(translated(17, "Rule Compilation error : [Rule name='make']\n\tdefaultpkg/Rule_make0.java (7:12) : org.drools.X cannot be resolved").message())
                .isEqualTo("the rule engine cannot compile this (rule \"make\"): rewrite it with the forms of rules/README.md (\"The rules language\")");
    }

    @Test
    void a_place_without_a_column_is_found_from_what_the_message_quotes() {
        RuleFile file = RuleFile.of("programs/x/x.drl", "package policy;\n\nrule \"r\"\nwhen\n    $a : A()\n    $a : B()\nthen\nend\n");
        RuleProblem problem = translated(6, "Duplicate declaration for variable '$a' in the rule 'r'");

        assertThat(DroolsMessages.placed(List.of(problem), List.of(file)))
                .containsExactly(new RuleProblem("programs/x/x.drl", 6, 5, "`$a` is bound twice (rule \"r\"): give each `$variable` its own name"));
    }
}
