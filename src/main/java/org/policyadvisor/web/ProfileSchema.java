package org.policyadvisor.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Question;

/**
 * The JSON Schema (draft 2020-12) of the profile, generated from the questions the rules declare, so a form
 * can be built from it. Labelled choices are {@code oneOf} of {@code const} + {@code title}; null means unknown.
 */
final class ProfileSchema {

    private ProfileSchema() {}

    static Map<String, Object> of(Catalogue catalogue, Lang lang, String rulesetVersion) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Question question : catalogue.questions()) properties.put(question.field(), property(question, lang));
        properties.put(ProfileBinder.AS_OF, Map.of("type", List.of("string", "null"), "format", "date"));
        properties.put(ProfileBinder.LANG, Map.of("enum", List.of(Lang.ZH_HANS.tag(), Lang.ZH_HANT.tag(), Lang.EN.tag())));

        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "/api/v1/schema/profile");
        schema.put("title", "Applicant profile");
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("properties", properties);
        schema.put("x-lang", lang.tag());
        schema.put("x-rulesetVersion", rulesetVersion);
        return schema;
    }

    private static Map<String, Object> property(Question question, Lang lang) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("title", question.label().in(lang));
        if (question.hint() != null) property.put("description", question.hint().in(lang));
        switch (question.type()) {
            case ENUM -> {
                List<Object> choices = new ArrayList<>();
                choices.add(Map.of("type", "null"));
                for (String value : question.values()) {
                    choices.add(Map.of("const", value, "title", question.valueLabel(value).in(lang)));
                }
                property.put("oneOf", choices);
            }
            case INTEGER -> {
                property.put("type", List.of("integer", "null"));
                if (question.min() != null) property.put("minimum", question.min());
                if (question.max() != null) property.put("maximum", question.max());
            }
            case BOOLEAN -> property.put("type", List.of("boolean", "null"));
            case TEXT -> {
                property.put("type", List.of("string", "null"));
                property.put("maxLength", 200);
            }
        }
        if (question.defaultValue() != null) property.put("default", question.defaultValue());
        if (question.appliesTo() != null) property.put("x-appliesTo", question.appliesTo());
        return property;
    }
}
