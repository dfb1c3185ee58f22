package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules language on small rule files of its own: what it accepts, what it reads, and how it words a refusal. */
class LanguageCheckTest {

    private static final String TYPES = """
            package policy;
            import java.time.LocalDate;

            declare Applicant
                applicantType : String = "PERSON" @values("PERSON, ORGANIZATION")
                age : Integer @min(0) @max(130)
                residency : String
                startDate : LocalDate
            end

            declare Claim
                claimant : Applicant
                months : int = 0
                amount : int = 0
                until : LocalDate
            end

            declare Payment
                months : int
                amount : int
            end
            """;

    private static LanguageCheck.Result check(String rules) {
        return LanguageCheck.check(List.of(RuleFile.of("rules.drl", TYPES + rules)));
    }

    private static int lineOf(String rules, String piece) {
        String text = TYPES + rules;
        return (int) text.substring(0, text.indexOf(piece)).lines().count() + (text.substring(0, text.indexOf(piece)).endsWith("\n") ? 1 : 0);
    }

    @Test
    void every_allowed_form_passes() {
        LanguageCheck.Result result = check("""
                rule "youth: aged 18 to 35 (A2)"
                    @criterion("youth") @combine("any")
                when
                    Applicant(age >= 18, age <= 35 || residency in ("HK", "MO"), residency not in ("TW"), !(age == 20))
                    not Applicant(residency == null)
                    exists (Applicant(age > 1) or Applicant(age < 0))
                then
                end

                rule "pay each month up to a cap"
                    salience 10
                    no-loop true
                when
                    $a : Applicant($start : startDate, startDate.plusMonths(1).isBefore($start.plusYears(2)))
                    $c : Claim(claimant == $a, months > 0, until >= $start.plusDays(3), $m : months)
                    accumulate(Payment($p : amount); $paid : sum($p), $n : count(), $low : min($p * 2 - 1); $paid < 10000)
                then
                    insert(new Payment($m, Math.min($m * (3000 + 1), 18000 - $paid)));
                    modify($c) { setMonths($c.months - 1), setAmount(Math.max(0, ($c.amount + $m) / 2)) }
                end
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.computing()).containsExactly("pay each month up to a cap");
    }

    @Test
    void the_fields_a_rule_reads_are_worked_out_from_its_conditions() {
        LanguageCheck.Result result = check("""
                rule "a"
                    @criterion("a")
                when
                    $a : Applicant(age >= 18)
                    not Claim(claimant == $a, months > $a.residency.length)
                then
                end

                rule "b"
                    @criterion("b")
                when
                    Applicant(residency in ("HK", "MO") || startDate != null)
                then
                end
                """);

        assertThat(result.fieldsRead("b", "Applicant")).containsExactly("residency", "startDate");
        assertThat(result.problems()).extracting(RuleProblem::message)
                .containsExactly("`.length` can only read a field of a fact declared in the rules, or call a date method");
    }

    @Test
    void a_near_miss_name_gets_a_suggestion_at_its_line_and_column() {
        String rules = """
                rule "youth"
                    @criterion("youth")
                when
                    Applicant(agee >= 18)
                then
                end
                """;

        assertThat(check(rules).problems()).containsExactly(new RuleProblem("rules.drl", lineOf(rules, "    Applicant(agee"), 15,
                "`agee` is not a field of Applicant (did you mean `age`?)"));
    }

    @Test
    void a_type_a_variable_a_setter_and_a_constructor_are_checked_against_the_declarations() {
        LanguageCheck.Result result = check("""
                rule "r1"
                when
                    $c : Claim()
                    Aplicant()
                then
                    insert(new Payment($c.months));
                end
                rule "r2"
                when
                    $c : Claim()
                then
                    insert(new Paymnet(1, 2));
                end
                rule "r3"
                when
                    $c : Claim()
                then
                    modify($c) { setMonth(1) }
                end
                rule "r4"
                when
                    $c : Claim()
                then
                    modify($cc) { setMonths(1) }
                end
                """);

        assertThat(result.problems()).extracting(RuleProblem::message).containsExactly(
                "`Aplicant` is not a type declared in the rules (did you mean `Applicant`?)",
                "`new Payment(…)` needs 2 values, one per field in order (months, amount); found 1",
                "`Paymnet` is not a type declared in the rules (did you mean `Payment`?)",
                "`setMonth` does not set a field of Claim (did you mean `setMonths`?)",
                "`modify` needs a variable bound to a fact in the `when` part, such as `$claim : Claim(…)` (did you mean `$c`?)");
    }

    @Test
    void a_criterion_rule_keeps_an_empty_consequence() {
        assertThat(check("""
                rule "c"
                    @criterion("c")
                when
                    $c : Claim()
                then
                    modify($c) { setMonths(1) }
                end
                """).problems()).extracting(RuleProblem::message)
                .containsExactly("a criterion rule decides by whether it fires: leave its `then` part empty");
    }

    @Test
    void only_the_listed_date_and_math_methods_may_be_called() {
        assertThat(check("""
                rule "r"
                when
                    Applicant(startDate.withDayOfMonth(1) != null, Math.abs(age) > 1, residency.toString() == "HK")
                then
                end
                """).problems()).extracting(RuleProblem::message).containsExactly(
                "`withDayOfMonth` is not a method rules may call; the only ones are Math.min, Math.max and, on a date, "
                        + "isAfter, isBefore, isEqual, minusDays, minusMonths, plusDays, plusMonths, plusYears",
                "`Math.abs` is not a method rules may call; the only ones are Math.min, Math.max and, on a date, "
                        + "isAfter, isBefore, isEqual, minusDays, minusMonths, plusDays, plusMonths, plusYears",
                "`.toString` can only read a field of a fact declared in the rules, or call a date method");
    }

    @Test
    void a_file_outside_the_policy_package_and_other_operators_are_refused() {
        List<RuleProblem> problems = LanguageCheck.check(List.of(RuleFile.of("x.drl", """
                package other;
                declare T
                    name : String
                end
                rule "r"
                when
                    T(name matches "a.*", name soundslike "b")
                then
                end
                """))).problems();

        assertThat(problems).extracting(RuleProblem::message).containsExactly(
                "a rule file starts with `package policy;`",
                "`matches` is not allowed: compare with != < <= == > >=, `in` or `not in`",
                "`soundslike` is not allowed: compare with != < <= == > >=, `in` or `not in`");
    }
}
