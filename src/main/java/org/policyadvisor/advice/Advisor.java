package org.policyadvisor.advice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
import org.policyadvisor.catalogue.Status;
import org.policyadvisor.ruleset.Ruleset;

/** Decides every program of a ruleset for one applicant and explains the verdicts. */
public final class Advisor {

    private final RuleEvaluator evaluator;
    private final EvaluationLimits limits;

    public Advisor(EvaluationLimits limits) {
        this(limits, EvaluationObserver.NONE);
    }

    public Advisor(EvaluationLimits limits, EvaluationObserver observer) {
        this.evaluator = new RuleEvaluator(limits, observer);
        this.limits = limits;
    }

    /** The bounds of one evaluation, which every other use of the rules (such as a claim) keeps to as well. */
    public EvaluationLimits limits() {
        return limits;
    }

    public Decision decide(Ruleset ruleset, Map<String, Object> answers, LocalDate asOf) {
        Set<String> fired = evaluator.firedRules(ruleset, answers);
        Catalogue catalogue = ruleset.catalogue();
        DecisionPlan plan = ruleset.derived(DecisionPlan.class, r -> new DecisionPlan(r.catalogue()));
        Criterion.Outcome[] outcomesById = new Criterion.Outcome[plan.distinctCriteria]; // a shared criterion is evaluated once
        List<Decision.ProgramDecision> programs = new ArrayList<>(catalogue.programs().size());
        for (int p = 0; p < catalogue.programs().size(); p++) {
            Program program = catalogue.programs().get(p);
            Criterion[] criteria = plan.criteria[p];
            List<Criterion.Outcome> outcomes = new ArrayList<>(criteria.length);
            Set<String> missing = null; // most programs of a full profile miss nothing
            boolean fails = false; // then nothing is missing: no question would change the verdict
            for (int c = 0; c < criteria.length; c++) {
                int number = plan.numbers[p][c];
                Criterion.Outcome outcome;
                if (number < 0) {
                    outcome = Criterion.Outcome.known(criteria[c], program.inEffectOn(asOf));
                } else {
                    outcome = outcomesById[number];
                    if (outcome == null) outcome = outcomesById[number] = criteria[c].evaluate(fired, answers);
                }
                outcomes.add(outcome);
                if (outcome.status() == Status.NOT_MET) fails = true;
                if (!outcome.missing().isEmpty()) {
                    if (missing == null) missing = new LinkedHashSet<>();
                    missing.addAll(outcome.missing());
                }
            }
            programs.add(Decision.ProgramDecision.of(program, outcomes, missing == null || fails ? List.of() : inQuestionOrder(catalogue, missing)));
        }
        return new Decision(programs);
    }

    public Advice advise(Ruleset ruleset, AdviceRequest request, LocalDate asOf, Lang lang) {
        Decision decision = decide(ruleset, request.answers(), asOf);
        Catalogue catalogue = ruleset.catalogue();
        Phrasebook words = ruleset.derived(Phrasebook.class, r -> new Phrasebook(r.catalogue()));
        List<Advice.ProgramAdvice> programs = new ArrayList<>(decision.programs().size());
        for (Decision.ProgramDecision program : decision.programs()) programs.add(programAdvice(words, program, lang));
        return new Advice(ruleset.version(), asOf, lang.tag(), Collections.unmodifiableList(programs), questions(catalogue, words, decision, lang),
                totals(decision, words));
    }

    /** Per currency; {@code eligibleCash} and {@code currency} are the first one's, or 0 in the catalogue's first currency. */
    private static Advice.Totals totals(Decision decision, Phrasebook words) {
        List<Decision.CashTotal> byCurrency = decision.cashTotals();
        Decision.CashTotal first = byCurrency.isEmpty() ? null : byCurrency.get(0);
        return new Advice.Totals(first == null ? 0 : first.amount(), first == null ? words.defaultCurrency() : first.currency(),
                byCurrency.stream().anyMatch(Decision.CashTotal::upTo), byCurrency);
    }

    private static List<String> inQuestionOrder(Catalogue catalogue, Set<String> fields) {
        return catalogue.questions().stream().map(Question::field).filter(fields::contains).toList();
    }

    private static Advice.ProgramAdvice programAdvice(Phrasebook words, Decision.ProgramDecision decision, Lang lang) {
        Program program = decision.program();
        List<Advice.CriterionAdvice> criteria = new ArrayList<>(decision.outcomes().size());
        for (Criterion.Outcome outcome : decision.outcomes()) criteria.add(words.criterion(outcome.criterion(), outcome.status(), lang));
        return new Advice.ProgramAdvice(
                program.id(),
                program.name().in(lang),
                program.summary().in(lang),
                decision.status(),
                program.availability(),
                program.effectiveFrom(),
                program.effectiveTo(),
                words.benefits(program, lang),
                Collections.unmodifiableList(criteria),
                decision.missing(),
                words.assumptions(program, lang),
                program.howToApply().in(lang),
                program.source());
    }

    /** The unanswered fields of NEEDS_INFO programs, the field that would decide the most programs first. */
    private static List<Advice.QuestionAdvice> questions(Catalogue catalogue, Phrasebook words, Decision decision, Lang lang) {
        Map<String, List<String>> decides = new LinkedHashMap<>();
        for (Decision.ProgramDecision program : decision.programs()) {
            if (program.status() != ProgramStatus.NEEDS_INFO) continue;
            program.missing().forEach(field -> decides.computeIfAbsent(field, f -> new ArrayList<>()).add(program.program().id()));
        }
        if (decides.isEmpty()) return List.of();
        return decides.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
                        .thenComparingInt(e -> words.order(e.getKey())))
                .map(e -> questionAdvice(catalogue.question(e.getKey()), words, e.getValue(), lang))
                .toList();
    }

    private static Advice.QuestionAdvice questionAdvice(Question question, Phrasebook words, List<String> decides, Lang lang) {
        return new Advice.QuestionAdvice(
                question.field(),
                question.label().in(lang),
                question.hint() == null ? null : question.hint().in(lang),
                question.type(),
                words.values(question, lang),
                question.min(),
                question.max(),
                List.copyOf(decides));
    }


}
