package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.testing.RulesCopy;

/**
 * Policy staff add a program by copying one and giving it a new id: the copy must pass {@code check} with no Java
 * change. Which program is copied is chosen by a rule, not by name: the first one (by folder name) without cash of
 * its own, so the copy changes no other program's totals.
 */
class ProgramCopyTest {

    private static final Pattern CRITERION = Pattern.compile("@criterion\\(\"([a-z0-9-]+)\"\\)");
    private static final Pattern ORDER = Pattern.compile("(?m)^order: (\\d+)");

    @Test
    void a_program_folder_copied_under_a_new_id_passes_check(@TempDir Path dir) throws IOException {
        RulesCopy.of(dir);
        Path programs = dir.resolve("programs");
        String id = firstWithoutCash(programs);
        String copy = id + "-copy";

        copyProgram(programs, id, copy, maxOrder(programs) + 1);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = CheckCommand.run(dir, new PrintStream(output, true, StandardCharsets.UTF_8));

        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).startsWith("OK ");
        assertThat(Files.readString(programs.resolve(copy).resolve(copy + ".drl"))).contains("@program(\"" + copy + "\")");
    }

    private static String firstWithoutCash(Path programs) throws IOException {
        try (Stream<Path> folders = Files.list(programs)) {
            return folders.map(p -> p.getFileName().toString()).sorted()
                    .filter(id -> !read(programs.resolve(id).resolve(id + ".yaml")).contains("kind: CASH"))
                    .findFirst().orElseThrow();
        }
    }

    private static int maxOrder(Path programs) throws IOException {
        int max = 0;
        try (Stream<Path> files = Files.walk(programs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith(".scenarios.yaml")).toList()) {
                Matcher order = ORDER.matcher(read(file));
                if (order.find()) max = Math.max(max, Integer.parseInt(order.group(1)));
            }
        }
        return max;
    }

    /** What a person does: copy the folder, rename it and its files, and change the id, the type and own criteria. */
    private static void copyProgram(Path programs, String id, String copy, int order) throws IOException {
        Path from = programs.resolve(id);
        Path to = Files.createDirectories(programs.resolve(copy));
        List<String> ownCriteria = new ArrayList<>();
        Matcher criterion = CRITERION.matcher(read(from.resolve(id + ".drl")));
        while (criterion.find()) if (!ownCriteria.contains(criterion.group(1))) ownCriteria.add(criterion.group(1));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String text = read(file)
                        .replace("\"" + id + "\"", "\"" + copy + "\"")
                        .replace("program: " + id + "\n", "program: " + copy + "\n")
                        .replace("declare " + typeName(id) + "\n", "declare " + typeName(copy) + "\n");
                text = ORDER.matcher(text).replaceFirst("order: " + order);
                for (String own : ownCriteria) text = text.replaceAll("(?<![\\w-])" + Pattern.quote(own) + "(?![\\w-])", own + "-copy");
                Files.writeString(to.resolve(file.getFileName().toString().replace(id, copy)), text);
            }
        }
    }

    private static String typeName(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        return name.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
