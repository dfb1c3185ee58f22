package org.policyadvisor.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One condition rule: it fires exactly when its condition holds. It is unknown while any field it reads is
 * unanswered, so a rule never has to spell out what an unanswered question means.
 *
 * @param ruleKey package and rule name, as the engine sees the rule fire
 */
public record Condition(String ruleKey, String ruleName, List<String> fields) {

    public Status status(Set<String> firedRules, Map<String, Object> answers) {
        for (String field : fields) {
            if (answers.get(field) == null) return Status.UNKNOWN;
        }
        return Status.of(firedRules.contains(ruleKey));
    }
}
