package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule engine's own compile errors in policy staff's words. The language check refuses nearly everything the
 * engine would; what still reaches the engine is worded here, and its text (Java class names, MVEL dumps such as
 * {@code [Error: unable to resolve method …]}) is never shown: only the condition as the rule file writes it.
 */
public final class DroolsMessages {

    private static final Pattern ANALYSE = Pattern.compile("(?is)unable to analy[sz]e expression '?(.+?)'?\\s*(?::\\s*\\[Error:|:?\\s*$)");
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+)");
    /** MVEL's own place of a condition, 0-based column: {@code [Line: 13, Column: 4]}. */
    private static final Pattern PLACE = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");
    private static final Pattern TYPES = Pattern.compile("requires compatible types\\. Found (?:class )?([\\w.$]+) and (?:class )?([\\w.$]+)");
    private static final Pattern PREDICATE = Pattern.compile("Predicate '(.+?)' must be a Boolean expression", Pattern.DOTALL);
    private static final Pattern RESTRICTION = Pattern.compile("Unable to create restriction '.*?' for field '(\\w+)'", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("(?:Rule name='|rule '|rule \")([^'\"]+)['\"]");
    private static final Pattern CODE = Pattern.compile("\\b(?:org|java|javax|com|sun|jdk|drools)\\.[\\w.$]+|\\[(?:Error|Near)\\b");
    /** A piece of rule text the message quotes in backticks. */
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Pattern DUPLICATE_VARIABLE = Pattern.compile("Duplicate declaration for variable '(\\$?\\w+)'");
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("Integer", "a number"), Map.entry("int", "a number"), Map.entry("Long", "a number"), Map.entry("long", "a number"),
            Map.entry("Double", "a number"), Map.entry("double", "a number"), Map.entry("BigDecimal", "a number"),
            Map.entry("BigInteger", "a number"), Map.entry("Number", "a number"), Map.entry("String", "text"),
            Map.entry("Boolean", "yes/no"), Map.entry("boolean", "yes/no"), Map.entry("LocalDate", "a date"));

    private DroolsMessages() {}

    /** One error as the engine reported it, in staff words; the place is kept as given (no column when it gives 0). */
    static RuleProblem inStaffWords(String file, int line, int column, String message) {
        Matcher parser = PARSER.matcher(message.strip());
        if (parser.find()) { // the parser's place is in its text only, with a 0-based column
            return new RuleProblem(file, Integer.parseInt(parser.group(1)), Integer.parseInt(parser.group(2)) + 1, ParserMessages.words(message));
        }
        Matcher place = PLACE.matcher(message);
        if (column <= 0 && place.find() && (line <= 0 || Integer.parseInt(place.group(1)) == line)) {
            line = Integer.parseInt(place.group(1));
            column = Integer.parseInt(place.group(2)) + 1;
        }
        return new RuleProblem(file, line > 0 ? line : null, column > 0 ? column : null, words(message.strip()));
    }

    static String words(String message) {
        String rule = first(RULE, message);
        String inRule = rule == null ? "" : " (rule \"" + rule + "\")";
        String condition = written(first(ANALYSE, message));
        String it = condition == null ? "this condition" : "the condition `" + condition + "`";
        Matcher types = TYPES.matcher(message);
        if (types.find()) {
            return it + " compares " + kind(types.group(1)) + " with " + kind(types.group(2)) + inRule
                    + ": compare a field with a value of its own kind (a number without quotes, text in quotes, true or false)";
        }
        String variable = first(DUPLICATE_VARIABLE, message);
        if (variable != null) return "`" + variable + "` is bound twice" + inRule + ": give each `$variable` its own name";
        if (message.contains("negation operator")) return it + " puts `!` before something that is not yes/no" + inRule;
        String predicate = written(first(PREDICATE, message));
        if (predicate != null) return "`" + predicate + "` is not a condition" + inRule + ": compare it with a value, such as `field == value`";
        if (condition != null) {
            return "the rule engine cannot compile " + it + inRule
                    + ": check that each field is compared with a value of its own kind and that each name is spelt as declared";
        }
        String field = first(RESTRICTION, message);
        if (field != null) return "the rule engine cannot compare the field `" + field + "`" + inRule + " with that value: use a value of its own kind";
        if (!CODE.matcher(message).find() && message.length() <= 200 && !message.contains("\n")) {
            return "the rule engine refused this" + inRule + ": " + message;
        }
        return "the rule engine cannot compile this" + inRule + ": rewrite it with the forms of rules/README.md (\"The rules language\")";
    }

    /** A piece of the rule file quoted by the engine, if it is plainly the policy officer's text. */
    private static String written(String piece) {
        return piece == null || CODE.matcher(piece).find() || piece.contains("\n") ? null : piece.strip();
    }

    /** "a number" for {@code java.lang.Integer}, "a Claim" for a declared type; never the class name itself. */
    private static String kind(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String kind = KINDS.get(simple);
        if (kind != null) return kind;
        return simple.matches("[A-Z]\\w*") && !className.startsWith("java") ? "a " + simple : "a value of another kind";
    }

    private static String first(Pattern pattern, String message) {
        Matcher matcher = pattern.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * The column of a problem that has a line but no column: where the piece of rule text it quotes in backticks is
     * written, on that line or the next few (the engine reports a rule's first line).
     */
    public static List<RuleProblem> placed(List<RuleProblem> problems, List<RuleFile> files) {
        List<RuleProblem> placed = new ArrayList<>();
        for (RuleProblem problem : problems) {
            placed.add(problem.line() == null || problem.column() != null ? problem : place(problem, files));
        }
        return placed;
    }

    private static RuleProblem place(RuleProblem problem, List<RuleFile> files) {
        Matcher quoted = QUOTED.matcher(problem.message());
        if (!quoted.find()) return problem;
        for (RuleFile file : files) {
            if (!file.path().equals(problem.file())) continue;
            String text = file.text();
            int from = TextLocator.offset(text, problem.line(), 0);
            int found = from < 0 ? -1 : text.indexOf(quoted.group(1), from);
            if (found >= 0) {
                RuleProblem at = TextLocator.at(file, text, found, problem.message());
                if (at.line() - problem.line() <= 20) return at;
            }
        }
        return problem;
    }
}
