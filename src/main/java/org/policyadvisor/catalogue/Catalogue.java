package org.policyadvisor.catalogue;

import java.util.List;
import java.util.Map;

/**
 * Everything the rules declare, read once per ruleset and then only looked up.
 *
 * @param mentorSchedule the mentor subsidy schedule, or null when the rules declare none
 */
public record Catalogue(
        List<Question> questions,
        Map<String, Question> questionsByField,
        Map<String, Criterion> criteria,
        Map<String, Assumption> assumptions,
        List<Program> programs,
        MentorSchedule mentorSchedule) {

    public Question question(String field) {
        return questionsByField.get(field);
    }

    public Criterion criterion(String id) {
        return criteria.get(id);
    }

    public Assumption assumption(String id) {
        return assumptions.get(id);
    }
}
