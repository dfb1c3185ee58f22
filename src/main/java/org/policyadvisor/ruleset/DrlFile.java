package org.policyadvisor.ruleset;

import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.BaseDescr;

/**
 * One DRL file under the language check: where each part of it is written, and the problems found in it, each
 * reported at its place. Shared by the checks of its declarations, rules and conditions.
 */
final class DrlFile {

    final RuleFile file;
    final String text;
    private final List<RuleProblem> problems;
    /** The first place of each rule and type name, across files: Drools needs them unique. */
    private final Map<String, RuleProblem> names;

    DrlFile(RuleFile file, List<RuleProblem> problems, Map<String, RuleProblem> names) {
        this.file = file;
        this.text = file.text();
        this.problems = problems;
        this.names = names;
    }

    int at(BaseDescr descr) {
        if (descr.getStartCharacter() >= 0) return descr.getStartCharacter();
        return TextLocator.offset(text, descr.getLine(), descr.getColumn());
    }

    /** Where {@code piece} is written, from {@code from} on; {@code from} when it cannot be found. */
    int find(String piece, int from) {
        if (from < 0) return -1;
        int found = text.indexOf(piece, from);
        return found < 0 ? from : found;
    }

    /** Reports the second use of a name that must be unique across the files, with where the first one is. */
    void unique(String key, int offset, String what, String fix) {
        RuleProblem here = offset < 0 ? RuleProblem.in(file.path(), "") : TextLocator.at(file, text, offset, "");
        RuleProblem first = names.putIfAbsent(key, here);
        if (first != null) {
            report(offset, what + " (the other is at " + first.toString().replaceFirst(": $", "") + "): " + fix);
        }
    }

    void refuse(BaseDescr descr, String form) {
        report(at(descr), form + " is not allowed: " + explanation(form));
    }

    void report(int offset, String message) {
        problems.add(offset < 0 ? RuleProblem.in(file.path(), message) : TextLocator.at(file, text, offset, message));
    }

    /** Reads an expression written at {@code offset}; a refusal is reported there, and the type is then unknown (null). */
    String expression(String written, int offset, RuleScope scope) {
        try {
            return Expressions.expression(written, scope);
        } catch (Refused e) {
            report(offset < 0 ? -1 : offset + e.offset, e.getMessage());
            return null;
        }
    }

    /** The DRL word for a form the language does not have. */
    static String keyword(Object descr) {
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

    static String explanation(String form) {
        return switch (form) {
            case "`eval`" -> "write the condition inside a pattern, such as `Applicant(age >= 18)`";
            case "`from`", "`collect`", "`from entry-point`", "`from window`" -> "match facts directly, such as `$item : Item(claim == $c.id)`";
            case "`forall`" -> "write it with `not`, such as `not Item(amount < 0)`";
            default -> "it is not part of the rules language (see rules/README.md)";
        };
    }
}
