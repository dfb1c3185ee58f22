package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The rules language: the subset of DRL that policy staff write, checked on the parsed rules before anything is
 * compiled. A rule file is code to Drools, so this is an allow-list: each file is parsed by Drools' own parser
 * (the one its compiler uses); then {@link DeclarationCheck} checks what it declares, {@link RuleCheck} each rule,
 * {@link ConditionCheck} each constraint (as Drools' expression parser splits it) and {@link Expressions} each operand
 * and consequence; every form not listed there is refused with its place and the rule of the language it breaks.
 * Text is never searched for dangerous words.
 */
public final class LanguageCheck {

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
        Declared declared = Declared.of(parsed.values());
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        Set<String> computing = new LinkedHashSet<>();
        Map<String, RuleProblem> names = new LinkedHashMap<>();
        parsed.forEach((file, pkg) -> {
            DrlFile drl = new DrlFile(file, problems, names);
            DeclarationCheck declarations = new DeclarationCheck(drl, declared);
            declarations.check(pkg);
            RuleCheck rules = new RuleCheck(drl, declared, declarations, reads, computing);
            pkg.getRules().forEach(rules::check);
        });
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
            // An error without a place (the parser failing inside itself) follows from one with a place: show that one.
            boolean placed = parser.getErrors().stream().anyMatch(e -> e instanceof ParserError at && at.getRow() > 0);
            for (DroolsError error : parser.getErrors()) {
                if (placed && !(error instanceof ParserError at && at.getRow() > 0)) continue;
                int quote = ParserMessages.unclosedQuote(error.getMessage(), text);
                if (quote >= 0) {
                    problems.add(TextLocator.at(file, text, quote, ParserMessages.words(error.getMessage())));
                } else if (error instanceof ParserError at && at.getRow() > 0) {
                    problems.add(new RuleProblem(file.path(), at.getRow(), at.getCol() + 1, ParserMessages.words(error.getMessage())));
                } else {
                    problems.add(RuleProblem.in(file.path(), ParserMessages.words(error.getMessage())));
                }
            }
            return null;
        }
        return pkg;
    }
}
