package org.policyadvisor.ruleset;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;

/**
 * What a DRL file declares, in the rules language: {@code package policy;}, the one allowed import, types with typed
 * fields and plain defaults, metadata of plain values, the rule attributes listed; nothing else (no {@code global},
 * {@code function}, {@code declare enum} …).
 */
final class DeclarationCheck {

    static final String PACKAGE = "policy";
    /** The only class a rule file may import. */
    static final Set<String> IMPORTS = Set.of("java.time.LocalDate");
    /** The types a declared field may have, besides the types declared in the rules. */
    static final Set<String> VALUE_TYPES = Set.of("String", "Integer", "int", "Long", "long", "Boolean", "boolean",
            "Double", "double", "LocalDate");
    /** Rule attributes and the kind of value each takes; {@code dialect} among others is not one of them. */
    private static final Map<String, String> RULE_ATTRIBUTES = Map.of("no-loop", "boolean", "lock-on-active", "boolean", "salience", "integer");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern INTEGER_ATTRIBUTE = Pattern.compile("-?\\d{1,9}");

    private final DrlFile file;
    private final Map<String, Map<String, String>> types;

    DeclarationCheck(DrlFile file, Declared declared) {
        this.file = file;
        this.types = declared.types();
    }

    /** Everything in {@code pkg} but its rules. */
    void check(PackageDescr pkg) {
        if (!PACKAGE.equals(pkg.getName())) {
            file.report(0, "a rule file starts with `package " + PACKAGE + ";`");
        }
        if (pkg.getUnit() != null) file.refuse(pkg.getUnit(), "`unit`");
        for (ImportDescr imported : pkg.getImports()) {
            if (!IMPORTS.contains(imported.getTarget())) {
                file.report(file.at(imported), "`import " + imported.getTarget() + "` is not allowed: rules may import only "
                        + String.join(", ", IMPORTS.stream().sorted().toList()));
            }
        }
        pkg.getFunctionImports().forEach(d -> file.refuse(d, "`import function`"));
        pkg.getAccumulateImports().forEach(d -> file.refuse(d, "`import accumulate`"));
        pkg.getGlobals().forEach(d -> file.report(file.at(d), "`global` is not allowed: rules share nothing but the facts they match"));
        pkg.getFunctions().forEach(d -> file.report(file.at(d), "`function` is not allowed: rules cannot define code; write a condition in a pattern, or a result with `insert`/`modify`"));
        for (AttributeDescr attribute : pkg.getAttributes()) attribute(attribute, "a file");
        pkg.getEnumDeclarations().forEach(d -> file.refuse(d, "`declare enum`"));
        pkg.getEntryPointDeclarations().forEach(d -> file.refuse(d, "`declare entry-point`"));
        pkg.getWindowDeclarations().forEach(d -> file.refuse(d, "`declare window`"));
        pkg.getTypeDeclarations().forEach(this::type);
    }

    private void type(TypeDeclarationDescr type) {
        file.unique("type " + type.getTypeName(), file.at(type), "`" + type.getTypeName() + "` is declared twice", "declare each type once");
        if (type.isTrait()) file.refuse(type, "`declare trait`");
        if (!type.getSuperTypes().isEmpty()) file.report(file.at(type), "`extends` is not allowed: declare every field of " + type.getTypeName() + " in it");
        if (type.getTypeName().contains(".")) file.report(file.at(type), "a declared type has a plain name, such as `Applicant`");
        annotations(type, file.at(type));
        for (TypeFieldDescr field : type.getFields().values()) {
            String fieldType = field.getPattern().getObjectType();
            if (!VALUE_TYPES.contains(fieldType) && !types.containsKey(fieldType)) {
                file.report(file.at(field), "field `" + field.getFieldName() + "` has type " + fieldType + "; a field is one of "
                        + String.join(", ", VALUE_TYPES.stream().sorted().toList()) + " or a type declared in the rules"
                        + Suggestions.didYouMean(fieldType, union(VALUE_TYPES, types.keySet())));
            }
            if (field.getInitExpr() != null) {
                int place = file.find(field.getInitExpr(), file.at(field));
                literal(field.getInitExpr(), place, "the default of `" + field.getFieldName() + "` must be a plain value");
                defaultFits(field.getFieldName(), fieldType, field.getInitExpr().strip(), place);
            }
            annotations(field, file.at(field));
        }
    }

    /** A field's default is of the field's kind, and a whole number fits the field. */
    private void defaultFits(String field, String fieldType, String written, int place) {
        String kind = written.startsWith("\"") ? Comparisons.TEXT : written.equals("true") || written.equals("false") ? Comparisons.YES_NO
                : NUMBER.matcher(written).matches() ? Comparisons.NUMBER : null;
        String wanted = Comparisons.kind(fieldType);
        if (kind == null || wanted == null) return;
        if (!kind.equals(wanted)) {
            file.report(place, "the default of `" + field + "` is " + Comparisons.inWords(kind) + ", and `" + field + "` is "
                    + Comparisons.inWords(wanted) + ": write a value of that kind");
        } else if (Set.of("int", "Integer").contains(fieldType) && WHOLE.matcher(written).matches()
                && (written.length() > 11 || Math.abs(Long.parseLong(written)) > Integer.MAX_VALUE)) {
            file.report(place, "the default of `" + field + "` is too large for a whole number field (at most " + Integer.MAX_VALUE
                    + "); declare it `long` for larger numbers");
        }
    }

    /** Metadata: {@code @name("text")} or {@code @name(123)}; Drools reads some values as code, so only plain values. */
    void annotations(AnnotatedBaseDescr owner, int from) {
        for (AnnotationDescr annotation : owner.getAnnotations()) {
            int place = file.find("@" + annotation.getName(), from);
            for (Map.Entry<String, Object> value : annotation.getValueMap().entrySet()) {
                if (!"value".equals(value.getKey())) {
                    file.report(place, "metadata takes one plain value, such as @" + annotation.getName() + "(\"…\")");
                    continue;
                }
                String written = String.valueOf(value.getValue());
                literal(written, file.find(written, place), "the value of @" + annotation.getName() + " must be a plain value");
            }
        }
    }

    private void literal(String written, int offset, String context) {
        try {
            Expressions.literal(written);
        } catch (Refused e) {
            file.report(offset < 0 ? -1 : offset + e.offset, context + ": " + e.getMessage());
        }
    }

    void attribute(AttributeDescr attribute, String where) {
        String name = attribute.getName();
        if (name.equals("dialect")) {
            file.report(file.at(attribute), "`dialect` is not allowed: every rule is written in the one rules language");
            return;
        }
        String kind = where.equals("a rule") ? RULE_ATTRIBUTES.get(name) : null;
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        boolean ok = "boolean".equals(kind) ? value.equals("true") || value.equals("false")
                : "integer".equals(kind) && INTEGER_ATTRIBUTE.matcher(value).matches();
        if (kind == null) {
            file.report(file.at(attribute), "`" + name + "` is not allowed on " + where + "; a rule may have only "
                    + String.join(", ", RULE_ATTRIBUTES.keySet().stream().sorted().toList()));
        } else if (!ok) {
            file.report(file.at(attribute), "`" + name + "` takes " + ("boolean".equals(kind) ? "true or false" : "a whole number"));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
