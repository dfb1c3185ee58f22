package org.policyadvisor.advice;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.catalogue.Question;

/**
 * Makes the applicant fact from the answers: every question gets its answer, an unanswered one null (Drools
 * would start it at 0 or false). A declared type's no-argument constructor interprets field initialisers with
 * MVEL on every call, which cost more than evaluating the rules; so any other field's initial value is read once,
 * and each applicant is built with the constructor that takes every field. Should that constructor be missing or
 * take the fields in another order, it falls back to the slow way.
 */
final class ApplicantFactory {

    private final FactType type;
    private final List<FactField> fields;
    private final List<String> questions;
    private final boolean[] isQuestion;
    private final Object[] initial;
    private final Constructor<?> allFields;

    ApplicantFactory(FactType type, List<Question> questions) {
        this.type = type;
        this.fields = List.copyOf(type.getFields());
        this.questions = questions.stream().map(Question::field).toList();
        Object prototype = newInstance(type);
        this.isQuestion = new boolean[fields.size()];
        this.initial = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            isQuestion[i] = this.questions.contains(fields.get(i).getName());
            initial[i] = isQuestion[i] ? null : type.get(prototype, fields.get(i).getName());
        }
        this.allFields = allFieldsConstructor();
    }

    Object create(Map<String, Object> answers) {
        if (allFields == null) return createSlowly(answers);
        Object[] args = new Object[initial.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = isQuestion[i] ? answers.get(fields.get(i).getName()) : initial[i];
        }
        return construct(args);
    }

    private Object createSlowly(Map<String, Object> answers) {
        Object applicant = newInstance(type);
        for (String question : questions) type.set(applicant, question, answers.get(question));
        return applicant;
    }

    /** The constructor that takes the fields in declaration order, checked field by field with a marker value. */
    private Constructor<?> allFieldsConstructor() {
        for (Constructor<?> candidate : type.getFactClass().getConstructors()) {
            if (candidate.getParameterCount() == fields.size() && takesEachFieldInOrder(candidate)) return candidate;
        }
        return null;
    }

    private boolean takesEachFieldInOrder(Constructor<?> candidate) {
        for (int i = 0; i < fields.size(); i++) {
            Object marker = marker(fields.get(i).getType());
            if (marker == null || candidate.getParameterTypes()[i] != fields.get(i).getType()) return false;
            Object[] args = new Object[fields.size()];
            args[i] = marker;
            Object made;
            try {
                made = candidate.newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return false;
            }
            for (int j = 0; j < fields.size(); j++) {
                if (!Objects.equals(type.get(made, fields.get(j).getName()), j == i ? marker : null)) return false;
            }
        }
        return true;
    }

    private static Object marker(Class<?> fieldType) {
        if (fieldType == String.class) return "\u0000marker";
        if (fieldType == Integer.class) return Integer.MIN_VALUE;
        if (fieldType == Boolean.class) return Boolean.TRUE;
        return null;
    }

    private Object construct(Object[] args) {
        try {
            return allFields.newInstance(args);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot create the applicant fact", e);
        }
    }

    private static Object newInstance(FactType type) {
        try {
            return type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the applicant fact", e);
        }
    }
}
