package org.policyadvisor.advice;

public enum ProgramStatus {
    ELIGIBLE,
    NOT_ELIGIBLE,
    NEEDS_INFO
}
