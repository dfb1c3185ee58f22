package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
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
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LOG_FORMAT");
        builder.environment().put("DATA_DIR", dir.resolve("data").toString()); // the embedded database, not in the work tree
        builder.environment().putAll(env);
        Process process = builder.start();
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
    void check_against_a_folder_that_is_not_there_is_one_line_and_exit_2() throws Exception {
        Run run = run("check", dir.toString(), "--against=" + dir.resolve("published"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip().lines()).hasSize(1);
        assertThat(run.output()).startsWith("cannot compare with " + dir.resolve("published") + ": ");
    }

    @Test
    void serve_with_broken_rules_says_why_and_exits_non_zero() throws Exception {
        Run run = run("serve", "--rules-dir", dir.toString(), "--port", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("programs/x/x.drl:2:1: `import java.net.Socket` is not allowed")
                .contains("there is no earlier ruleset to serve; not starting");
    }

    @Test
    void help_lists_the_settings_and_exits_0() throws Exception {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("Usage:", "PORT", "--port", "MANAGEMENT_PORT", "--management-port", "CORS_ORIGINS", "LOG_FORMAT");
    }

    @Test
    void a_bad_value_is_one_line_naming_the_setting_and_exit_2() throws Exception {
        Run run = run(Map.of("PORT", "abc"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip().lines()).hasSize(1);
        assertThat(run.output()).contains("PORT=abc: must be a port number").doesNotContain("Exception");
    }

    @Test
    void a_busy_port_is_one_line_and_exit_1_before_the_rules_are_built() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Run run = run("serve", "--rules-dir", RealRules.DIR.toString(), "--port", Integer.toString(busy.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output()).contains("cannot listen on port " + busy.getLocalPort())
                    .doesNotContain("serving ruleset").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void log_lines_carry_an_iso_date_time_with_zone_or_are_json_objects_and_flags_take_the_equals_spelling() throws Exception {
        Run text = run("serve", "--rules-dir=" + dir, "--port=0");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.output()).contains("programs/x/x.drl:2:1:").contains("listening on 0.0.0.0:");
        assertThat(text.output().lines().filter(l -> !l.isBlank()))
                .allMatch(l -> l.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) .*"), "ISO-8601 with zone");

        Run json = run(Map.of("LOG_FORMAT", "json"), "serve", "--rules-dir", dir.toString(), "--port", "0");
        assertThat(json.exitCode()).isEqualTo(1);
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = json.output().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode event = mapper.readTree(line);
            assertThat(event.get("level").asText()).isNotBlank();
            assertThat(java.time.OffsetDateTime.parse(event.get("time").asText())).as(line).isNotNull(); // ISO-8601 with offset
        }
        assertThat(json.output()).contains("x.drl:2:1:"); // JSON writes / as \\/
    }
}
