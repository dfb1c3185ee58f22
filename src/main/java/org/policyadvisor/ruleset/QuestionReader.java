package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.base.factmodel.FieldDefinition;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.QuestionType;
import org.policyadvisor.catalogue.Text;

/** The questions: one per field of {@code declare Applicant}, with their labels and value names from applicant.yaml. */
final class QuestionReader {

    /** The questions' labels, hints and value names. */
    static final String TEXTS = "applicant.yaml";

    /** Where a problem is: the file (by path or name), the text to find in it, and what is wrong. */
    @FunctionalInterface
    interface Problems {
        void at(String fileName, String needle, String message);
    }

    record QuestionTexts(Text label, Text hint, Map<String, Text> values) {}

    private final FactType applicantType;
    private final Map<String, QuestionTexts> texts;
    private final Problems problems;

    QuestionReader(FactType applicantType, Map<String, QuestionTexts> texts, Problems problems) {
        this.applicantType = applicantType;
        this.texts = texts;
        this.problems = problems;
    }

    List<Question> read() {
        Object defaults = newDefaults();
        List<Question> questions = new ArrayList<>();
        for (FactField field : applicantType.getFields()) {
            Question question = question(field, texts.get(field.getName()), defaults);
            if (question != null) questions.add(question);
        }
        texts.keySet().stream()
                .filter(name -> applicantType.getField(name) == null)
                .forEach(name -> problems.at(TEXTS, name + ":", "labels a question that `declare Applicant` does not have"));
        return questions;
    }

    private Object newDefaults() {
        try {
            return applicantType.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Question question(FactField field, QuestionTexts texts, Object defaults) {
        String name = field.getName();
        Map<String, Object> meta = field.getMetaData() == null ? Map.of() : field.getMetaData();
        List<String> values = Metadata.list(meta.get("values"));
        QuestionType type = questionType(field.getType(), values);
        if (type == null) {
            problems.at("applicant.drl", name + " :", "question '" + name + "' has type " + field.getType().getSimpleName()
                    + "; use String (with @values for a choice), Integer or Boolean");
            return null;
        }
        if (texts == null) {
            problems.at(TEXTS, null, "question '" + name + "' has no label; add `" + name + ": {label: {zh-Hans, zh-Hant, en}}`");
            return null;
        }
        Map<String, Text> valueLabels = texts.values() == null ? Map.of() : texts.values();
        for (String value : values) {
            if (!valueLabels.containsKey(value)) problems.at(TEXTS, name + ":", "question '" + name + "' has no label for the value " + value);
        }
        valueLabels.keySet().stream().filter(v -> !values.contains(v))
                .forEach(v -> problems.at(TEXTS, name + ":", "labels a value '" + v + "' that question '" + name + "' does not allow"));
        String appliesTo = Metadata.string(meta.get("appliesTo"));
        if (appliesTo != null && !appliesTo.equals("PERSON") && !appliesTo.equals("ORGANIZATION")) {
            problems.at("applicant.drl", name + " :", "@appliesTo of '" + name + "' must be PERSON or ORGANIZATION");
        }
        return new Question(name, type, values, integer(meta.get("min"), name), integer(meta.get("max"), name), appliesTo,
                declaresDefault(field) ? applicantType.get(defaults, name) : null, texts.label(), texts.hint(), Map.copyOf(valueLabels));
    }

    /**
     * Only an explicit initializer ({@code applicantType : String = "PERSON"}) is a default: Drools starts
     * boxed numbers and booleans at 0 and false, which must never pass for an answer.
     */
    private static boolean declaresDefault(FactField field) {
        return field instanceof FieldDefinition definition
                && definition.getInitExpr() != null && !definition.getInitExpr().strip().equals("null");
    }

    private static QuestionType questionType(Class<?> javaType, List<String> values) {
        if (javaType == String.class) return values.isEmpty() ? QuestionType.TEXT : QuestionType.ENUM;
        if (javaType == Integer.class) return QuestionType.INTEGER;
        if (javaType == Boolean.class) return QuestionType.BOOLEAN;
        return null;
    }

    private Integer integer(Object value, String field) {
        String text = Metadata.string(value);
        if (text == null) return null;
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.at("applicant.drl", field + " :", "@min/@max of '" + field + "' must be whole numbers");
            return null;
        }
    }
}
