package org.policyadvisor.ruleset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.policyadvisor.catalogue.Text;

/**
 * The one YAML reader of rule files, strict (unknown keys, wrong types and missing texts are refused), with every
 * refusal in words for policy staff: the place, the key, what was expected, a suggestion; never a Java type.
 */
public final class YamlFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private YamlFiles() {}

    /** The file's content as {@code type}, or null after reporting why it cannot be. */
    static <T> T read(RuleFile file, TypeReference<T> type, Consumer<RuleProblem> problems) {
        try {
            T value = YAML.readValue(file.content(), type);
            if (value == null) problems.accept(RuleProblem.in(file.path(), "the file is empty"));
            return value;
        } catch (UnrecognizedPropertyException e) {
            // Jackson places it after the key's value; the key itself is what to change.
            String text = file.text();
            int key = text.indexOf(e.getPropertyName() + ":");
            RuleProblem located = key >= 0 ? TextLocator.at(file, text, key, inPlainWords(e)) : RuleProblem.in(file.path(), inPlainWords(e));
            problems.accept(located);
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.accept(new RuleProblem(file.path(), at == null || at.getLineNr() < 1 ? null : at.getLineNr(),
                    at == null || at.getColumnNr() < 1 ? null : at.getColumnNr(), inPlainWords(e)));
            return null;
        } catch (IOException e) {
            problems.accept(RuleProblem.in(file.path(), "the file cannot be read"));
            return null;
        }
    }

    public static String inPlainWords(JsonProcessingException e) {
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? "at " + pathOf(mapping) + ": " : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = pathOf(unknown).substring(0, Math.max(0, pathOf(unknown).lastIndexOf('/')));
            where = parent.isEmpty() ? "" : "at " + parent + ": ";
            Collection<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return where + "`" + unknown.getPropertyName() + "` is not a key here; the keys are " + String.join(", ", known)
                    + Suggestions.didYouMean(unknown.getPropertyName(), known);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            List<String> values = Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf).toList();
            return where + "`" + format.getValue() + "` is not one of " + String.join(", ", values)
                    + Suggestions.didYouMean(String.valueOf(format.getValue()), values);
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return where + instantiation.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + "expected " + kind(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() != null && mapping.getCause().getMessage() != null) {
            return where + mapping.getCause().getMessage();
        }
        return where + "this is not valid YAML here: " + e.getOriginalMessage().replaceAll("`[a-z]+(\\.[A-Za-z$]+)+`", "a value");
    }

    /** What a Java type is, in the words of the rules README. */
    private static String kind(Class<?> type) {
        if (type == Text.class) return "a text in all three languages: {zh-Hans: …, zh-Hant: …, en: …}";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == String.class) return "text";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == LocalDate.class) return "a date YYYY-MM-DD";
        if (type.isEnum()) return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        if (List.class.isAssignableFrom(type) || type.isArray()) return "a list: [a, b] or lines starting with `- `";
        if (Map.class.isAssignableFrom(type)) return "keys with values (key: value)";
        return "keys with values (key: value)";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "/" + ref.getFieldName() : "/" + ref.getIndex());
        }
        return path.toString();
    }
}
