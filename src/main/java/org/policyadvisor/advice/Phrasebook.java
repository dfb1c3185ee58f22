package org.policyadvisor.advice;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.Status;
import org.policyadvisor.catalogue.Unit;

/**
 * The parts of an answer that depend only on the ruleset and the language, put into words once per ruleset:
 * benefits, assumptions, each criterion in each status, each question's choices. Answers share these immutable
 * pieces instead of building them for every request.
 */
final class Phrasebook {

    private final Map<Lang, Words> words = new EnumMap<>(Lang.class);
    private final Map<String, Integer> questionOrder = new HashMap<>();
    private final String defaultCurrency;

    private record Words(Map<String, List<Advice.BenefitAdvice>> benefits,
                         Map<String, List<Advice.AssumptionAdvice>> assumptions,
                         Map<Criterion, Advice.CriterionAdvice[]> criteria,
                         Map<String, List<Advice.ValueAdvice>> values) {}

    Phrasebook(Catalogue catalogue) {
        List<Question> questions = catalogue.questions();
        for (int i = 0; i < questions.size(); i++) questionOrder.put(questions.get(i).field(), i);
        defaultCurrency = catalogue.programs().stream().flatMap(p -> p.benefits().stream()).map(Program.Benefit::currency)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        for (Lang lang : Lang.values()) {
            Words in = new Words(new HashMap<>(), new HashMap<>(), new IdentityHashMap<>(), new HashMap<>());
            for (Program program : catalogue.programs()) {
                in.benefits.put(program.id(), program.benefits().stream().map(b -> benefit(catalogue, b, lang)).toList());
                in.assumptions.put(program.id(), program.assumptions().stream()
                        .map(id -> new Advice.AssumptionAdvice(id, catalogue.assumption(id).text().in(lang)))
                        .toList());
            }
            for (Criterion criterion : catalogue.criteria().values()) {
                Advice.CriterionAdvice[] byStatus = new Advice.CriterionAdvice[Status.values().length];
                for (Status status : Status.values()) {
                    byStatus[status.ordinal()] = new Advice.CriterionAdvice(criterion.id(), status, criterion.text().in(lang), criterion.fields());
                }
                in.criteria.put(criterion, byStatus);
            }
            for (Question question : questions) {
                in.values.put(question.field(), question.values().stream()
                        .map(v -> new Advice.ValueAdvice(v, question.valueLabel(v).in(lang)))
                        .toList());
            }
            words.put(lang, in);
        }
    }

    private static Advice.BenefitAdvice benefit(Catalogue catalogue, Program.Benefit b, Lang lang) {
        Unit unit = b.frequency() == null ? null : catalogue.units().get(b.frequency());
        String periods = b.periods() == null || unit == null || unit.periods() == null ? null
                : unit.periods().in(lang).replace("{0}", String.valueOf(b.periods()));
        return new Advice.BenefitAdvice(b.kind(), b.amount(), b.currency(), b.frequency(), unit == null ? null : unit.label().in(lang),
                b.periods(), periods, b.cap(), b.maximum(), b.description().in(lang));
    }

    /** The currency of the catalogue's first cash amount: the total's currency when nothing counts. */
    String defaultCurrency() {
        return defaultCurrency;
    }

    List<Advice.BenefitAdvice> benefits(Program program, Lang lang) {
        return words.get(lang).benefits.get(program.id());
    }

    List<Advice.AssumptionAdvice> assumptions(Program program, Lang lang) {
        return words.get(lang).assumptions.get(program.id());
    }

    Advice.CriterionAdvice criterion(Criterion criterion, Status status, Lang lang) {
        return words.get(lang).criteria.get(criterion)[status.ordinal()];
    }

    List<Advice.ValueAdvice> values(Question question, Lang lang) {
        return words.get(lang).values.get(question.field());
    }

    /** A question's place in the catalogue, for ordering. */
    int order(String field) {
        return questionOrder.getOrDefault(field, Integer.MAX_VALUE);
    }
}
