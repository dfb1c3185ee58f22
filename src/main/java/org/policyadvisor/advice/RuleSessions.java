package org.policyadvisor.advice;

import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.policyadvisor.ruleset.Ruleset;

/**
 * The sessions of one ruleset, pooled (resetting a used session costs less than making a new one), and one run of
 * the rules within the evaluation limits; for advice and claims alike.
 */
public final class RuleSessions implements AutoCloseable {

    private final KieBase kieBase;
    private final KieSessionsPool pool;

    private RuleSessions(Ruleset ruleset) {
        this.kieBase = ruleset.kieBase();
        this.pool = kieBase.newKieSessionsPool(2);
    }

    /** The ruleset's one pool, made on first use. */
    public static RuleSessions of(Ruleset ruleset) {
        return ruleset.derived(RuleSessions.class, RuleSessions::new);
    }

    public KieSession newSession() {
        try {
            return pool.newKieSession();
        } catch (IllegalStateException poolShutDown) {
            // A reload released this ruleset while a request still held it: that request still gets its answer.
            return kieBase.newKieSession();
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    /**
     * Fires the session's rules within {@code limits}, showing each match to {@code firing} before it fires, and
     * reports the run to {@code observer}.
     *
     * @param what the rules' name in the error, e.g. "the rules"
     * @throws EvaluationAborted when the rules ran out of time or firings
     */
    public static int fire(KieSession session, EvaluationLimits limits, Consumer<Match> firing, EvaluationObserver observer, String what) {
        Deadline deadline = new Deadline(session, System.nanoTime() + limits.timeBudget().toNanos(), firing);
        int firings = session.fireAllRules(deadline, limits.maxFirings());
        observer.evaluated(firings, deadline.outOfTime || firings >= limits.maxFirings());
        if (deadline.outOfTime) throw new EvaluationAborted(what + " ran longer than " + limits.timeBudget().toMillis() + " ms");
        if (firings >= limits.maxFirings()) throw new EvaluationAborted(what + " fired " + firings + " times without finishing");
        return firings;
    }

    /** Halts the session once the time budget is spent, checked before every firing. */
    private static final class Deadline implements AgendaFilter {
        private final KieSession session;
        private final long deadline;
        private final Consumer<Match> firing;
        private boolean outOfTime;

        Deadline(KieSession session, long deadline, Consumer<Match> firing) {
            this.session = session;
            this.deadline = deadline;
            this.firing = firing;
        }

        @Override
        public boolean accept(Match match) {
            if (System.nanoTime() > deadline) {
                outOfTime = true;
                session.halt();
                return false;
            }
            firing.accept(match);
            return true;
        }
    }
}
