package org.policyadvisor.advice;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.ruleset.Ruleset;

/** Runs the condition rules of a ruleset against one applicant and reports which of them fired. */
final class RuleEvaluator {

    private final EvaluationLimits limits;

    RuleEvaluator(EvaluationLimits limits) {
        this.limits = limits;
    }

    /** The keys ({@code package/rule name}) of the condition rules that fired. */
    Set<String> firedRules(Ruleset ruleset, Map<String, Object> answers) {
        Object applicant = applicant(ruleset, answers);
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            FiredRules fired = new FiredRules(session, System.nanoTime() + limits.timeBudget().toNanos());
            session.addEventListener(fired);
            session.insert(applicant);
            int firings = session.fireAllRules(limits.maxFirings());
            if (fired.outOfTime) throw new EvaluationAborted("the rules ran longer than " + limits.timeBudget().toMillis() + " ms");
            if (firings >= limits.maxFirings()) throw new EvaluationAborted("the rules fired " + firings + " times without finishing");
            return fired.keys;
        } finally {
            session.dispose();
        }
    }

    private static Object applicant(Ruleset ruleset, Map<String, Object> answers) {
        try {
            Object applicant = ruleset.applicantType().newInstance();
            // Every question is set, unanswered ones to null: Drools would start them at 0 or false.
            for (Question question : ruleset.catalogue().questions()) {
                ruleset.applicantType().set(applicant, question.field(), answers.get(question.field()));
            }
            return applicant;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the applicant fact", e);
        }
    }

    private static final class FiredRules extends DefaultAgendaEventListener {
        private final KieSession session;
        private final long deadline;
        private final Set<String> keys = new HashSet<>();
        private boolean outOfTime;

        FiredRules(KieSession session, long deadline) {
            this.session = session;
            this.deadline = deadline;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            if (System.nanoTime() > deadline) {
                outOfTime = true;
                session.halt();
            }
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule rule = event.getMatch().getRule();
            keys.add(rule.getPackageName() + "/" + rule.getName());
        }
    }
}
