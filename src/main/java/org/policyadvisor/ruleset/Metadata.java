package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactType;

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

    /** The declared types that carry the metadata {@code key} ({@code @program}, {@code @rateOf}, …), in package order. */
    static List<FactType> typesWith(KieBase kieBase, String key) {
        List<FactType> types = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (FactType type : pkg.getFactTypes()) {
                if (type.getMetaData() != null && type.getMetaData().containsKey(key)) types.add(type);
            }
        }
        return types;
    }
}
