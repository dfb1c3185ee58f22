package org.policyadvisor.advice;

import java.time.LocalDate;
import java.util.List;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.QuestionType;
import org.policyadvisor.catalogue.Status;

/** The answer to "what am I eligible for", in one language, as the API returns it. */
public record Advice(
        String rulesetVersion,
        LocalDate asOf,
        String lang,
        List<ProgramAdvice> programs,
        List<QuestionAdvice> questions,
        Totals totals) {

    public record ProgramAdvice(
            String id,
            String name,
            String summary,
            ProgramStatus status,
            Program.Availability availability,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            List<BenefitAdvice> benefits,
            List<CriterionAdvice> criteria,
            List<String> missing,
            List<AssumptionAdvice> assumptions,
            String howToApply,
            Program.Source source) {}

    /**
     * {@code frequency}: the unit's id (ONE_OFF, PER_MONTH…), {@code unit} its words ("per month"); {@code periods}
     * and {@code periodsText}: at most that many ("at most 6 months"); {@code cap}: at most that much in total;
     * {@code maximum}: the amount is an upper bound.
     */
    public record BenefitAdvice(Program.Benefit.Kind kind, Long amount, String currency, String frequency, String unit, Integer periods,
                                String periodsText, Long cap, boolean maximum, String description) {}

    public record CriterionAdvice(String id, Status status, String text, List<String> fields) {}

    public record AssumptionAdvice(String id, String text) {}

    /** A question still worth asking: {@code decides} lists the programs waiting for its answer. */
    public record QuestionAdvice(String field, String label, String hint, QuestionType type, List<ValueAdvice> values,
                                 Integer min, Integer max, List<String> decides) {}

    public record ValueAdvice(String value, String label) {}

    /**
     * One-off cash of the ELIGIBLE programs that run now (IN_EFFECT or PILOT). {@code eligibleCash} and
     * {@code currency} are the first currency's; {@code byCurrency} has every currency; {@code upTo}: some counted
     * amount is a maximum, so the total is an upper bound.
     */
    public record Totals(long eligibleCash, String currency, boolean upTo, List<Decision.CashTotal> byCurrency) {}
}
