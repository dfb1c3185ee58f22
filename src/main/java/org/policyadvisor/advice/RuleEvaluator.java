package org.policyadvisor.advice;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.policyadvisor.ruleset.Ruleset;

/** Runs the condition rules of a ruleset against one applicant and reports which of them fired. */
final class RuleEvaluator {

    private final EvaluationLimits limits;
    private final EvaluationObserver observer;

    RuleEvaluator(EvaluationLimits limits, EvaluationObserver observer) {
        this.limits = limits;
        this.observer = observer;
    }

    /** The keys ({@code package/rule name}) of the condition rules that fired. */
    Set<String> firedRules(Ruleset ruleset, Map<String, Object> answers) {
        return firedRules(ruleset.derived(Prepared.class, Prepared::new), answers);
    }

    Set<String> firedRules(Prepared prepared, Map<String, Object> answers) {
        Object applicant = prepared.applicants.create(answers);
        KieSession session = prepared.newSession();
        try {
            Firings fired = new Firings(session, prepared.ruleKeys, System.nanoTime() + limits.timeBudget().toNanos());
            session.insert(applicant);
            int firings = session.fireAllRules(fired, limits.maxFirings());
            observer.evaluated(firings, fired.outOfTime || firings >= limits.maxFirings());
            if (fired.outOfTime) throw new EvaluationAborted("the rules ran longer than " + limits.timeBudget().toMillis() + " ms");
            if (firings >= limits.maxFirings()) throw new EvaluationAborted("the rules fired " + firings + " times without finishing");
            return fired.keys;
        } finally {
            session.dispose(); // a pooled session is reset and goes back to its pool
        }
    }

    /**
     * What every evaluation against one ruleset shares: a pool of sessions (a new session per request costs more
     * than resetting a used one), the applicant factory, and each rule's key, so a firing builds no strings.
     */
    static final class Prepared implements AutoCloseable {
        private final KieBase kieBase;
        private final KieSessionsPool sessions;
        private final ApplicantFactory applicants;
        private final Map<Rule, String> ruleKeys = new IdentityHashMap<>();

        Prepared(Ruleset ruleset) {
            this.kieBase = ruleset.kieBase();
            this.applicants = new ApplicantFactory(ruleset.applicantType(), ruleset.catalogue().questions());
            for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
                for (Rule rule : pkg.getRules()) ruleKeys.put(rule, key(rule));
            }
            this.sessions = ruleset.kieBase().newKieSessionsPool(2);
        }

        KieSession newSession() {
            try {
                return sessions.newKieSession();
            } catch (IllegalStateException poolShutDown) {
                // A reload released this ruleset while a request still held it: that request still gets its answer.
                return kieBase.newKieSession();
            }
        }

        @Override
        public void close() {
            sessions.shutdown();
        }
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }

    /** Records each rule as it fires, and halts the session once the time budget is spent. */
    private static final class Firings implements AgendaFilter {
        private final KieSession session;
        private final Map<Rule, String> ruleKeys;
        private final long deadline;
        private final Set<String> keys;
        private boolean outOfTime;

        Firings(KieSession session, Map<Rule, String> ruleKeys, long deadline) {
            this.session = session;
            this.ruleKeys = ruleKeys;
            this.deadline = deadline;
            this.keys = new HashSet<>(ruleKeys.size() * 4 / 3 + 1); // room for every rule: no rehashing while firing
        }

        @Override
        public boolean accept(Match match) {
            if (System.nanoTime() > deadline) {
                outOfTime = true;
                session.halt();
                return false;
            }
            Rule rule = match.getRule();
            String key = ruleKeys.get(rule);
            keys.add(key != null ? key : key(rule));
            return true;
        }
    }
}
