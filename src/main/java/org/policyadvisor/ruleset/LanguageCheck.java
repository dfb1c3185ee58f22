package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The rules language: the subset of DRL that policy staff write, checked on the parsed rules before anything is
 * compiled. A rule file is code to Drools, so this is an allow-list: each file is parsed by Drools' own parser
 * (the one its compiler uses), each constraint by Drools' expression parser, each operand and consequence by
 * {@link Expressions}; every form not listed here is refused with its place and the rule of the language it breaks.
 * Text is never searched for dangerous words.
 */
public final class LanguageCheck {

    static final String PACKAGE = "policy";
    /** The only class a rule file may import. */
    static final Set<String> IMPORTS = Set.of("java.time.LocalDate");
    /** The types a declared field may have, besides the types declared in the rules. */
    static final Set<String> VALUE_TYPES = Set.of("String", "Integer", "int", "Long", "long", "Boolean", "boolean",
            "Double", "double", "LocalDate");
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max");
    /** Rule attributes and the kind of value each takes; {@code dialect} among others is not one of them. */
    private static final Map<String, String> RULE_ATTRIBUTES = Map.of("no-loop", "boolean", "lock-on-active", "boolean", "salience", "integer");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final String CRITERION = "criterion";

    /**
     * @param problems every place that breaks the language, in file order
     * @param reads    per rule name, the fields it reads, as {@code Type.field}
     * @param computing the rules whose consequence inserts or modifies facts (the others decide criteria)
     */
    public record Result(List<RuleProblem> problems, Map<String, Set<String>> reads, Set<String> computing) {

        /** The fields of {@code type} that the rule named {@code rule} reads. */
        public Set<String> fieldsRead(String rule, String type) {
            Set<String> fields = new LinkedHashSet<>();
            for (String read : reads.getOrDefault(rule, Set.of())) {
                if (read.startsWith(type + ".")) fields.add(read.substring(type.length() + 1));
            }
            return fields;
        }
    }

    private LanguageCheck() {}

    public static Result check(List<RuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<RuleFile, PackageDescr> parsed = new LinkedHashMap<>();
        for (RuleFile file : files) {
            if (!file.isDrl()) continue;
            List<RuleProblem> before = new ArrayList<>();
            String text = file.text();
            noUnicodeEscapes(file, text, before);
            PackageDescr pkg = before.isEmpty() ? parse(file, text, before) : null;
            problems.addAll(before);
            if (pkg != null) parsed.put(file, pkg);
        }
        Declared declared = declared(parsed.values());
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        Set<String> computing = new LinkedHashSet<>();
        Map<String, RuleProblem> names = new LinkedHashMap<>();
        parsed.forEach((file, pkg) -> new FileCheck(file, file.text(), declared, problems, reads, computing, names).run(pkg));
        return new Result(List.copyOf(problems), reads, computing);
    }

    /**
     * Java reads {@code \}{@code u0022} as a quote before it parses anything, so such an escape could make the
     * compiler see code where the parsers see text. The language has no escapes of this kind.
     */
    private static void noUnicodeEscapes(RuleFile file, String text, List<RuleProblem> problems) {
        for (int i = text.indexOf('\\'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\\', i + 1)) {
            if (text.charAt(i + 1) == 'u') {
                problems.add(TextLocator.at(file, text, i, "unicode escapes (\\u…) are not allowed anywhere in a rule file: write the character itself"));
            }
        }
    }

    private static PackageDescr parse(RuleFile file, String text, List<RuleProblem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            problems.add(RuleProblem.in(file.path(), "the file cannot be read as rules: " + e.getMessage()));
            return null;
        }
        if (parser.hasErrors()) {
            for (DroolsError error : parser.getErrors()) {
                if (error instanceof ParserError at && at.getRow() > 0) {
                    problems.add(new RuleProblem(file.path(), at.getRow(), at.getCol() + 1, readable(error.getMessage())));
                } else {
                    problems.add(RuleProblem.in(file.path(), readable(error.getMessage())));
                }
            }
            return null;
        }
        return pkg;
    }

    /** Drools' parser messages in staff words; the place is already in the problem. */
    private static String readable(String message) {
        return ParserMessages.words(message);
    }

    /**
     * What the files declare, for every rule of every file to use.
     *
     * @param types  every declared type: its fields and their types, in order
     * @param values per {@code Type.field}, the values its {@code @values} allows
     */
    record Declared(Map<String, Map<String, String>> types, Map<String, List<String>> values) {}

    private static Declared declared(Collection<PackageDescr> packages) {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (PackageDescr pkg : packages) {
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                if (types.containsKey(type.getTypeName())) continue; // reported where the second one is
                Map<String, String> fields = new LinkedHashMap<>();
                for (TypeFieldDescr field : type.getFields().values()) {
                    fields.put(field.getFieldName(), field.getPattern().getObjectType());
                    AnnotationDescr allowed = field.getAnnotation("values");
                    if (allowed != null && allowed.getSingleValue() != null) {
                        values.put(type.getTypeName() + "." + field.getFieldName(), Metadata.list(allowed.getSingleValue()));
                    }
                }
                types.put(type.getTypeName(), fields);
            }
        }
        return new Declared(types, values);
    }

    /** One DRL file, walked from its package down to each operand. */
    private static final class FileCheck {
        private final RuleFile file;
        private final String text;
        private final Declared declared;
        private final Map<String, Map<String, String>> types;
        private final List<RuleProblem> problems;
        private final Map<String, Set<String>> reads;
        private final Set<String> computing;
        /** The first place of each rule and type name, across files: Drools needs them unique. */
        private final Map<String, RuleProblem> names;

        FileCheck(RuleFile file, String text, Declared declared, List<RuleProblem> problems,
                  Map<String, Set<String>> reads, Set<String> computing, Map<String, RuleProblem> names) {
            this.computing = computing;
            this.file = file;
            this.text = text;
            this.declared = declared;
            this.types = declared.types();
            this.problems = problems;
            this.reads = reads;
            this.names = names;
        }

        void run(PackageDescr pkg) {
            if (!PACKAGE.equals(pkg.getName())) {
                report(0, "a rule file starts with `package " + PACKAGE + ";`");
            }
            if (pkg.getUnit() != null) refuse(pkg.getUnit(), "`unit`");
            for (ImportDescr imported : pkg.getImports()) {
                if (!IMPORTS.contains(imported.getTarget())) {
                    report(at(imported), "`import " + imported.getTarget() + "` is not allowed: rules may import only "
                            + String.join(", ", IMPORTS.stream().sorted().toList()));
                }
            }
            pkg.getFunctionImports().forEach(d -> refuse(d, "`import function`"));
            pkg.getAccumulateImports().forEach(d -> refuse(d, "`import accumulate`"));
            pkg.getGlobals().forEach(d -> report(at(d), "`global` is not allowed: rules share nothing but the facts they match"));
            pkg.getFunctions().forEach(d -> report(at(d), "`function` is not allowed: rules cannot define code; write a condition in a pattern, or a result with `insert`/`modify`"));
            for (AttributeDescr attribute : pkg.getAttributes()) attribute(attribute, "a file");
            pkg.getEnumDeclarations().forEach(d -> refuse(d, "`declare enum`"));
            pkg.getEntryPointDeclarations().forEach(d -> refuse(d, "`declare entry-point`"));
            pkg.getWindowDeclarations().forEach(d -> refuse(d, "`declare window`"));
            pkg.getTypeDeclarations().forEach(this::type);
            pkg.getRules().forEach(this::rule);
        }

        // ---- declarations ------------------------------------------------------------------------------------

        private void type(TypeDeclarationDescr type) {
            unique("type " + type.getTypeName(), at(type), "`" + type.getTypeName() + "` is declared twice", "declare each type once");
            if (type.isTrait()) refuse(type, "`declare trait`");
            if (!type.getSuperTypes().isEmpty()) report(at(type), "`extends` is not allowed: declare every field of " + type.getTypeName() + " in it");
            if (type.getTypeName().contains(".")) report(at(type), "a declared type has a plain name, such as `Applicant`");
            annotations(type, at(type));
            for (TypeFieldDescr field : type.getFields().values()) {
                String fieldType = field.getPattern().getObjectType();
                if (!VALUE_TYPES.contains(fieldType) && !types.containsKey(fieldType)) {
                    report(at(field), "field `" + field.getFieldName() + "` has type " + fieldType + "; a field is one of "
                            + String.join(", ", VALUE_TYPES.stream().sorted().toList()) + " or a type declared in the rules"
                            + Suggestions.didYouMean(fieldType, union(VALUE_TYPES, types.keySet())));
                }
                if (field.getInitExpr() != null) {
                    int place = find(field.getInitExpr(), at(field));
                    literal(field.getInitExpr(), place, "the default of `" + field.getFieldName() + "` must be a plain value");
                    defaultFits(field.getFieldName(), fieldType, field.getInitExpr().strip(), place);
                }
                annotations(field, at(field));
            }
        }

        /** A field's default is of the field's kind, and a whole number fits the field. */
        private void defaultFits(String field, String fieldType, String written, int place) {
            String kind = written.startsWith("\"") ? Comparisons.TEXT : written.equals("true") || written.equals("false") ? Comparisons.YES_NO
                    : written.matches("-?\\d+(\\.\\d+)?") ? Comparisons.NUMBER : null;
            String wanted = Comparisons.kind(fieldType);
            if (kind == null || wanted == null) return;
            if (!kind.equals(wanted)) {
                report(place, "the default of `" + field + "` is " + Comparisons.inWords(kind) + ", and `" + field + "` is "
                        + Comparisons.inWords(wanted) + ": write a value of that kind");
            } else if (Set.of("int", "Integer").contains(fieldType) && written.matches("-?\\d+")
                    && (written.length() > 11 || Math.abs(Long.parseLong(written)) > Integer.MAX_VALUE)) {
                report(place, "the default of `" + field + "` is too large for a whole number field (at most " + Integer.MAX_VALUE
                        + "); declare it `long` for larger numbers");
            }
        }

        /** Metadata: {@code @name("text")} or {@code @name(123)}; Drools reads some values as code, so only plain values. */
        private void annotations(AnnotatedBaseDescr owner, int from) {
            for (AnnotationDescr annotation : owner.getAnnotations()) {
                int place = find("@" + annotation.getName(), from);
                for (Map.Entry<String, Object> value : annotation.getValueMap().entrySet()) {
                    if (!"value".equals(value.getKey())) {
                        report(place, "metadata takes one plain value, such as @" + annotation.getName() + "(\"…\")");
                        continue;
                    }
                    String written = String.valueOf(value.getValue());
                    literal(written, find(written, place), "the value of @" + annotation.getName() + " must be a plain value");
                }
            }
        }

        private void literal(String written, int offset, String context) {
            try {
                Expressions.literal(written);
            } catch (Expressions.Refused e) {
                report(offset < 0 ? -1 : offset + e.offset, context + ": " + e.getMessage());
            }
        }

        private void attribute(AttributeDescr attribute, String where) {
            String name = attribute.getName();
            if (name.equals("dialect")) {
                report(at(attribute), "`dialect` is not allowed: every rule is written in the one rules language");
                return;
            }
            String kind = where.equals("a rule") ? RULE_ATTRIBUTES.get(name) : null;
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            boolean ok = "boolean".equals(kind) ? value.equals("true") || value.equals("false")
                    : "integer".equals(kind) && value.matches("-?\\d{1,9}");
            if (kind == null) {
                report(at(attribute), "`" + name + "` is not allowed on " + where + "; a rule may have only "
                        + String.join(", ", RULE_ATTRIBUTES.keySet().stream().sorted().toList()));
            } else if (!ok) {
                report(at(attribute), "`" + name + "` takes " + ("boolean".equals(kind) ? "true or false" : "a whole number"));
            }
        }

        // ---- rules -------------------------------------------------------------------------------------------

        private void rule(RuleDescr rule) {
            int start = at(rule);
            if (rule.isQuery()) {
                refuse(rule, "`query`");
                return;
            }
            unique("rule " + rule.getName(), start, "two rules are named \"" + rule.getName() + "\"", "give each rule its own name");
            if (rule.hasParent()) report(start, "`extends` is not allowed on a rule: write its conditions in it");
            rule.getAttributes().values().forEach(a -> attribute(a, "a rule"));
            annotations(rule, start);
            if (!rule.getNamedConsequences().isEmpty()) report(start, "named consequences (`then[…]`) are not allowed");
            RuleScope scope = new RuleScope(declared, reads.computeIfAbsent(rule.getName(), n -> new LinkedHashSet<>()));
            lhs(rule.getLhs(), scope);
            consequence(rule, scope);
        }

        private void lhs(BaseDescr descr, RuleScope scope) {
            if (descr instanceof AndDescr and) {
                and.getDescrs().forEach(d -> lhs(d, scope));
            } else if (descr instanceof OrDescr or) {
                or.getDescrs().forEach(d -> lhs(d, scope));
            } else if (descr instanceof NotDescr not) {
                scope.inside("`not`", () -> not.getDescrs().forEach(d -> lhs((BaseDescr) d, scope)));
            } else if (descr instanceof ExistsDescr exists) {
                scope.inside("`exists`", () -> exists.getDescrs().forEach(d -> lhs((BaseDescr) d, scope)));
            } else if (descr instanceof PatternDescr pattern) {
                pattern(pattern, scope);
            } else {
                refuse(descr, keyword(descr));
            }
        }

        private void pattern(PatternDescr pattern, RuleScope scope) {
            int start = at(pattern);
            String type = pattern.getObjectType();
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                accumulate(accumulate, scope);
                if (!type.equals("Object") && !type.equals("Number")) {
                    report(start, "the result of `accumulate` is a number: write `accumulate(…; $total : sum(…))`");
                    return;
                }
                type = null;
            } else if (pattern.getSource() != null) {
                String form = keyword(pattern.getSource());
                report(start, form + " is not allowed: " + explanation(form));
                return;
            } else if (!types.containsKey(type)) {
                report(start, "`" + type + "` is not a type declared in the rules" + Suggestions.didYouMean(type, types.keySet()));
                return;
            }
            if (pattern.isQuery()) report(start, "queries are not allowed");
            if (pattern.isUnification()) report(start, "`:=` is not allowed: bind with `$name : Type(…)`");
            if (!pattern.getBehaviors().isEmpty()) report(start, "`over window` is not allowed");
            if (!pattern.getAnnotations().isEmpty()) report(start, "metadata on a pattern is not allowed");
            if (pattern.getIdentifier() != null) {
                if (!pattern.getIdentifier().startsWith("$")) report(start, "a variable's name starts with `$`, such as `$" + pattern.getIdentifier() + "`");
                scope.bind(pattern.getIdentifier(), type == null ? Expressions.NUMBER : type);
            }
            scope.patternType = type;
            for (BaseDescr constraint : pattern.getDescrs()) constraint(constraint, scope);
            scope.patternType = null;
        }

        private void accumulate(AccumulateDescr accumulate, RuleScope scope) {
            int start = at(accumulate);
            if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null || accumulate.getActionCode() != null
                    || accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
                report(start, "`accumulate` may only use " + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList())
                        + "; init, action, reverse and result code is not allowed");
                return;
            }
            lhs(accumulate.getInput(), scope);
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                int place = find(function.getFunction(), start);
                if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                    report(place, "`" + function.getFunction() + "` is not allowed in `accumulate`: use "
                            + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList())
                            + Suggestions.didYouMean(function.getFunction(), ACCUMULATE_FUNCTIONS));
                    continue;
                }
                if (function.isUnification()) report(place, "`:=` is not allowed: bind with `$name : " + function.getFunction() + "(…)`");
                for (String parameter : function.getParams()) {
                    int at = find(parameter, place);
                    String kind = Comparisons.kind(expression(parameter, at, scope));
                    if (kind != null && !kind.equals(Comparisons.NUMBER) && !function.getFunction().equals("count")) {
                        report(at, "`" + function.getFunction() + "` works on numbers, and `" + parameter.strip() + "` is " + Comparisons.inWords(kind));
                    }
                }
                if (function.getBind() != null) {
                    if (!function.getBind().startsWith("$")) report(place, "a variable's name starts with `$`, such as `$" + function.getBind() + "`");
                    scope.bind(function.getBind(), Expressions.NUMBER);
                }
            }
        }

        /** One constraint of a pattern, as Drools' expression parser splits it; each operand is read strictly. */
        private void constraint(BaseDescr descr, RuleScope scope) {
            int start = at(descr);
            if (!(descr instanceof ExprConstraintDescr constraint)) {
                refuse(descr, keyword(descr));
                return;
            }
            if (constraint.getType() != ExprConstraintDescr.Type.NAMED) {
                report(start, "write each condition as `field == value`, not by position");
                return;
            }
            String expression = constraint.getExpression();
            int base = find(expression, start);
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
            ConstraintConnectiveDescr tree = parser.parse(expression);
            if (parser.hasErrors() || tree == null) {
                report(base, "this condition cannot be read: " + (parser.getErrors().isEmpty() ? "" : readable(parser.getErrors().get(0).getMessage())));
                return;
            }
            new Operands(expression, base, scope).connective(tree);
        }

        /** Walks one parsed constraint; operands are found in its text in order, for their columns. */
        private final class Operands {
            private final String expression;
            private final int base;
            private final RuleScope scope;
            private int cursor;

            Operands(String expression, int base, RuleScope scope) {
                this.expression = expression;
                this.base = base;
                this.scope = scope;
            }

            void connective(ConstraintConnectiveDescr connective) {
                switch (connective.getConnective()) {
                    case AND, OR -> connective.getDescrs().forEach(this::part);
                    default -> report(base, "`" + connective.getConnective() + "` is not allowed: combine conditions with `&&`, `||` and `!`");
                }
            }

            /** A condition: a comparison, a combination of conditions, or a yes/no value alone. */
            private void part(BaseDescr descr) {
                if (descr instanceof ConstraintConnectiveDescr nested) {
                    connective(nested);
                } else if (descr instanceof RelationalExprDescr relation) {
                    relation(relation);
                } else if (descr instanceof BindingDescr binding) {
                    side(binding);
                } else if (descr instanceof AtomicExprDescr atom) {
                    alone(operand(atom.getExpression()));
                } else {
                    report(base, "this condition is not part of the rules language: compare fields with values, combined with `&&`, `||` and `!`");
                }
            }

            /**
             * A value alone is a condition only when it is yes/no and computed (such as {@code a.isBefore(b)}): a
             * yes/no question alone would fail on "not answered", which is neither true nor false.
             */
            private void alone(Comparisons.Side alone) {
                String kind = alone.kind();
                if (kind == null) return;
                String written = alone.written().strip();
                if (!kind.equals(Comparisons.YES_NO)) {
                    report(alone.offset(), alone.shown() + " is " + Comparisons.inWords(kind) + ", not a condition: compare it with a value, such as `"
                            + written + (kind.equals(Comparisons.NUMBER) ? " >= 18`" : " == …`"));
                } else if (!written.replaceAll("^[!(\\s]+", "").contains("(")) { // a field read, not a computed yes/no
                    report(alone.offset(), alone.shown() + " alone is not a condition: write `" + written + " == true` or `" + written
                            + " == false` (a question not answered is neither)");
                }
            }

            private void relation(RelationalExprDescr relation) {
                Comparisons.Side left = side(relation.getLeft());
                String operator = relation.getOperator();
                int at = base < 0 ? -1 : base + locate(operator);
                boolean allowed = OPERATORS.contains(operator) && (relation.getParameters() == null || relation.getParameters().isEmpty());
                if (!allowed) {
                    report(at, "`" + operator + "` is not allowed: compare with " + String.join(" ", OPERATORS.stream().sorted().toList()) + ", `in` or `not in`");
                }
                Comparisons.Side right = side(relation.getRight());
                if (allowed && left != null && right != null) {
                    Comparisons.Mismatch mismatch = Comparisons.check(left, operator, at, right);
                    if (mismatch != null) report(mismatch.offset(), mismatch.message());
                }
            }

            /** One side of a comparison; null when it is itself a condition (checked as one). */
            private Comparisons.Side side(BaseDescr descr) {
                if (descr instanceof BindingDescr binding) {
                    int place = locate(binding.getVariable());
                    if (binding.isUnification()) report(base + place, "`:=` is not allowed: bind with `$name : field`");
                    if (!binding.getVariable().startsWith("$")) report(base + place, "a variable's name starts with `$`, such as `$" + binding.getVariable() + "`");
                    Comparisons.Side bound = operand(binding.getExpression());
                    scope.bind(binding.getVariable(), bound.type() == null ? Expressions.NUMBER : bound.type());
                    return bound;
                }
                if (descr instanceof AtomicExprDescr atom) return operand(atom.getExpression());
                part(descr);
                return null;
            }

            private Comparisons.Side operand(String operand) {
                int place = locate(operand);
                int offset = base < 0 ? -1 : base + place;
                return new Comparisons.Side(operand, expression(operand, offset, scope), offset, scope.values(operand));
            }

            /** Where {@code piece} next occurs in the constraint (Drools keeps no columns for operands). */
            private int locate(String piece) {
                int found = expression.indexOf(piece, cursor);
                if (found < 0) found = expression.indexOf(piece);
                if (found < 0) return 0;
                cursor = found + piece.length();
                return found;
            }
        }

        private String expression(String written, int offset, RuleScope scope) {
            try {
                return Expressions.expression(written, scope);
            } catch (Expressions.Refused e) {
                report(offset < 0 ? -1 : offset + e.offset, e.getMessage());
                return null;
            }
        }

        /** Criteria decide by whether they fire: their consequence is empty. Other rules insert or modify facts. */
        private void consequence(RuleDescr rule, RuleScope scope) {
            String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            int thenAt = TextLocator.offset(text, rule.getConsequenceLine(), rule.getConsequencePattern());
            int offset = find(consequence, thenAt < 0 ? at(rule) : thenAt);
            scope.patternType = null;
            try {
                int statements = Expressions.consequence(consequence, scope);
                if (statements > 0 && rule.getAnnotation(CRITERION) != null) {
                    report(offset, "a criterion rule decides by whether it fires: leave its `then` part empty");
                } else if (statements > 0) {
                    computing.add(rule.getName());
                }
            } catch (Expressions.Refused e) {
                report(offset < 0 ? -1 : offset + e.offset, e.getMessage());
            }
        }

        // ---- places ------------------------------------------------------------------------------------------

        private int at(BaseDescr descr) {
            if (descr.getStartCharacter() >= 0) return descr.getStartCharacter();
            return TextLocator.offset(text, descr.getLine(), descr.getColumn());
        }

        /** Where {@code piece} is written, from {@code from} on; {@code from} when it cannot be found. */
        private int find(String piece, int from) {
            if (from < 0) return -1;
            int found = text.indexOf(piece, from);
            return found < 0 ? from : found;
        }

        /** Reports the second use of a name that must be unique across the files, with where the first one is. */
        private void unique(String key, int offset, String what, String fix) {
            RuleProblem here = offset < 0 ? RuleProblem.in(file.path(), "") : TextLocator.at(file, text, offset, "");
            RuleProblem first = names.putIfAbsent(key, here);
            if (first != null) {
                report(offset, what + " (the other is at " + first.toString().replaceFirst(": $", "") + "): " + fix);
            }
        }

        private void refuse(BaseDescr descr, String form) {
            report(at(descr), form + " is not allowed: " + explanation(form));
        }

        private void report(int offset, String message) {
            problems.add(offset < 0 ? RuleProblem.in(file.path(), message) : TextLocator.at(file, text, offset, message));
        }
    }

    /** The DRL word for a form the language does not have. */
    private static String keyword(Object descr) {
        String name = descr.getClass().getSimpleName().replace("Descr", "");
        return switch (name) {
            case "Eval" -> "`eval`";
            case "From" -> "`from`";
            case "Collect" -> "`collect`";
            case "Accumulate" -> "`accumulate`";
            case "Forall" -> "`forall`";
            case "EntryPoint" -> "`from entry-point`";
            case "WindowReference" -> "`from window`";
            case "ConditionalBranch" -> "`if … do[…]`";
            case "NamedConsequence" -> "`do[…]`";
            default -> "`" + name.toLowerCase(java.util.Locale.ROOT) + "`";
        };
    }

    private static String explanation(String form) {
        return switch (form) {
            case "`eval`" -> "write the condition inside a pattern, such as `Applicant(age >= 18)`";
            case "`from`", "`collect`", "`from entry-point`", "`from window`" -> "match facts directly, such as `$item : Item(claim == $c.id)`";
            case "`forall`" -> "write it with `not`, such as `not Item(amount < 0)`";
            default -> "it is not part of the rules language (see rules/README.md)";
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
