package org.policyadvisor.web;

import java.util.List;

/** An RFC 9457 problem details body; {@code errors} has one entry per bad field. */
record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    static final String CONTENT_TYPE = "application/problem+json";

    record FieldProblem(String pointer, String message) {}
}
