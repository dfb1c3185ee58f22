package org.policyadvisor.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.policyadvisor.catalogue.Assumption;
import org.policyadvisor.catalogue.Condition;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.Text;

/**
 * The criteria: the rules with {@code @criterion}, grouped by id, each with its text (in common/criteria.yaml or its
 * program's YAML) and the questions its conditions read, as the language check found them.
 */
final class CriterionReader {

    static final String CRITERIA_TEXTS = "criteria.yaml";

    record CriterionText(Text text, List<String> assumptions) {
        List<String> assumptionIds() {
            return assumptions == null ? List.of() : List.copyOf(assumptions);
        }
    }

    private final CatalogueFiles files;
    private final KieBase kieBase;
    private final LanguageCheck.Result language;
    private final String applicant;

    /** @param applicant the declared type whose fields are the questions */
    CriterionReader(CatalogueFiles files, KieBase kieBase, LanguageCheck.Result language, String applicant) {
        this.applicant = applicant;
        this.files = files;
        this.kieBase = kieBase;
        this.language = language;
    }

    /** @param programCriteria the criterion texts in a program's description file, or null for any other file */
    Map<String, Criterion> read(Map<String, Question> questions, Map<String, Assumption> assumptions,
                                Function<RuleFile, Map<String, CriterionText>> programCriteria) {
        Map<String, CriterionText> texts = texts(programCriteria);
        Map<String, List<Rule>> rulesByCriterion = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String criterion = Metadata.string(rule.getMetaData().get("criterion"));
                if (criterion == null && language.computing().contains(rule.getName())) {
                    continue; // it computes results (inserts or modifies facts); it decides no criterion
                } else if (criterion == null) {
                    files.problem(null, "rule \"" + rule.getName() + "\"", "rule \"" + rule.getName() + "\" has no @criterion(\"…\"); a rule either decides a condition of a criterion or inserts or modifies facts");
                } else {
                    rulesByCriterion.computeIfAbsent(criterion, id -> new ArrayList<>()).add(rule);
                }
            }
        }
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        rulesByCriterion.forEach((id, rules) -> {
            CriterionText text = texts.get(id);
            if (text == null) {
                files.problem(null, "@criterion(\"" + id + "\")", "criterion '" + id + "' has no text; add it to common/criteria.yaml or to its program's YAML under criteria:");
                return;
            }
            criteria.put(id, criterion(id, text, rules, questions));
        });
        CriterionText inEffect = texts.get(Criterion.PROGRAM_IN_EFFECT);
        if (inEffect == null) {
            files.problem(CRITERIA_TEXTS, null, "the built-in criterion '" + Criterion.PROGRAM_IN_EFFECT + "' needs a text");
        } else {
            criteria.put(Criterion.PROGRAM_IN_EFFECT, new Criterion(Criterion.PROGRAM_IN_EFFECT, inEffect.text(),
                    inEffect.assumptionIds(), List.of(), false, List.of()));
        }
        texts.keySet().stream()
                .filter(id -> !criteria.containsKey(id) && !rulesByCriterion.containsKey(id))
                .forEach(id -> files.problem(CRITERIA_TEXTS, id + ":", "criterion '" + id + "' has a text but no rule with @criterion(\"" + id + "\")"));
        criteria.values().forEach(c -> c.assumptions().stream().filter(a -> !assumptions.containsKey(a))
                .forEach(a -> files.problem(CRITERIA_TEXTS, c.id() + ":", "criterion '" + c.id() + "' relies on assumption " + a + ", which assumptions.yaml does not define")));
        return criteria;
    }

    private Criterion criterion(String id, CriterionText text, List<Rule> rules, Map<String, Question> questions) {
        Set<String> combines = new LinkedHashSet<>();
        List<Condition> conditions = new ArrayList<>();
        for (Rule rule : rules) {
            String where = "rule \"" + rule.getName() + "\"";
            combines.add(Metadata.string(rule.getMetaData().getOrDefault("combine", "all")));
            if (rule.getMetaData().containsKey("fields")) {
                files.problem(null, where, where + " has @fields, which is no longer written: the questions a rule reads are worked out from its conditions; remove it");
            }
            // Read from the parsed conditions: a condition is unknown while any question it reads is unanswered.
            List<String> fields = List.copyOf(language.fieldsRead(rule.getName(), applicant));
            conditions.add(new Condition(rule.getPackageName() + "/" + rule.getName(), rule.getName(), fields));
        }
        if (combines.size() > 1 || !(combines.contains("all") || combines.contains("any"))) {
            files.problem(null, "@criterion(\"" + id + "\")", "the rules of criterion '" + id + "' must all say @combine(\"any\") or none of them; found " + combines);
        }
        List<String> fields = questions.keySet().stream()
                .filter(f -> conditions.stream().anyMatch(c -> c.fields().contains(f)))
                .toList();
        return new Criterion(id, text.text(), text.assumptionIds(), List.copyOf(conditions), combines.contains("any"), fields);
    }

    private Map<String, CriterionText> texts(Function<RuleFile, Map<String, CriterionText>> programCriteria) {
        Map<String, CriterionText> texts = new LinkedHashMap<>();
        for (RuleFile file : files.all()) {
            Map<String, CriterionText> found = file.fileName().equals(CRITERIA_TEXTS)
                    ? files.parse(file, new TypeReference<LinkedHashMap<String, CriterionText>>() {})
                    : programCriteria.apply(file);
            if (found == null) continue;
            found.forEach((id, text) -> {
                if (texts.putIfAbsent(id, text) != null) files.problem(file.path(), id + ":", "criterion '" + id + "' has a text in more than one file");
            });
        }
        return texts;
    }
}
