package org.policyadvisor.catalogue;

import java.util.List;
import java.util.Map;

/**
 * One field of the applicant profile, declared in rules/applicant.drl.
 *
 * @param appliesTo PERSON, ORGANIZATION, or null when it applies to both
 * @param defaultValue the value a profile gets when the field is left out (an assumption such as A4), or null
 */
public record Question(
        String field,
        QuestionType type,
        List<String> values,
        Integer min,
        Integer max,
        String appliesTo,
        Object defaultValue,
        Text label,
        Text hint,
        Map<String, Text> valueLabels) {

    public Text valueLabel(String value) {
        return valueLabels.get(value);
    }

    public boolean appliesTo(String applicantType) {
        return appliesTo == null || appliesTo.equals(applicantType);
    }
}
