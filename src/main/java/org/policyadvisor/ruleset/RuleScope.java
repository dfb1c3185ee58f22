package org.policyadvisor.ruleset;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names one rule can use: the declared types, its `$` variables, and the pattern being matched. */
final class RuleScope implements Expressions.Scope, Expressions.TypeNames {
    private static final Pattern FIELD = Pattern.compile("(?:(\\$\\w+)\\.)?(\\w+)");

    private final Map<String, Map<String, String>> types;
    private final Map<String, List<String>> values;
    private final Set<String> reads;
    private final Map<String, String> bindings = new LinkedHashMap<>();
    private final Map<String, String> hidden = new LinkedHashMap<>();
    String patternType;

    RuleScope(Declared declared, Set<String> reads) {
        this.types = declared.types();
        this.values = declared.values();
        this.reads = reads;
    }

    /** The values a field read as {@code field} or {@code $fact.field} allows by its {@code @values}; null for anything else. */
    List<String> values(String written) {
        Matcher field = FIELD.matcher(written.strip());
        if (!field.matches()) return null;
        String type = field.group(1) == null ? patternType : bindings.get(field.group(1));
        return type == null ? null : values.get(type + "." + field.group(2));
    }

    void bind(String name, String type) {
        bindings.put(name, type);
    }

    /**
     * Walks the inside of {@code not} or {@code exists}: what is bound there has no value after it, so such
     * variables are forgotten at its end (and remembered, to say so when one is used).
     */
    void inside(String form, Runnable walk) {
        Set<String> before = Set.copyOf(bindings.keySet());
        walk.run();
        bindings.keySet().removeIf(name -> {
            if (before.contains(name)) return false;
            hidden.putIfAbsent(name, form);
            return true;
        });
    }

    @Override
    public boolean isValue(String word) {
        return values.values().stream().anyMatch(allowed -> allowed.contains(word));
    }

    @Override
    public String hiddenIn(String name) {
        return hidden.get(name);
    }

    @Override
    public String patternType() {
        return patternType;
    }

    @Override
    public String fieldType(String type, String field) {
        Map<String, String> fields = types.get(type);
        return fields == null ? null : fields.get(field);
    }

    @Override
    public Collection<String> fields(String type) {
        Map<String, String> fields = types.get(type);
        return fields == null ? null : fields.keySet();
    }

    @Override
    public String binding(String name) {
        return bindings.get(name);
    }

    @Override
    public Collection<String> bindings() {
        return bindings.keySet();
    }

    @Override
    public void read(String type, String field) {
        reads.add(type + "." + field);
    }

    @Override
    public Collection<String> types() {
        return types.keySet();
    }
}
