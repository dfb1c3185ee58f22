package org.policyadvisor.ruleset;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a catalogue is read from, and every problem found in them: the readers of questions, criteria and
 * programs report here, so policy staff see all of them at once.
 */
final class CatalogueFiles {

    private final List<RuleFile> files;
    private final List<RuleProblem> problems = new ArrayList<>();

    CatalogueFiles(List<RuleFile> files) {
        this.files = files;
    }

    List<RuleFile> all() {
        return files;
    }

    List<RuleProblem> problems() {
        return problems;
    }

    boolean has(String path) {
        return files.stream().anyMatch(f -> f.path().equals(path));
    }

    /** The YAML file at {@code path} (one of the fixed names at the top of the folder); a problem when it is missing. */
    <T> T readYaml(String path, TypeReference<T> type) {
        List<RuleFile> found = files.stream().filter(f -> f.path().equals(path)).toList();
        if (found.isEmpty()) {
            problem(path, null, "the rules need a file " + path);
            return null;
        }
        return parse(found.get(0), type);
    }

    <T> T parse(RuleFile file, TypeReference<T> type) {
        return YamlFiles.read(file, type, problems::add);
    }

    /** Records a problem at the first line of the named (or any DRL) file that contains {@code needle}. */
    void problem(String fileName, String needle, String message) {
        problems.add(TextLocator.find(files, fileName, needle, message));
    }
}
