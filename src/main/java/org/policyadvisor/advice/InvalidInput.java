package org.policyadvisor.advice;

import java.util.List;

/** A request that cannot be answered as it stands; lists every bad field at once. */
public final class InvalidInput extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
