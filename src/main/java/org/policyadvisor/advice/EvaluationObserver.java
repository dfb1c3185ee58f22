package org.policyadvisor.advice;

/** Told about every run of the rules, for instance to count them; the advice package knows nothing of how. */
@FunctionalInterface
public interface EvaluationObserver {

    EvaluationObserver NONE = (rulesFired, aborted) -> { };

    /** One run of the rules for one applicant: how many rules fired, and whether it was stopped by its limits. */
    void evaluated(int rulesFired, boolean aborted);
}
