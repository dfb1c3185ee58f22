package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.CheckCommand;
import org.policyadvisor.TestServer;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;

/**
 * What {@code check} says to policy staff about problems no single file shows, and about YAML mistakes: the place,
 * the rule in plain words, a suggestion; no Java. The rules sit in {@code rules/} with their source in {@code seeds/}.
 */
class GateMessagesTest {

    private static final String SOURCE = "000_c4954ffce7c23a52.txt";

    @TempDir
    Path root;

    private Path rules;
    private Map<String, String> files;

    @BeforeEach
    void fixture() {
        rules = root.resolve("rules");
        RulesFixture.write(root.resolve("seeds").resolve(SOURCE), "The first paragraph says x.\n\nThe second one says y.\n");
        files = RulesFixture.tiny(100);
    }

    private String check() {
        return check(null);
    }

    /** {@code check rules/ --against <against>}: the exit code, a newline, then what it printed. */
    private String check(String against) {
        RulesFixture.write(rules, files);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = CheckCommand.run(rules, against, new PrintStream(output, true, StandardCharsets.UTF_8));
        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(report).doesNotContain("org.", "java.", "Exception", "`com.");
        return exit + "\n" + report;
    }

    private void change(String path, String from, String to) {
        assertThat(files.get(path)).contains(from);
        files.put(path, files.get(path).replace(from, to));
    }

    /** A second program like the tiny one, with its own id, type and scenarios. */
    private void addSecondProgram(int order) {
        files.put("programs/second/second.drl", files.get(RulesFixture.TINY_DRL).replace("\"tiny\"", "\"second\"")
                .replace("declare Tiny", "declare Second").replaceAll("(?s)rule .*", ""));
        files.put("programs/second/second.yaml", """
                order: %d
                name: {zh-Hans: 二, zh-Hant: 二, en: Second}
                summary: {zh-Hans: 二, zh-Hant: 二, en: Second}
                howToApply: {zh-Hans: 申请, zh-Hant: 申請, en: Apply}
                source: {document: 000_c4954ffce7c23a52.txt, paragraphs: [2], quote: "y"}
                """.formatted(order));
        files.put("programs/second/second.scenarios.yaml", """
                program: second
                asOf: 2026-01-01
                scenarios:
                  - name: An adult can use it
                    profile: {age: 30}
                    expect: {status: ELIGIBLE}
                  - name: A child cannot
                    profile: {age: 10}
                    expect: {status: NOT_ELIGIBLE}
                """);
    }

    @Test
    void the_tiny_rules_with_their_source_pass() {
        assertThat(check()).startsWith("0\nOK ");
    }

    @Test
    void a_quote_that_is_not_word_for_word_in_its_paragraph() {
        change(RulesFixture.TINY_YAML, "quote: \"x\"", "quote: \"zzz\"");
        assertThat(check()).startsWith("1\n").contains(RulesFixture.TINY_YAML + ":11:63: the quote is not word for word in paragraph 1 of `"
                + SOURCE + "`: copy it from the source, with its own punctuation");
    }

    @Test
    void a_paragraph_that_does_not_exist() {
        change(RulesFixture.TINY_YAML, "paragraphs: [1]", "paragraphs: [3]");
        assertThat(check()).contains(RulesFixture.TINY_YAML + ":11:46: paragraph 3 does not exist: `" + SOURCE
                + "` has paragraphs 1 to 2 (its non-empty lines)");
    }

    @Test
    void a_source_document_that_is_not_in_seeds_gets_a_suggestion() {
        change(RulesFixture.TINY_YAML, "document: " + SOURCE, "document: 000_c4954ffce7c23a5.txt");
        assertThat(check()).contains(RulesFixture.TINY_YAML + ":11:10: the source document `000_c4954ffce7c23a5.txt` is not in seeds/ (did you mean `"
                + SOURCE + "`?)");
    }

    @Test
    void two_programs_in_the_same_position() {
        addSecondProgram(1);
        assertThat(check()).contains("programs/tiny/tiny.yaml:1:1: program 'tiny' has order 1, like program 'second'; give each program its own order");
    }

    @Test
    void two_scenarios_with_the_same_name() {
        change(RulesFixture.TINY_SCENARIOS, "name: A child does not", "name: An adult gets the cash");
        assertThat(check()).contains(RulesFixture.TINY_SCENARIOS + ":7:5: two scenarios are named \"An adult gets the cash\"; give each its own name");
    }

    @Test
    void a_scenario_answering_a_question_that_does_not_exist_gets_a_suggestion() {
        change(RulesFixture.TINY_SCENARIOS, "profile: {age: 30}", "profile: {agee: 30}");
        assertThat(check()).contains(RulesFixture.TINY_SCENARIOS + ":4:11: scenario \"An adult gets the cash\" fails: "
                + "profile: `agee` is not a question of applicant.drl (did you mean `age`?)");
    }

    @Test
    void a_scenario_file_for_a_program_that_does_not_exist_gets_a_suggestion() {
        change(RulesFixture.TINY_SCENARIOS, "program: tiny", "program: tiyn");
        assertThat(check()).contains(RulesFixture.TINY_SCENARIOS + ":0:0: the scenarios are for program 'tiyn', which the rules do not declare"
                + " (did you mean `tiny`?)");
    }

    @Test
    void a_criterion_that_no_program_uses() {
        files.put("common/criteria.yaml", files.get("common/criteria.yaml") + "senior:\n  text: {zh-Hans: 老, zh-Hant: 老, en: Senior}\n");
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL)
                + "\nrule \"senior: is 65 or older\"\n    @criterion(\"senior\")\nwhen\n    Applicant(age >= 65)\nthen\nend\n");
        assertThat(check()).contains(RulesFixture.TINY_DRL + ":18:5: criterion 'senior' is defined but no program lists it in @criteria");
    }

    @Test
    void a_text_missing_a_language() {
        change(RulesFixture.TINY_YAML, "name: {zh-Hans: 小, zh-Hant: 小, en: Tiny}", "name: {zh-Hans: 小, en: Tiny}");
        assertThat(check()).contains(RulesFixture.TINY_YAML + ":2:").contains("at /name: missing the zh-Hant text");
    }

    @Test
    void a_misspelt_key_gets_a_suggestion() {
        change(RulesFixture.TINY_YAML, "summary:", "summry:");
        assertThat(check()).contains(RulesFixture.TINY_YAML + ":3:1: `summry` is not a key here; the keys are assumptions, benefits, criteria,")
                .contains("(did you mean `summary`?)");
    }

    @Test
    void a_value_outside_its_list_gets_a_suggestion() {
        change(RulesFixture.TINY_YAML, "kind: CASH", "kind: CASHH");
        assertThat(check()).contains("at /benefits/0/kind: `CASHH` is not one of CASH, SERVICE, INFORMATION (did you mean `CASH`?)");
    }

    @Test
    void a_wrong_kind_of_value_says_what_was_expected() {
        change(RulesFixture.TINY_YAML, "order: 1", "order: first");
        assertThat(check()).contains(RulesFixture.TINY_YAML + ":1:8: at /order: expected a whole number");
    }

    @Test
    void a_program_folder_removed_is_shown_as_removed_in_the_validate_report() {
        addSecondProgram(2);
        RulesFixture.write(rules, files);
        ActiveRuleset active = new ActiveRuleset();
        try (RulesPipeline pipeline = new RulesPipeline(rules, active, Clock.systemUTC(), Duration.ZERO)) {
            assertThat(pipeline.reload().ok()).isTrue();
            files.keySet().removeIf(path -> path.startsWith("programs/second/"));

            RulesPipeline.Validation validation = pipeline.validate(RulesFixture.ruleFiles(files));

            assertThat(validation.report().ok()).as(validation.report().errors().toString()).isTrue();
            assertThat(validation.impact().removedPrograms()).containsExactly("second");
            assertThat(validation.impact().addedPrograms()).isEmpty();
        } finally {
            active.current().ifPresent(Ruleset::release);
        }
    }

    @Test
    void check_against_a_published_folder_shows_a_removed_program_as_removed_and_still_passes() {
        addSecondProgram(2);
        Path published = root.resolve("published");
        RulesFixture.write(published, files);
        files.keySet().removeIf(path -> path.startsWith("programs/second/"));

        String report = check(published.toString());

        assertThat(report).startsWith("0\n").contains("REMOVED program 'second' (Second): published in " + published
                + " but not in these rules; once these are published, advice no longer lists it").doesNotContain("ADDED");
        assertThat(report.lines().filter(l -> l.startsWith("REMOVED"))).hasSize(1);
    }

    @Test
    void check_against_a_published_folder_shows_an_added_program() {
        Path published = root.resolve("published");
        RulesFixture.write(published, files);
        addSecondProgram(2);

        assertThat(check(published.toString())).startsWith("0\n")
                .contains("ADDED program 'second' (Second): new, not published in " + published + "; once these are published, advice lists it")
                .doesNotContain("REMOVED");
    }

    @Test
    void check_against_the_same_programs_says_so() {
        Path published = root.resolve("published");
        RulesFixture.write(published, files);

        assertThat(check(published.toString())).startsWith("0\n").contains("SAME PROGRAMS as " + published + ": none removed, none added");
    }

    @Test
    void check_against_the_live_service_reads_its_public_program_list() {
        addSecondProgram(2);
        Ruleset live = new RulesetCompiler(Clock.systemUTC()).compile(RulesFixture.ruleFiles(files));
        try (TestServer server = TestServer.start(live)) {
            files.keySet().removeIf(path -> path.startsWith("programs/second/"));
            String address = server.uri("/").toString();

            assertThat(check(address)).startsWith("0\n").contains("REMOVED program 'second' (Second): published in " + address
                    + " but not in these rules");
        } finally {
            live.release();
        }
    }

    @Test
    void check_against_what_cannot_be_read_is_one_line_and_exit_2() throws IOException {
        Path nowhere = root.resolve("nowhere");
        assertThat(check(nowhere.toString())).isEqualTo("2\ncannot compare with " + nowhere + ": " + nowhere
                + " is neither a folder of published rules nor the service's address (http://… or https://…)\n");

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(check("http://localhost:" + port)).isEqualTo("2\ncannot compare with http://localhost:" + port
                + ": the service at http://localhost:" + port + "/api/v1/programs cannot be reached: is the address right and the service running?\n");
    }
}
