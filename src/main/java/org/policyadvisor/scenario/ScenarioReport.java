package org.policyadvisor.scenario;

import java.util.List;
import org.policyadvisor.ruleset.RuleProblem;

/** Every scenario of a ruleset run once; {@code problems} are scenario files that could not be read. */
public record ScenarioReport(List<ScenarioResult> results, List<RuleProblem> problems) {

    public int testsRun() {
        return results.size();
    }

    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public int testsFailed() {
        return failures().size();
    }

    public boolean passed() {
        return problems.isEmpty() && failures().isEmpty();
    }
}
