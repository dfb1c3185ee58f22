package org.policyadvisor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.Status;
import org.policyadvisor.catalogue.Text;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;

/**
 * What the desk reads from {@code rules/desk.yaml}: the desk's contact for the applicant's handout, and the answers
 * that say who the applicant is (with the question that says person or organization, always). Derived once per
 * ruleset; a ruleset without the file gets no contact and only the audience question as fixed.
 *
 * @param contact the contact text in every language, or null
 * @param fixedFields questions an applicant cannot change by acting on the advice
 * @param audienceField the question that says who is asking (applicantType), or null
 */
record DeskDetails(Text contact, Set<String> fixedFields, String audienceField) {

    static final String FILE = "desk.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static DeskDetails of(Ruleset ruleset) {
        Catalogue catalogue = ruleset.catalogue();
        String audience = DeskPage.audienceSwitch(catalogue).map(Question::field).orElse(null);
        Set<String> fixed = new LinkedHashSet<>();
        if (audience != null) fixed.add(audience);
        Text contact = null;
        for (RuleFile file : ruleset.files()) {
            if (!file.path().equals(FILE)) continue;
            try {
                JsonNode root = YAML.readTree(file.content());
                if (root != null && root.hasNonNull("contact")) {
                    contact = Text.of(YAML.convertValue(root.get("contact"), YAML.getTypeFactory()
                            .constructMapType(Map.class, String.class, String.class)));
                }
                if (root != null && root.has("fixedAnswers")) {
                    root.get("fixedAnswers").forEach(field -> {
                        if (catalogue.question(field.asText()) != null) fixed.add(field.asText());
                    });
                }
            } catch (IOException | IllegalArgumentException e) {
                // A desk file the page cannot read costs the handout its contact, never the advice.
            }
        }
        return new DeskDetails(contact, Set.copyOf(fixed), audience);
    }

    /** Without a ruleset's files: no contact, and only the audience question as fixed. */
    static DeskDetails forCatalogue(Catalogue catalogue) {
        String audience = DeskPage.audienceSwitch(catalogue).map(Question::field).orElse(null);
        return new DeskDetails(null, audience == null ? Set.of() : Set.of(audience), audience);
    }

    /** A criterion the applicant cannot meet by acting: it reads answers, all of them fixed ones. */
    boolean fixed(List<String> criterionFields) {
        return !criterionFields.isEmpty() && fixedFields.containsAll(criterionFields);
    }

    /** A program for the other kind of applicant: one of its unmet criteria reads only who is asking. */
    boolean forOtherAudience(Advice.ProgramAdvice program) {
        return audienceField != null && program.criteria().stream()
                .anyMatch(c -> c.status() == Status.NOT_MET && c.fields().equals(List.of(audienceField)));
    }
}
