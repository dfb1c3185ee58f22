package org.policyadvisor.advice;

import java.util.List;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Status;

/** The verdicts for one applicant, before they are put into words. */
public record Decision(List<ProgramDecision> programs) {

    /** One-off cash of the ELIGIBLE programs whose amount is known; rates are never added up. */
    public long eligibleCash() {
        return programs.stream()
                .filter(p -> p.status() == ProgramStatus.ELIGIBLE)
                .flatMap(p -> p.program().benefits().stream())
                .filter(Program.Benefit::countsTowardsTotal)
                .mapToLong(Program.Benefit::amount)
                .sum();
    }

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
