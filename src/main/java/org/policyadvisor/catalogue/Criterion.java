package org.policyadvisor.catalogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named requirement made of condition rules, combined with Kleene AND (or OR when {@code any}).
 *
 * @param fields every question the criterion reads, in question order
 */
public record Criterion(String id, Text text, List<String> assumptions, List<Condition> conditions, boolean any, List<String> fields) {

    public static final String PROGRAM_IN_EFFECT = "program-in-effect";

    public Outcome evaluate(Set<String> firedRules, Map<String, Object> answers) {
        Status status = any ? Status.NOT_MET : Status.MET;
        Set<String> unknownFields = null; // most criteria of a full profile are known: build the set only when needed
        for (Condition condition : conditions) {
            Status part = condition.status(firedRules, answers);
            status = any ? status.or(part) : status.and(part);
            if (part == Status.UNKNOWN) {
                if (unknownFields == null) unknownFields = new LinkedHashSet<>();
                for (String field : condition.fields()) {
                    if (answers.get(field) == null) unknownFields.add(field);
                }
            }
        }
        return new Outcome(this, status, status == Status.UNKNOWN ? List.copyOf(unknownFields) : List.of());
    }

    /** A criterion's result for one applicant; {@code missing} are the unanswered fields that would decide it. */
    public record Outcome(Criterion criterion, Status status, List<String> missing) {

        public static Outcome known(Criterion criterion, boolean holds) {
            return new Outcome(criterion, Status.of(holds), List.of());
        }
    }
}
