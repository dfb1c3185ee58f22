package org.policyadvisor.advice;

/** The rules did not finish within their limits: a fault of the rules, not of the request. */
public final class EvaluationAborted extends RuntimeException {

    public EvaluationAborted(String message) {
        super(message);
    }
}
