package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioRunner;

/** Runs every scenario file in rules/ against the real rules; a failing case is named in the build output. */
class ScenarioTest {

    private static final ScenarioReport REPORT = new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT)).run(RealRules.ruleset());

    @Test
    void every_scenario_file_can_be_read() {
        assertThat(REPORT.problems()).isEmpty();
        assertThat(REPORT.testsRun()).isGreaterThan(0);
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_in_rules_holds() {
        return REPORT.results().stream().map(result -> DynamicTest.dynamicTest(result.file() + ": " + result.name(),
                () -> assertThat(result.failures()).as(result.name()).isEmpty()));
    }
}
