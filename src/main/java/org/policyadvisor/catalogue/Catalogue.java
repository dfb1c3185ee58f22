package org.policyadvisor.catalogue;

import java.util.List;
import java.util.Map;

/**
 * Everything the rules declare for advice, read once per ruleset and then only looked up.
 *
 * @param units the units a benefit's amount can be given in (ONE_OFF, PER_MONTH…), with their labels
 */
public record Catalogue(
        List<Question> questions,
        Map<String, Question> questionsByField,
        Map<String, Criterion> criteria,
        Map<String, Assumption> assumptions,
        List<Program> programs,
        Map<String, Unit> units) {

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
