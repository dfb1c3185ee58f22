package org.policyadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyadvisor.testing.MentorRules;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;

class ClaimScenarioRunnerTest {

    private static final ScenarioRunner RUNNER = new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT));

    /** The fixture rules, with one scenario file in place of all of theirs. */
    private static Ruleset withScenarios(Catalogue catalogue, String yaml) {
        Ruleset real = MentorRules.ruleset();
        List<RuleFile> files = new java.util.ArrayList<>(real.files().stream().filter(f -> !f.path().endsWith(ScenarioRunner.SUFFIX)).toList());
        files.add(RuleFile.of("x/x.scenarios.yaml", yaml));
        return new Ruleset(real.version(), real.builtAt(), files, catalogue,
                real.kieBase(), real.applicantType(), real.container(), real.releaseId());
    }

    private static final String CLAIM = """
            schedule: mentor-subsidy
            asOf: 2026-11-27
            claimant: {residency: HK, mainlandWorkExperience: true}
            scenarios:
              - name: Six sessions are paid in full
                claim:
                  mentees: [{id: m1, startDate: 2026-01-10, employedAtStart: true}]
                  items: [{mentee: m1, type: CAREER_GUIDANCE, date: 2026-02-01, quantity: 6}]
                expect:
                  items: [{payable: 1200, reason: null}]
                  mentees: {m1: {payable: 1200}}
                  totalPayable: 1200
            """;

    @Test
    void the_real_claim_scenarios_run_with_the_program_scenarios() {
        ScenarioReport report = RUNNER.run(MentorRules.ruleset());

        assertThat(report.results()).filteredOn(r -> r.file().equals("mentor-subsidy/mentor-subsidy.scenarios.yaml")).hasSizeGreaterThan(20);
        assertThat(report.results()).filteredOn(r -> r.file().startsWith("programs/")).isNotEmpty();
    }

    @Test
    void a_claim_scenario_that_expects_the_wrong_amount_fails_and_says_where() {
        ScenarioReport report = RUNNER.run(withScenarios(MentorRules.ruleset().catalogue(), CLAIM));

        assertThat(report.problems()).isEmpty();
        assertThat(report.testsFailed()).isEqualTo(1);
        assertThat(report.failures().get(0).failures()).containsExactlyInAnyOrder(
                "items[0].payable: expected 1200 but was 1000",
                "items[0].reason: expected null but was \"CAP_REACHED\"",
                "mentees.m1.payable: expected 1200 but was 1000",
                "totalPayable: expected 1200 but was 1000");
    }

    @Test
    void a_claim_that_the_api_would_refuse_fails_with_the_field_named() {
        ScenarioReport report = RUNNER.run(withScenarios(MentorRules.ruleset().catalogue(),
                CLAIM.replace("quantity: 6", "quantity: 0")));

        assertThat(report.failures().get(0).failures()).containsExactly("claim field /items/0/quantity is invalid: at-least [1]");
    }

    @Test
    void claim_scenarios_for_a_schedule_the_rules_do_not_declare_are_a_problem_of_the_file() {
        ScenarioReport report = RUNNER.run(withScenarios(MentorRules.ruleset().catalogue(), CLAIM.replace("schedule: mentor-subsidy", "schedule: lunch-money")));

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("'lunch-money', which the rules do not declare"));
    }
}
