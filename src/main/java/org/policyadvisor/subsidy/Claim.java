package org.policyadvisor.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A bound, valid claim. {@code mentor} holds the mentor's known answers, as a profile; {@code asOf} is null when
 * the request did not say.
 */
public record Claim(LocalDate asOf, Map<String, Object> mentor, List<Mentee> mentees, List<Item> items) {

    /** {@code previouslyPaid}: what earlier claims paid for this mentee, per item type, in whole CNY. */
    public record Mentee(String id, LocalDate startDate, boolean employedAtStart, Map<String, Long> previouslyPaid) {}

    /**
     * One claim item; {@code index} is its position in the request. {@code units} is its {@code quantity} (sessions,
     * days, activities) or, for a type paid in parts, its {@code insuredMonths}. {@code mentee} is null for an item
     * type that is not for a mentee.
     */
    public record Item(int index, String mentee, String type, LocalDate date, int units) {}
}
