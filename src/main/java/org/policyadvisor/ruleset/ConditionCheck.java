package org.policyadvisor.ruleset;

import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;

/**
 * One constraint of a pattern, as Drools' expression parser splits it: conditions combined with {@code &&},
 * {@code ||} and {@code !}, each a comparison whose sides {@link Expressions} reads and {@link Comparisons} checks
 * against each other. Operands are found in the constraint's text in order, for their columns.
 */
final class ConditionCheck {
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=");
    /** What may come before a yes/no value alone: {@code !}, {@code (}, spaces. */
    private static final Pattern LEADING = Pattern.compile("^[!(\\s]+");

    private final DrlFile file;
    private final String expression;
    private final int base;
    private final RuleScope scope;
    private int cursor;

    ConditionCheck(DrlFile file, String expression, int base, RuleScope scope) {
        this.file = file;
        this.expression = expression;
        this.base = base;
        this.scope = scope;
    }

    void connective(ConstraintConnectiveDescr connective) {
        switch (connective.getConnective()) {
            case AND, OR -> connective.getDescrs().forEach(this::part);
            default -> file.report(base, "`" + connective.getConnective() + "` is not allowed: combine conditions with `&&`, `||` and `!`");
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
            file.report(base, "this condition is not part of the rules language: compare fields with values, combined with `&&`, `||` and `!`");
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
            file.report(alone.offset(), alone.shown() + " is " + Comparisons.inWords(kind) + ", not a condition: compare it with a value, such as `"
                    + written + (kind.equals(Comparisons.NUMBER) ? " >= 18`" : " == …`"));
        } else if (!LEADING.matcher(written).replaceAll("").contains("(")) { // a field read, not a computed yes/no
            file.report(alone.offset(), alone.shown() + " alone is not a condition: write `" + written + " == true` or `" + written
                    + " == false` (a question not answered is neither)");
        }
    }

    private void relation(RelationalExprDescr relation) {
        Comparisons.Side left = side(relation.getLeft());
        String operator = relation.getOperator();
        int at = base < 0 ? -1 : base + locate(operator);
        boolean allowed = OPERATORS.contains(operator) && (relation.getParameters() == null || relation.getParameters().isEmpty());
        if (!allowed) {
            file.report(at, "`" + operator + "` is not allowed: compare with " + String.join(" ", OPERATORS.stream().sorted().toList()) + ", `in` or `not in`");
        }
        Comparisons.Side right = side(relation.getRight());
        if (allowed && left != null && right != null) {
            Comparisons.Mismatch mismatch = Comparisons.check(left, operator, at, right);
            if (mismatch != null) file.report(mismatch.offset(), mismatch.message());
        }
    }

    /** One side of a comparison; null when it is itself a condition (checked as one). */
    private Comparisons.Side side(BaseDescr descr) {
        if (descr instanceof BindingDescr binding) {
            int place = locate(binding.getVariable());
            if (binding.isUnification()) file.report(base + place, "`:=` is not allowed: bind with `$name : field`");
            if (!binding.getVariable().startsWith("$")) file.report(base + place, "a variable's name starts with `$`, such as `$" + binding.getVariable() + "`");
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
        return new Comparisons.Side(operand, file.expression(operand, offset, scope), offset, scope.values(operand));
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
