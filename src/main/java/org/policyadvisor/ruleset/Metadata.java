package org.policyadvisor.ruleset;

import java.util.Arrays;
import java.util.List;

/** Metadata values as written ({@code @program("x")}, {@code @values("A, B")}): one text, or a comma-separated list. */
final class Metadata {

    private Metadata() {}

    /** Metadata values of declared types keep their quotes; rule metadata does not. */
    static String string(Object value) {
        if (value == null) return null;
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1).strip();
        return text;
    }

    static List<String> list(Object value) {
        String text = string(value);
        if (text == null || text.isEmpty()) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
