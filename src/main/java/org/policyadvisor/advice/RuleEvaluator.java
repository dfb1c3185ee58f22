package org.policyadvisor.advice;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
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
        KieSession session = prepared.sessions.newSession();
        try {
            Set<String> keys = new HashSet<>(prepared.ruleKeys.size() * 4 / 3 + 1); // room for every rule: no rehashing while firing
            session.insert(applicant);
            RuleSessions.fire(session, limits, match -> keys.add(prepared.key(match.getRule())), observer, "the rules");
            return keys;
        } finally {
            session.dispose(); // a pooled session is reset and goes back to its pool
        }
    }

    /**
     * What every evaluation against one ruleset shares: its sessions, the applicant factory, and each rule's key, so
     * a firing builds no strings.
     */
    static final class Prepared {
        private final RuleSessions sessions;
        private final ApplicantFactory applicants;
        private final Map<Rule, String> ruleKeys = new IdentityHashMap<>();

        Prepared(Ruleset ruleset) {
            this.sessions = RuleSessions.of(ruleset);
            this.applicants = new ApplicantFactory(ruleset.applicantType(), ruleset.catalogue().questions());
            for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
                for (Rule rule : pkg.getRules()) ruleKeys.put(rule, key(rule));
            }
        }

        private String key(Rule rule) {
            String key = ruleKeys.get(rule);
            return key != null ? key : RuleEvaluator.key(rule);
        }
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }
}
