package org.policyadvisor.subsidy;

import java.time.LocalDate;
import java.util.List;

/** What the human resources department will pay for a claim, item by item, as the API returns it. */
public record ClaimAnswer(
        String rulesetVersion,
        LocalDate asOf,
        boolean mentorEligible,
        List<ItemLine> items,
        List<MenteeLine> mentees,
        long totalPayable,
        String currency) {

    /** {@code requested} is the amount before caps and refusals; {@code cap} names the cap that cut it. */
    public record ItemLine(int index, String mentee, String type, LocalDate date, long requested, long payable,
                           Reason reason, String cap) {}

    /** {@code accepted} is false for a mentee the mentor may not claim for; {@code payable} sums its items. */
    public record MenteeLine(String id, boolean accepted, Reason reason, long payable) {}

    public enum Reason { MENTEE_LIMIT, OUTSIDE_TERM, WRONG_MENTEE_STATUS, CAP_REACHED, ALREADY_PAID, MENTOR_NOT_ELIGIBLE }
}
