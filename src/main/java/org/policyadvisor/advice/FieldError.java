package org.policyadvisor.advice;

import java.util.List;

/**
 * One bad field of a request: where it is (a JSON pointer) and what is wrong, as a message code with arguments
 * that the web layer words in the caller's language. Arguments never carry the submitted value.
 */
public record FieldError(String pointer, String code, List<Object> args) {

    public static FieldError of(String pointer, String code, Object... args) {
        return new FieldError(pointer, code, List.of(args));
    }
}
