package org.policyadvisor.subsidy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.catalogue.MentorSchedule;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.subsidy.ClaimAnswer.ItemLine;
import org.policyadvisor.subsidy.ClaimAnswer.MenteeLine;
import org.policyadvisor.subsidy.ClaimAnswer.Reason;

/**
 * Works out what a claim pays under the schedule the rules declare. The same steps apply to every item type:
 * mentor, mentee limit, term, mentee status, then what earlier claims and earlier items (in date order) already
 * used of the parts and the cap. Whole CNY in {@code long}, with overflow checks.
 */
public final class SubsidyCalculator {

    private final Advisor advisor;

    public SubsidyCalculator(Advisor advisor) {
        this.advisor = advisor;
    }

    /**
     * @throws InvalidInput when the mentor's profile leaves the mentor program NEEDS_INFO: the claim cannot be
     *                      worked out without the missing answers, so each is asked for under {@code /mentor}
     */
    public ClaimAnswer calculate(Ruleset ruleset, Claim claim, LocalDate asOf) {
        MentorSchedule schedule = ruleset.catalogue().mentorSchedule();
        boolean mentorEligible = mentorEligible(ruleset, schedule, claim, asOf);
        Set<String> overLimit = mentorEligible ? beyondLimit(schedule, claim.mentees()) : Set.of();
        Map<String, Claim.Mentee> mentees = new HashMap<>();
        Map<String, Map<String, Long>> paid = new HashMap<>();
        for (Claim.Mentee mentee : claim.mentees()) {
            mentees.put(mentee.id(), mentee);
            paid.put(mentee.id(), new HashMap<>(mentee.previouslyPaid()));
        }

        // Answered in request order, worked out in date order: an earlier item uses a cap first.
        List<Claim.Item> requestOrder = claim.items();
        ItemLine[] lines = new ItemLine[requestOrder.size()];
        List<Integer> byDate = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) byDate.add(i);
        byDate.sort(Comparator.comparing((Integer i) -> requestOrder.get(i).date()).thenComparingInt(i -> i));
        for (int position : byDate) {
            Claim.Item item = requestOrder.get(position);
            MentorSchedule.ItemType type = schedule.itemType(item.type());
            Claim.Mentee mentee = item.mentee() == null ? null : mentees.get(item.mentee());
            long requested = requested(type, item.units());
            Reason refusal = !mentorEligible ? Reason.MENTOR_NOT_ELIGIBLE : mentee == null ? null : refusal(schedule, type, mentee, item, overLimit);
            ItemLine line = new ItemLine(item.index(), item.mentee(), type.name(), item.date(), requested, 0, refusal, null);
            if (refusal == null) line = mentee == null ? paidInFull(line) : withinLimits(line, type, paid.get(mentee.id()));
            lines[position] = line;
        }
        List<ItemLine> items = List.of(lines);
        return new ClaimAnswer(ruleset.version(), asOf, mentorEligible, items, menteeLines(claim, items, mentorEligible, overLimit),
                items.stream().mapToLong(ItemLine::payable).reduce(0, Math::addExact), Advisor.CURRENCY);
    }

    private boolean mentorEligible(Ruleset ruleset, MentorSchedule schedule, Claim claim, LocalDate asOf) {
        Decision.ProgramDecision mentor = advisor.decide(ruleset, claim.mentor(), asOf).program(schedule.mentorProgram());
        if (mentor.status() == ProgramStatus.NEEDS_INFO) {
            throw new InvalidInput(mentor.missing().stream()
                    .map(field -> FieldError.of("/" + ClaimBinder.MENTOR + "/" + field, "needed-for-mentor")).toList());
        }
        return mentor.status() == ProgramStatus.ELIGIBLE;
    }

    /** The mentees beyond the limit of concurrent ones, taken in start-date order (then request order). */
    private static Set<String> beyondLimit(MentorSchedule schedule, List<Claim.Mentee> mentees) {
        List<Claim.Mentee> byStart = new ArrayList<>(mentees);
        byStart.sort(Comparator.comparing(Claim.Mentee::startDate));
        List<Claim.Mentee> accepted = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        for (Claim.Mentee mentee : byStart) {
            // Every accepted mentee started no later, so it overlaps this one exactly when its term is still running.
            long running = accepted.stream().filter(a -> termEnd(schedule, a).isAfter(mentee.startDate())).count();
            if (running < schedule.maxConcurrentMentees()) accepted.add(mentee);
            else refused.add(mentee.id());
        }
        return refused;
    }

    /** The first day after the mentee's term. */
    private static LocalDate termEnd(MentorSchedule schedule, Claim.Mentee mentee) {
        return mentee.startDate().plusMonths(schedule.termMonths());
    }

    private static Reason refusal(MentorSchedule schedule, MentorSchedule.ItemType type, Claim.Mentee mentee, Claim.Item item,
                                  Set<String> overLimit) {
        if (overLimit.contains(mentee.id())) return Reason.MENTEE_LIMIT;
        if (item.date().isBefore(mentee.startDate()) || !item.date().isBefore(termEnd(schedule, mentee))) return Reason.OUTSIDE_TERM;
        boolean fits = mentee.employedAtStart() ? type.mentee() == MentorSchedule.Mentee.EMPLOYED : type.mentee() == MentorSchedule.Mentee.NOT_EMPLOYED;
        return fits ? null : Reason.WRONG_MENTEE_STATUS;
    }

    /** Before caps and refusals: rate times quantity, or every part the insured months have reached. */
    private static long requested(MentorSchedule.ItemType type, int units) {
        if (!type.paidInParts()) return Math.multiplyExact(type.rate(), units);
        return type.parts().stream().filter(p -> units >= p.afterInsuredMonths()).mapToLong(MentorSchedule.Part::amount)
                .reduce(0, Math::addExact);
    }

    private static ItemLine paidInFull(ItemLine line) {
        return new ItemLine(line.index(), line.mentee(), line.type(), line.date(), line.requested(), line.requested(), null, null);
    }

    /** Parts already paid are not paid again; a cap pays what room is left; either way the mentee's total grows. */
    private static ItemLine withinLimits(ItemLine line, MentorSchedule.ItemType type, Map<String, Long> paidByType) {
        long before = paidByType.getOrDefault(type.name(), 0L);
        long payable = line.requested();
        Reason reason = null;
        String cap = null;
        if (type.paidInParts() && line.requested() - before < payable) {
            payable = Math.max(0, line.requested() - before);
            reason = Reason.ALREADY_PAID;
        }
        if (type.capPerMentee() != null && type.capPerMentee() - before < payable) {
            payable = Math.max(0, type.capPerMentee() - before);
            reason = Reason.CAP_REACHED;
            cap = type.capName();
        }
        paidByType.put(type.name(), Math.addExact(before, payable));
        return new ItemLine(line.index(), line.mentee(), line.type(), line.date(), line.requested(), payable, reason, cap);
    }

    private static List<MenteeLine> menteeLines(Claim claim, List<ItemLine> items, boolean mentorEligible, Set<String> overLimit) {
        return claim.mentees().stream().map(mentee -> {
            Reason reason = !mentorEligible ? Reason.MENTOR_NOT_ELIGIBLE : overLimit.contains(mentee.id()) ? Reason.MENTEE_LIMIT : null;
            long payable = items.stream().filter(i -> mentee.id().equals(i.mentee())).mapToLong(ItemLine::payable).reduce(0, Math::addExact);
            return new MenteeLine(mentee.id(), reason == null, reason, payable);
        }).toList();
    }
}
