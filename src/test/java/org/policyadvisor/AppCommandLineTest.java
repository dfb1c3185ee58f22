package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's entry point in a real process: exit codes and what it prints. */
class AppCommandLineTest {

    @TempDir
    Path dir;

    /** Unsafe rules are refused before Drools is even started, which keeps these processes quick. */
    @BeforeEach
    void writeUnsafeRules() throws IOException {
        Files.createDirectories(dir.resolve("programs/x"));
        Files.writeString(dir.resolve("programs/x/x.drl"), "package policy;\nimport java.net.Socket;\n");
    }

    private record Run(int exitCode, String output) {}

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void check_exits_1_and_prints_file_line_column_for_broken_rules() throws Exception {
        Run run = run("check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("programs/x/x.drl:2:1: `import java.net.Socket` is not allowed");
    }

    @Test
    void serve_with_broken_rules_says_why_and_exits_non_zero() throws Exception {
        Run run = run("serve", "--rules-dir", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("programs/x/x.drl:2:1: `import java.net.Socket` is not allowed")
                .contains("there is no earlier ruleset to serve; not starting");
    }
}
