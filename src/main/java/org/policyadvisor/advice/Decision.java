package org.policyadvisor.advice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Status;

/** The verdicts for one applicant, before they are put into words. */
public record Decision(List<ProgramDecision> programs) {

    /**
     * One-off cash of the ELIGIBLE programs that run now (IN_EFFECT or PILOT, policy-catalogue R7) whose amount is
     * known, per currency in order of first appearance; rates are never added up.
     */
    public List<CashTotal> cashTotals() {
        Map<String, CashTotal> totals = new LinkedHashMap<>();
        for (ProgramDecision p : programs) {
            if (p.status() != ProgramStatus.ELIGIBLE || p.program().availability() == Program.Availability.PLANNED) continue;
            for (Program.Benefit b : p.program().benefits()) {
                if (!b.countsTowardsTotal()) continue;
                totals.merge(b.currency(), new CashTotal(b.currency(), b.amount(), b.maximum()),
                        (x, y) -> new CashTotal(x.currency(), Math.addExact(x.amount(), y.amount()), x.upTo() || y.upTo()));
            }
        }
        return List.copyOf(totals.values());
    }

    /** The first currency's total (0 when nothing counts): what a scenario's {@code eligibleCash} compares. */
    public long eligibleCash() {
        List<CashTotal> totals = cashTotals();
        return totals.isEmpty() ? 0 : totals.get(0).amount();
    }

    /** {@code upTo}: some amount in it is a maximum, so the total is an upper bound. */
    public record CashTotal(String currency, long amount, boolean upTo) {}

    public ProgramDecision program(String id) {
        return programs.stream().filter(p -> p.program().id().equals(id)).findFirst().orElse(null);
    }

    /**
     * A program's verdict: any criterion NOT_MET makes it NOT_ELIGIBLE; else any UNKNOWN makes it NEEDS_INFO;
     * else ELIGIBLE. {@code missing} are the unanswered fields that would decide its unknown criteria, and only for
     * NEEDS_INFO: the unknown fields of a program that already fails (or holds) are not questions to ask.
     */
    public record ProgramDecision(Program program, ProgramStatus status, List<Criterion.Outcome> outcomes, List<String> missing) {

        static ProgramDecision of(Program program, List<Criterion.Outcome> outcomes, List<String> missing) {
            ProgramStatus status = ProgramStatus.ELIGIBLE;
            for (Criterion.Outcome outcome : outcomes) {
                if (outcome.status() == Status.NOT_MET) status = ProgramStatus.NOT_ELIGIBLE;
                else if (outcome.status() == Status.UNKNOWN && status == ProgramStatus.ELIGIBLE) status = ProgramStatus.NEEDS_INFO;
            }
            return new ProgramDecision(program, status, outcomes, status == ProgramStatus.NEEDS_INFO ? missing : List.of());
        }

        public Criterion.Outcome outcome(String criterionId) {
            return outcomes.stream().filter(o -> o.criterion().id().equals(criterionId)).findFirst().orElse(null);
        }
    }
}
