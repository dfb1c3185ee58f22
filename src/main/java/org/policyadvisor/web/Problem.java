package org.policyadvisor.web;

import java.util.List;

/**
 * An RFC 9457 problem details body; {@code errors} has one entry per bad field, {@code requestId} is the request's id
 * (also in the X-Request-Id header and the log lines), to quote when reporting a fault.
 */
record Problem(String type, String title, int status, String detail, List<FieldProblem> errors, String requestId) {

    static final String CONTENT_TYPE = "application/problem+json";

    record FieldProblem(String pointer, String message) {}
}
