package org.policyadvisor.catalogue;

import java.util.List;

/**
 * The mentor subsidy schedule the rules declare (policy-catalogue §4): every number is a rule value.
 *
 * @param mentorProgram the program a mentor must be ELIGIBLE for
 * @param itemTypes     the item types a claim may contain, by name
 */
public record MentorSchedule(String mentorProgram, int maxConcurrentMentees, int termMonths, List<ItemType> itemTypes) {

    public ItemType itemType(String name) {
        return itemTypes.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** Which mentees an item type is for, judged by whether the mentee was employed when mentoring began. */
    public enum Mentee { EMPLOYED, NOT_EMPLOYED, NONE }

    /**
     * One kind of claim item. It pays either {@code rate} per unit of quantity, or its {@code parts}, each once per
     * mentee; {@code capPerMentee} (null: no cap) limits what one mentee can bring in across all claims.
     */
    public record ItemType(String name, Mentee mentee, Long rate, Long capPerMentee, List<Part> parts) {

        public boolean paidInParts() {
            return rate == null;
        }

        public boolean forMentee() {
            return mentee != Mentee.NONE;
        }

        /** The cap's name in an answer, e.g. {@code CAREER_GUIDANCE_PER_MENTEE}. */
        public String capName() {
            return name + "_PER_MENTEE";
        }

        /** The fewest insured months that earn any part. */
        public int firstPartMonths() {
            return parts.stream().mapToInt(Part::afterInsuredMonths).min().orElse(0);
        }
    }

    /** An amount paid once per mentee when the mentee has been insured for {@code afterInsuredMonths}. */
    public record Part(String name, long amount, int afterInsuredMonths) {}
}
