package org.policyadvisor.advice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Question;

/**
 * Binds a profile strictly against the questions the rules declare: unknown fields, wrong types, values outside
 * the allowed set or range are refused, each with its own pointer. Absent, null and empty values are unknown.
 */
public final class ProfileBinder {

    public static final String AS_OF = "asOf";
    public static final String LANG = "lang";
    static final int MAX_TEXT_LENGTH = 200;

    private ProfileBinder() {}

    public static AdviceRequest fromJson(JsonNode body, Catalogue catalogue) {
        if (body == null || !body.isObject()) throw new InvalidInput(List.of(FieldError.of("", "not-an-object")));
        Binding binding = new Binding(catalogue);
        body.fields().forEachRemaining(entry -> binding.json(entry.getKey(), entry.getValue()));
        return binding.result();
    }

    /** A saved profile's answers under a ruleset whose questions may have changed since: those it refuses are dropped. */
    public record Rebound(Map<String, Object> answers, List<String> dropped) {}

    /** Binds a saved profile leniently: fields the catalogue no longer knows or accepts are left unanswered, and named. */
    public static Rebound rebind(JsonNode saved, Catalogue catalogue) {
        com.fasterxml.jackson.databind.node.ObjectNode profile = saved.deepCopy();
        profile.remove(List.of(AS_OF, LANG));
        try {
            return new Rebound(fromJson(profile, catalogue).answers(), List.of());
        } catch (InvalidInput refused) {
            List<String> dropped = new ArrayList<>();
            for (FieldError error : refused.errors()) {
                String field = error.pointer().substring(1).split("/", 2)[0].replace("~1", "/").replace("~0", "~");
                if (profile.remove(field) != null) dropped.add(field);
            }
            return new Rebound(fromJson(profile, catalogue).answers(), List.copyOf(dropped));
        }
    }

    public static AdviceRequest fromForm(Map<String, List<String>> form, Catalogue catalogue) {
        Binding binding = new Binding(catalogue);
        form.forEach((name, values) -> {
            if (values.size() > 1) {
                binding.errors.add(FieldError.of(pointer(name), "repeated"));
            } else {
                binding.text(name, values.isEmpty() ? "" : values.get(0));
            }
        });
        return binding.result();
    }

    public static String pointer(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }

    private static final class Binding {
        private final Catalogue catalogue;
        private final Map<String, Object> answers = new HashMap<>();
        private final List<FieldError> errors = new ArrayList<>();
        private LocalDate asOf;
        private Lang lang;

        Binding(Catalogue catalogue) {
            this.catalogue = catalogue;
        }

        void json(String name, JsonNode value) {
            if (value.isNull()) {
                if (!isKnownName(name)) errors.add(FieldError.of(pointer(name), "unknown-field"));
                return;
            }
            switch (name) {
                case AS_OF -> {
                    if (value.isTextual()) date(value.asText()); else errors.add(FieldError.of(pointer(name), "not-a-date"));
                }
                case LANG -> {
                    if (value.isTextual()) lang(value.asText()); else errors.add(FieldError.of(pointer(name), "not-a-lang"));
                }
                default -> answer(name, value);
            }
        }

        /** A form value: every value arrives as text and is read by the question's type; empty means unknown. */
        void text(String name, String value) {
            if (!isKnownName(name)) {
                errors.add(FieldError.of(pointer(name), "unknown-field"));
                return;
            }
            if (value.isEmpty()) return;
            switch (name) {
                case AS_OF -> date(value);
                case LANG -> lang(value);
                default -> {
                    Question question = catalogue.question(name);
                    switch (question.type()) {
                        case INTEGER -> {
                            if (value.matches("-?\\d{1,9}")) range(question, Integer.parseInt(value));
                            else errors.add(FieldError.of(pointer(name), "not-an-integer"));
                        }
                        case BOOLEAN -> {
                            if (value.equals("true") || value.equals("false")) answers.put(name, Boolean.valueOf(value));
                            else errors.add(FieldError.of(pointer(name), "not-a-boolean"));
                        }
                        case ENUM -> choice(question, value);
                        case TEXT -> shortText(question, value);
                    }
                }
            }
        }

        private boolean isKnownName(String name) {
            return name.equals(AS_OF) || name.equals(LANG) || catalogue.question(name) != null;
        }

        private void answer(String name, JsonNode value) {
            Question question = catalogue.question(name);
            if (question == null) {
                errors.add(FieldError.of(pointer(name), "unknown-field"));
                return;
            }
            switch (question.type()) {
                case INTEGER -> {
                    if (value.isIntegralNumber() && value.canConvertToInt()) range(question, value.intValue());
                    else errors.add(FieldError.of(pointer(name), "not-an-integer"));
                }
                case BOOLEAN -> {
                    if (value.isBoolean()) answers.put(name, value.booleanValue());
                    else errors.add(FieldError.of(pointer(name), "not-a-boolean"));
                }
                case ENUM -> {
                    if (value.isTextual()) choice(question, value.textValue());
                    else errors.add(FieldError.of(pointer(name), "not-allowed", String.join(", ", question.values())));
                }
                case TEXT -> {
                    if (value.isTextual()) shortText(question, value.textValue());
                    else errors.add(FieldError.of(pointer(name), "not-a-string"));
                }
            }
        }

        private void range(Question question, int value) {
            if ((question.min() != null && value < question.min()) || (question.max() != null && value > question.max())) {
                errors.add(FieldError.of(pointer(question.field()), "out-of-range", question.min(), question.max()));
            } else {
                answers.put(question.field(), value);
            }
        }

        private void choice(Question question, String value) {
            if (question.values().contains(value)) answers.put(question.field(), value);
            else errors.add(FieldError.of(pointer(question.field()), "not-allowed", String.join(", ", question.values())));
        }

        private void shortText(Question question, String value) {
            if (value.length() > MAX_TEXT_LENGTH) errors.add(FieldError.of(pointer(question.field()), "too-long", MAX_TEXT_LENGTH));
            else answers.put(question.field(), value);
        }

        private void date(String value) {
            try {
                LocalDate date = LocalDate.parse(value);
                if (InputBounds.inRange(date)) asOf = date;
                else errors.add(InputBounds.dateOutOfRange(pointer(AS_OF)));
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of(pointer(AS_OF), "not-a-date"));
            }
        }

        private void lang(String value) {
            lang = Lang.parse(value).orElse(null);
            if (lang == null) errors.add(FieldError.of(pointer(LANG), "not-a-lang"));
        }

        AdviceRequest result() {
            if (!errors.isEmpty()) throw new InvalidInput(errors);
            for (Question question : catalogue.questions()) {
                if (question.defaultValue() != null) answers.putIfAbsent(question.field(), question.defaultValue());
            }
            return new AdviceRequest(Map.copyOf(answers), asOf, lang);
        }
    }
}
