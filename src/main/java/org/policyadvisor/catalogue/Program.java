package org.policyadvisor.catalogue;

import java.time.LocalDate;
import java.util.List;

/** A measure of the source document: its decision (criteria, dates) from DRL and its description from YAML. */
public record Program(
        String id,
        int order,
        Text name,
        Text summary,
        List<String> criteria,
        Availability availability,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        List<Benefit> benefits,
        Text howToApply,
        Source source,
        List<String> assumptions) {

    public boolean inEffectOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public enum Availability { IN_EFFECT, PILOT, PLANNED }

    /**
     * What a program gives. {@code frequency} is the unit of {@code amount}, one of the units the rules declare
     * (units.yaml: ONE_OFF, PER_MONTH…), or null; {@code periods}: at most that many of them; {@code cap}: at most
     * that much in total; {@code maximum}: the amount is an upper bound, the department decides the actual one.
     */
    public record Benefit(Kind kind, Long amount, String currency, String frequency, Integer periods, Long cap, boolean maximum,
                          Text description) {

        /** The unit whose amounts add up to a total: anything else is a rate, shown but never summed. */
        public static final String ONE_OFF = "ONE_OFF";

        /** Only known one-off cash adds up to a total; rates are shown, never summed. */
        public boolean countsTowardsTotal() {
            return kind == Kind.CASH && ONE_OFF.equals(frequency) && amount != null;
        }

        public enum Kind { CASH, SERVICE, INFORMATION }
    }

    public record Source(String document, List<Integer> paragraphs, String quote) {}
}
