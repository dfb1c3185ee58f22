package org.policyadvisor.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Program;

/**
 * What no single file can show, checked on a compiled ruleset before its scenarios run: every quote verbatim in the
 * paragraphs it cites, programs in distinct positions, criteria that some program uses. (Scenario names that tell
 * cases apart are checked where the scenarios are read.) Each problem is placed at the line to change.
 */
public final class CrossFileCheck {

    private CrossFileCheck() {}

    public static List<RuleProblem> check(List<RuleFile> files, Catalogue catalogue, SourceDocuments sources) {
        List<RuleProblem> problems = new ArrayList<>();
        citations(files, catalogue, sources, problems);
        orders(files, catalogue, problems);
        unusedCriteria(files, catalogue, problems);
        return problems;
    }

    private static void citations(List<RuleFile> files, Catalogue catalogue, SourceDocuments sources, List<RuleProblem> problems) {
        if (!sources.available()) return;
        Map<String, Optional<List<String>>> documents = new HashMap<>(); // each document is read once
        for (Program program : catalogue.programs()) {
            String file = "programs/" + program.id() + "/" + program.id() + ".yaml";
            Program.Source source = program.source();
            Optional<List<String>> paragraphs = documents.computeIfAbsent(source.document(), sources::paragraphs);
            if (paragraphs.isEmpty()) {
                problems.add(TextLocator.find(files, file, "document:", "the source document `" + source.document() + "` is not in seeds/"
                        + Suggestions.didYouMean(source.document(), sources.names())));
                continue;
            }
            List<String> cited = new ArrayList<>();
            for (int number : source.paragraphs()) {
                if (number < 1 || number > paragraphs.get().size()) {
                    problems.add(TextLocator.find(files, file, "paragraphs:", "paragraph " + number + " does not exist: `"
                            + source.document() + "` has paragraphs 1 to " + paragraphs.get().size() + " (its non-empty lines)"));
                } else {
                    cited.add(paragraphs.get().get(number - 1));
                }
            }
            if (source.quote() != null && !cited.isEmpty() && cited.stream().noneMatch(p -> p.contains(source.quote()))) {
                problems.add(TextLocator.find(files, file, "quote:", "the quote is not word for word in paragraph"
                        + (source.paragraphs().size() > 1 ? "s " : " ") + joined(source.paragraphs())
                        + " of `" + source.document() + "`: copy it from the source, with its own punctuation"));
            }
        }
    }

    private static void orders(List<RuleFile> files, Catalogue catalogue, List<RuleProblem> problems) {
        Map<Integer, String> taken = new HashMap<>();
        for (Program program : catalogue.programs()) {
            String first = taken.putIfAbsent(program.order(), program.id());
            if (first != null) {
                problems.add(TextLocator.find(files, "programs/" + program.id() + "/" + program.id() + ".yaml", "order:",
                        "program '" + program.id() + "' has order " + program.order() + ", like program '" + first + "'; give each program its own order"));
            }
        }
    }

    private static void unusedCriteria(List<RuleFile> files, Catalogue catalogue, List<RuleProblem> problems) {
        Set<String> used = new HashSet<>();
        catalogue.programs().forEach(p -> used.addAll(p.criteria()));
        catalogue.criteria().values().stream()
                .filter(c -> !c.id().equals(Criterion.PROGRAM_IN_EFFECT) && !used.contains(c.id()))
                .forEach(c -> problems.add(TextLocator.find(files, null, "@criterion(\"" + c.id() + "\")",
                        "criterion '" + c.id() + "' is defined but no program lists it in @criteria; add it to a program or remove its rules and text")));
    }

    private static String joined(List<Integer> numbers) {
        List<String> words = numbers.stream().map(String::valueOf).toList();
        return words.size() <= 1 ? String.join("", words) : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
