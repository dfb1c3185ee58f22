package org.policyadvisor.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The source documents that rules cite, in the {@code seeds/} folder beside the rules folder. Paragraph N is the
 * N-th non-empty line. Without such a folder (a rules folder copied on its own) citations cannot be checked.
 */
public record SourceDocuments(Path dir) {

    public static SourceDocuments beside(Path rulesDir) {
        Path rules = rulesDir.toAbsolutePath().normalize();
        return new SourceDocuments(rules.resolveSibling("seeds"));
    }

    public boolean available() {
        return dir != null && Files.isDirectory(dir);
    }

    /** The document's paragraphs, or empty when there is no such document. */
    Optional<List<String>> paragraphs(String document) {
        if (!available() || document == null || document.contains("/") || document.contains("\\")) return Optional.empty();
        Path file = dir.resolve(document);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> names() {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
