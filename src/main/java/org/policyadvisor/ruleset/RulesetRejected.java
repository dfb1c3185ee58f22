package org.policyadvisor.ruleset;

import java.util.List;

/** A candidate ruleset that must not serve, with every problem found in it. */
public final class RulesetRejected extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RulesetRejected(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rules, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
