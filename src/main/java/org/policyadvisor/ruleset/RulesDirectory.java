package org.policyadvisor.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the policy files of a rules directory: DRL and YAML, skipping hidden entries (such as a ConfigMap's ..data).
 * Each file gets its logical path, relative and '/'-separated, which the ruleset version hashes with the content.
 */
public final class RulesDirectory {

    /**
     * A ConfigMap key cannot hold '/': deploy/rules-configmap.sh writes {@code programs/x/x.drl} as the key
     * {@code programs__x__x.drl}, and this reads it back, so a ConfigMap volume, a git checkout and {@code check}
     * give the same paths and the same version.
     */
    static final String FOLDER_IN_KEY = "__";

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

    /** {@code programs/x/x.drl} for that file in a checkout, and for the ConfigMap key {@code programs__x__x.drl}. */
    static String logicalPath(Path relative) {
        return relative.toString().replace('\\', '/').replace(FOLDER_IN_KEY, "/");
    }

    private static RuleFile load(Path root, Path relative) {
        try {
            return new RuleFile(logicalPath(relative), Files.readAllBytes(root.resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }
}
