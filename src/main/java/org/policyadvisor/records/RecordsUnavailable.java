package org.policyadvisor.records;

/** The records database failed (down, full, unreachable); the web layer answers 503, never a stack trace. */
public final class RecordsUnavailable extends RuntimeException {

    RecordsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
