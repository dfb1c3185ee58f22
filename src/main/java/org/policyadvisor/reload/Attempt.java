package org.policyadvisor.reload;

import java.time.Instant;
import java.util.List;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.scenario.ScenarioResult;

/**
 * What one look at a candidate ruleset found: the {@code lastAttempt} of {@code GET /api/v1/rules}.
 *
 * @param version          the candidate's {@code sha256:} version
 * @param errors           every problem as file, line, column, message; failing scenarios are among them
 * @param failingScenarios the scenarios that did not hold, by file and name, with what differed
 */
public record Attempt(
        Instant at,
        boolean ok,
        Result result,
        String version,
        List<RuleProblem> errors,
        int testsRun,
        int testsFailed,
        List<ScenarioResult> failingScenarios,
        long buildMillis) {

    public enum Result {
        /** Checked, tested and now serving. */
        ACTIVATED,
        /** The same content as the ruleset serving: nothing was built. */
        UNCHANGED,
        /** Checked and tested, not activated (a validation). */
        PASSED,
        /** Broken, unsafe or failing its scenarios: the last good ruleset keeps serving. */
        REFUSED
    }

    Attempt as(Result next, Instant when) {
        return new Attempt(when, next != Result.REFUSED, next, version, errors, testsRun, testsFailed, failingScenarios, buildMillis);
    }
}
