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

    public record BenefitAdvice(Program.Benefit.Kind kind, Long amount, String currency, Program.Benefit.Frequency frequency, String description) {}

    public record CriterionAdvice(String id, Status status, String text, List<String> fields) {}

    public record AssumptionAdvice(String id, String text) {}

    /** A question still worth asking: {@code decides} lists the programs waiting for its answer. */
    public record QuestionAdvice(String field, String label, String hint, QuestionType type, List<ValueAdvice> values,
                                 Integer min, Integer max, List<String> decides) {}

    public record ValueAdvice(String value, String label) {}

    public record Totals(long eligibleCash, String currency) {}
}
