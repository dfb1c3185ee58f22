package org.policyadvisor.advice;

import java.time.Duration;

/** Bounds one evaluation, so that a looping rule gives an error answer instead of a hung request. */
public record EvaluationLimits(int maxFirings, Duration timeBudget) {

    public static final EvaluationLimits DEFAULT = new EvaluationLimits(10_000, Duration.ofSeconds(2));
}
