package org.policyadvisor.ruleset;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * One rule in the rules language: a unique name, metadata, patterns over declared types (with {@code not},
 * {@code exists}, {@code or} and {@code accumulate} of sum, count, min, max), each constraint read by Drools'
 * expression parser and checked by {@link ConditionCheck}, and a consequence that is empty (a criterion) or only
 * inserts and modifies facts. Records which fields each rule reads and which rules compute.
 */
final class RuleCheck {

    private static final String CRITERION = "criterion";
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max");

    private final DrlFile file;
    private final Declared declared;
    private final Map<String, Map<String, String>> types;
    private final DeclarationCheck declarations;
    private final Map<String, Set<String>> reads;
    private final Set<String> computing;

    RuleCheck(DrlFile file, Declared declared, DeclarationCheck declarations, Map<String, Set<String>> reads, Set<String> computing) {
        this.file = file;
        this.declared = declared;
        this.types = declared.types();
        this.declarations = declarations;
        this.reads = reads;
        this.computing = computing;
    }

    void check(RuleDescr rule) {
        int start = file.at(rule);
        if (rule.isQuery()) {
            file.refuse(rule, "`query`");
            return;
        }
        file.unique("rule " + rule.getName(), start, "two rules are named \"" + rule.getName() + "\"", "give each rule its own name");
        if (rule.hasParent()) file.report(start, "`extends` is not allowed on a rule: write its conditions in it");
        rule.getAttributes().values().forEach(a -> declarations.attribute(a, "a rule"));
        declarations.annotations(rule, start);
        if (!rule.getNamedConsequences().isEmpty()) file.report(start, "named consequences (`then[…]`) are not allowed");
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
            file.refuse(descr, DrlFile.keyword(descr));
        }
    }

    private void pattern(PatternDescr pattern, RuleScope scope) {
        int start = file.at(pattern);
        String type = pattern.getObjectType();
        if (pattern.getSource() instanceof AccumulateDescr accumulate) {
            accumulate(accumulate, scope);
            if (!type.equals("Object") && !type.equals("Number")) {
                file.report(start, "the result of `accumulate` is a number: write `accumulate(…; $total : sum(…))`");
                return;
            }
            type = null;
        } else if (pattern.getSource() != null) {
            String form = DrlFile.keyword(pattern.getSource());
            file.report(start, form + " is not allowed: " + DrlFile.explanation(form));
            return;
        } else if (!types.containsKey(type)) {
            file.report(start, "`" + type + "` is not a type declared in the rules" + Suggestions.didYouMean(type, types.keySet()));
            return;
        }
        if (pattern.isQuery()) file.report(start, "queries are not allowed");
        if (pattern.isUnification()) file.report(start, "`:=` is not allowed: bind with `$name : Type(…)`");
        if (!pattern.getBehaviors().isEmpty()) file.report(start, "`over window` is not allowed");
        if (!pattern.getAnnotations().isEmpty()) file.report(start, "metadata on a pattern is not allowed");
        if (pattern.getIdentifier() != null) {
            if (!pattern.getIdentifier().startsWith("$")) file.report(start, "a variable's name starts with `$`, such as `$" + pattern.getIdentifier() + "`");
            scope.bind(pattern.getIdentifier(), type == null ? Expressions.NUMBER : type);
        }
        scope.patternType = type;
        for (BaseDescr constraint : pattern.getDescrs()) constraint(constraint, scope);
        scope.patternType = null;
    }

    private void accumulate(AccumulateDescr accumulate, RuleScope scope) {
        int start = file.at(accumulate);
        if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null || accumulate.getActionCode() != null
                || accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
            file.report(start, "`accumulate` may only use " + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList())
                    + "; init, action, reverse and result code is not allowed");
            return;
        }
        lhs(accumulate.getInput(), scope);
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            int place = file.find(function.getFunction(), start);
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                file.report(place, "`" + function.getFunction() + "` is not allowed in `accumulate`: use "
                        + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList())
                        + Suggestions.didYouMean(function.getFunction(), ACCUMULATE_FUNCTIONS));
                continue;
            }
            if (function.isUnification()) file.report(place, "`:=` is not allowed: bind with `$name : " + function.getFunction() + "(…)`");
            for (String parameter : function.getParams()) {
                int at = file.find(parameter, place);
                String kind = Comparisons.kind(file.expression(parameter, at, scope));
                if (kind != null && !kind.equals(Comparisons.NUMBER) && !function.getFunction().equals("count")) {
                    file.report(at, "`" + function.getFunction() + "` works on numbers, and `" + parameter.strip() + "` is " + Comparisons.inWords(kind));
                }
            }
            if (function.getBind() != null) {
                if (!function.getBind().startsWith("$")) file.report(place, "a variable's name starts with `$`, such as `$" + function.getBind() + "`");
                scope.bind(function.getBind(), Expressions.NUMBER);
            }
        }
    }

    /** One constraint of a pattern, as Drools' expression parser splits it; each operand is read strictly. */
    private void constraint(BaseDescr descr, RuleScope scope) {
        int start = file.at(descr);
        if (!(descr instanceof ExprConstraintDescr constraint)) {
            file.refuse(descr, DrlFile.keyword(descr));
            return;
        }
        if (constraint.getType() != ExprConstraintDescr.Type.NAMED) {
            file.report(start, "write each condition as `field == value`, not by position");
            return;
        }
        String expression = constraint.getExpression();
        int base = file.find(expression, start);
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr tree = parser.parse(expression);
        if (parser.hasErrors() || tree == null) {
            file.report(base, "this condition cannot be read: " + (parser.getErrors().isEmpty() ? "" : ParserMessages.words(parser.getErrors().get(0).getMessage())));
            return;
        }
        new ConditionCheck(file, expression, base, scope).connective(tree);
    }

    /** Criteria decide by whether they fire: their consequence is empty. Other rules insert or modify facts. */
    private void consequence(RuleDescr rule, RuleScope scope) {
        String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        int thenAt = TextLocator.offset(file.text, rule.getConsequenceLine(), rule.getConsequencePattern());
        int offset = file.find(consequence, thenAt < 0 ? file.at(rule) : thenAt);
        scope.patternType = null;
        try {
            int statements = Expressions.consequence(consequence, scope);
            if (statements > 0 && rule.getAnnotation(CRITERION) != null) {
                file.report(offset, "a criterion rule decides by whether it fires: leave its `then` part empty");
            } else if (statements > 0) {
                computing.add(rule.getName());
            }
        } catch (Refused e) {
            file.report(offset < 0 ? -1 : offset + e.offset, e.getMessage());
        }
    }
}
