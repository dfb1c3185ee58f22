package org.policyadvisor.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads the policy files of a rules directory: DRL and YAML, skipping hidden entries (such as a ConfigMap's ..data). */
public final class RulesDirectory {

    private RulesDirectory() {}

    public static List<RuleFile> read(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try (Stream<Path> paths = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return paths.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(RulesDirectory::isPolicyFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .map(relative -> load(root, relative))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules directory " + root, e);
        }
    }

    public static boolean isPolicyFile(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return false;
        }
        String name = relative.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static RuleFile load(Path root, Path relative) {
        try {
            return new RuleFile(relative.toString().replace('\\', '/'), Files.readAllBytes(root.resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }
}
