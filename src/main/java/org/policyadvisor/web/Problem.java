package org.policyadvisor.web;

import java.util.List;
import org.policyadvisor.catalogue.Lang;

/**
 * An RFC 9457 problem details body; {@code errors} has one entry per bad field, {@code requestId} is the request's id
 * (also in the X-Request-Id header and the log lines), to quote when reporting a fault.
 */
record Problem(String type, String title, int status, String detail, List<FieldProblem> errors, String requestId) {

    static final String CONTENT_TYPE = "application/problem+json";

    /** The problem {@code key} in {@code lang}: its type, and its title and detail from the messages. */
    static Problem of(Messages messages, Lang lang, int status, String key, List<Object> detailArgs, List<FieldProblem> errors,
                      String requestId) {
        return new Problem("/problems/" + key, messages.get("problem." + key, lang), status,
                messages.get("problem." + key + ".detail", lang, detailArgs), errors, requestId);
    }

    record FieldProblem(String pointer, String message) {}
}
