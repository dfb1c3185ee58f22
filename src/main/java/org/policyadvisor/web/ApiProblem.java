package org.policyadvisor.web;

import java.util.List;

/** Thrown by handlers; the one exception mapper words it in the caller's language. */
final class ApiProblem extends RuntimeException {

    final int status;
    final String key;
    final List<Object> detailArgs;

    ApiProblem(int status, String key, Object... detailArgs) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
        this.detailArgs = List.of(detailArgs);
    }
}
