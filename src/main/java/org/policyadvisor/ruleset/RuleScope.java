package org.policyadvisor.ruleset;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The names one rule can use: the declared types, its `$` variables, and the pattern being matched. */
final class RuleScope implements Expressions.Scope, Expressions.Declared {
    private final Map<String, Map<String, String>> types;
    private final Set<String> reads;
    private final Map<String, String> bindings = new LinkedHashMap<>();
    String patternType;

    RuleScope(Map<String, Map<String, String>> types, Set<String> reads) {
        this.types = types;
        this.reads = reads;
    }

    void bind(String name, String type) {
        bindings.put(name, type);
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
