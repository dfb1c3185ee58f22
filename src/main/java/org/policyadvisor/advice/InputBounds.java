package org.policyadvisor.advice;

import java.time.LocalDate;

/**
 * The bounds every date and count in a request must keep, whatever the rules say: far outside them a value is a
 * mistake or an attack ({@code +999999999-12-31}, a quantity of two billion), never a real case.
 */
public final class InputBounds {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    /** Sessions, days or activities in one claim item. */
    public static final int MAX_QUANTITY = 10_000;

    private InputBounds() {}

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** The error for a date outside the bounds, at {@code pointer}. */
    public static FieldError dateOutOfRange(String pointer) {
        return FieldError.of(pointer, "out-of-range", EARLIEST_DATE.toString(), LATEST_DATE.toString());
    }
}
