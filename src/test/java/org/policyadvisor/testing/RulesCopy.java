package org.policyadvisor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.policyadvisor.RealRules;

/** A copy of the real rules in a temporary directory, to change without touching the project's own. */
public final class RulesCopy {

    private final Path dir;

    private RulesCopy(Path dir) {
        this.dir = dir;
    }

    public static RulesCopy of(Path dir) {
        return of(RealRules.DIR, dir);
    }

    /** A copy of the rules in {@code from} (such as the tests' own {@link SampleRules}). */
    public static RulesCopy of(Path from, Path dir) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesCopy(dir);
    }

    public Path dir() {
        return dir;
    }

    public String read(String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RulesCopy add(String path, String content) {
        try {
            Path target = dir.resolve(path);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a rules file. */
    public RulesCopy replace(String path, String from, String to) {
        try {
            Path target = dir.resolve(path);
            String text = Files.readString(target);
            if (!text.contains(from)) throw new IllegalArgumentException(path + " does not contain " + from);
            Files.writeString(target, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
