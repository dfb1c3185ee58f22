package org.policyadvisor.advice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.ruleset.Ruleset;

/** Decides every program of a ruleset for one applicant and explains the verdicts. */
public final class Advisor {

    public static final String CURRENCY = "CNY";

    private final RuleEvaluator evaluator;

    public Advisor(EvaluationLimits limits) {
        this.evaluator = new RuleEvaluator(limits);
    }

    public Decision decide(Ruleset ruleset, Map<String, Object> answers, LocalDate asOf) {
        Set<String> fired = evaluator.firedRules(ruleset, answers);
        Catalogue catalogue = ruleset.catalogue();
        List<Decision.ProgramDecision> programs = new ArrayList<>();
        for (Program program : catalogue.programs()) {
            List<Criterion.Outcome> outcomes = new ArrayList<>();
            Set<String> missing = new LinkedHashSet<>();
            for (String id : program.criteria()) {
                Criterion criterion = catalogue.criterion(id);
                Criterion.Outcome outcome = id.equals(Criterion.PROGRAM_IN_EFFECT)
                        ? Criterion.Outcome.known(criterion, program.inEffectOn(asOf))
                        : criterion.evaluate(fired, answers);
                outcomes.add(outcome);
                missing.addAll(outcome.missing());
            }
            programs.add(Decision.ProgramDecision.of(program, outcomes, inQuestionOrder(catalogue, missing)));
        }
        return new Decision(programs);
    }

    public Advice advise(Ruleset ruleset, AdviceRequest request, LocalDate asOf, Lang lang) {
        Decision decision = decide(ruleset, request.answers(), asOf);
        Catalogue catalogue = ruleset.catalogue();
        List<Advice.ProgramAdvice> programs = decision.programs().stream().map(p -> programAdvice(catalogue, p, lang)).toList();
        return new Advice(ruleset.version(), asOf, lang.tag(), programs, questions(catalogue, decision, lang),
                new Advice.Totals(decision.eligibleCash(), CURRENCY));
    }

    private static List<String> inQuestionOrder(Catalogue catalogue, Set<String> fields) {
        return catalogue.questions().stream().map(Question::field).filter(fields::contains).toList();
    }

    private static Advice.ProgramAdvice programAdvice(Catalogue catalogue, Decision.ProgramDecision decision, Lang lang) {
        Program program = decision.program();
        return new Advice.ProgramAdvice(
                program.id(),
                program.name().in(lang),
                program.summary().in(lang),
                decision.status(),
                program.availability(),
                program.effectiveFrom(),
                program.effectiveTo(),
                program.benefits().stream()
                        .map(b -> new Advice.BenefitAdvice(b.kind(), b.amount(), b.currency(), b.frequency(), b.description().in(lang)))
                        .toList(),
                decision.outcomes().stream()
                        .map(o -> new Advice.CriterionAdvice(o.criterion().id(), o.status(), o.criterion().text().in(lang), o.criterion().fields()))
                        .toList(),
                decision.missing(),
                program.assumptions().stream()
                        .map(id -> new Advice.AssumptionAdvice(id, catalogue.assumption(id).text().in(lang)))
                        .toList(),
                program.howToApply().in(lang),
                program.source());
    }

    /** The unanswered fields of NEEDS_INFO programs, the field that would decide the most programs first. */
    private static List<Advice.QuestionAdvice> questions(Catalogue catalogue, Decision decision, Lang lang) {
        Map<String, List<String>> decides = new LinkedHashMap<>();
        for (Decision.ProgramDecision program : decision.programs()) {
            if (program.status() != ProgramStatus.NEEDS_INFO) continue;
            program.missing().forEach(field -> decides.computeIfAbsent(field, f -> new ArrayList<>()).add(program.program().id()));
        }
        List<Question> order = catalogue.questions();
        return decides.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
                        .thenComparingInt(e -> order.indexOf(catalogue.question(e.getKey()))))
                .map(e -> questionAdvice(catalogue.question(e.getKey()), e.getValue(), lang))
                .toList();
    }

    private static Advice.QuestionAdvice questionAdvice(Question question, List<String> decides, Lang lang) {
        return new Advice.QuestionAdvice(
                question.field(),
                question.label().in(lang),
                question.hint() == null ? null : question.hint().in(lang),
                question.type(),
                question.values().stream().map(v -> new Advice.ValueAdvice(v, question.valueLabel(v).in(lang))).toList(),
                question.min(),
                question.max(),
                List.copyOf(decides));
    }


}
