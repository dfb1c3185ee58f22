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

    public record Benefit(Kind kind, Long amount, String currency, Frequency frequency, Text description) {

        /** Only known one-off cash adds up to a total; rates are shown, never summed. */
        public boolean countsTowardsTotal() {
            return kind == Kind.CASH && frequency == Frequency.ONE_OFF && amount != null;
        }

        public enum Kind { CASH, SERVICE, INFORMATION }

        public enum Frequency { ONE_OFF, PER_SESSION, PER_DAY, PER_ACTIVITY }
    }

    public record Source(String document, List<Integer> paragraphs, String quote) {}
}
