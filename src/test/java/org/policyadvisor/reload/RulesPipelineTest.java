package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;

class RulesPipelineTest {

    @TempDir
    Path dir;

    private final ActiveRuleset active = new ActiveRuleset();
    private RulesPipeline pipeline;
    private String firstVersion;

    @BeforeEach
    void serveTheTinyRules() {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        pipeline = new RulesPipeline(dir, active, Clock.systemUTC(), Duration.ZERO);
        Attempt first = pipeline.reload();
        assertThat(first.ok()).as("%s", first.errors()).isTrue();
        firstVersion = first.version();
    }

    @AfterEach
    void close() {
        pipeline.close();
        active.current().ifPresent(Ruleset::release);
    }

    @Test
    void a_good_edit_is_activated_and_recorded_in_status_and_history() {
        RulesFixture.write(dir, RulesFixture.tiny(250));

        Attempt attempt = pipeline.reload();

        assertThat(attempt.result()).isEqualTo(Attempt.Result.ACTIVATED);
        assertThat(attempt.testsRun()).isEqualTo(2);
        assertThat(active.current().orElseThrow().version()).isEqualTo(attempt.version()).isNotEqualTo(firstVersion);
        assertThat(active.current().orElseThrow().catalogue().programs().get(0).benefits().get(0).amount()).isEqualTo(250);
        assertThat(pipeline.history()).extracting(RulesPipeline.Activation::version).containsExactly(firstVersion, attempt.version());
        RulesPipeline.Status status = pipeline.status();
        assertThat(status.version()).isEqualTo(attempt.version());
        assertThat(status.lastAttempt()).isEqualTo(attempt);
        assertThat(status.files()).extracting(RulesPipeline.FileDigest::path).contains(RulesFixture.TINY_YAML);
    }

    @Test
    void a_syntax_error_is_refused_with_its_file_and_line_and_the_last_good_rules_keep_serving() {
        String drl = RulesFixture.read(dir.resolve(RulesFixture.TINY_DRL));
        RulesFixture.write(dir.resolve(RulesFixture.TINY_DRL), drl.replace("Applicant(age >= 18)", "Applicant(age >= )"));

        Attempt attempt = pipeline.reload();

        assertThat(attempt.result()).isEqualTo(Attempt.Result.REFUSED);
        assertThat(attempt.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(RulesFixture.TINY_DRL);
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(22);
            assertThat(p.message()).isEqualTo("`)` cannot be read here: look for a typo, or a missing `)`, `,`, `end` or quote just before it"
                    + " (rule \"adult: is an adult\")");
        });
        assertThat(active.current().orElseThrow().version()).isEqualTo(firstVersion);
        assertThat(pipeline.status().lastAttempt()).isEqualTo(attempt);
    }

    @Test
    void unsafe_rules_are_refused_before_anything_is_compiled() {
        String drl = RulesFixture.read(dir.resolve(RulesFixture.TINY_DRL));
        RulesFixture.write(dir.resolve(RulesFixture.TINY_DRL), drl
                .replace("package policy;\n", "package policy;\nimport java.io.File;\n")
                .replace("then\n", "then\n    System.exit(1);\n"));

        Attempt attempt = pipeline.reload();

        assertThat(attempt.result()).isEqualTo(Attempt.Result.REFUSED);
        assertThat(attempt.testsRun()).isZero();
        assertThat(attempt.errors()).extracting(RuleProblem::toString).containsExactly(
                RulesFixture.TINY_DRL + ":2:1: `import java.io.File` is not allowed: rules may import only java.time.LocalDate",
                RulesFixture.TINY_DRL + ":16:5: a consequence may only hold `insert(new Type(…));` and `modify($fact) { setField(…) }`;"
                        + " `System` cannot start a statement");
        assertThat(active.current().orElseThrow().version()).isEqualTo(firstVersion);
    }

    @Test
    void an_edit_that_breaks_a_scenario_is_refused_and_names_the_scenario() {
        RulesFixture.write(dir, RulesFixture.tiny(300, 100));

        Attempt attempt = pipeline.reload();

        assertThat(attempt.result()).isEqualTo(Attempt.Result.REFUSED);
        assertThat(attempt.testsRun()).isEqualTo(2);
        assertThat(attempt.testsFailed()).isEqualTo(1);
        assertThat(attempt.failingScenarios()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("An adult gets the cash");
            assertThat(s.failures()).containsExactly("eligibleCash: expected 100 but was 300");
        });
        assertThat(attempt.errors()).singleElement().hasToString(RulesFixture.TINY_SCENARIOS
                + ":4:11: scenario \"An adult gets the cash\" fails: eligibleCash: expected 100 but was 300");
        assertThat(active.current().orElseThrow().version()).isEqualTo(firstVersion);
    }

    @Test
    void content_equal_to_what_serves_or_to_what_was_refused_builds_nothing() {
        long builds = pipeline.builds();
        assertThat(pipeline.reload().result()).isEqualTo(Attempt.Result.UNCHANGED);
        assertThat(pipeline.builds()).isEqualTo(builds);

        RulesFixture.write(dir, RulesFixture.tiny(300, 100));
        Attempt refused = pipeline.reload();
        assertThat(pipeline.reload()).isSameAs(refused);
        assertThat(pipeline.builds()).isEqualTo(builds + 1);

        RulesFixture.write(dir, RulesFixture.tiny(100));
        Attempt back = pipeline.reload();
        assertThat(back.result()).isEqualTo(Attempt.Result.UNCHANGED);
        assertThat(back.version()).isEqualTo(firstVersion);
        assertThat(pipeline.lastAttempt()).as("the directory is back to what serves").isEqualTo(back);
        assertThat(pipeline.builds()).isEqualTo(builds + 1);
    }

    @Test
    void the_replaced_ruleset_is_removed_from_the_kie_repository() {
        Ruleset first = active.current().orElseThrow();
        assertThat(KieServices.get().getRepository().getKieModule(first.releaseId())).isNotNull();

        RulesFixture.write(dir, RulesFixture.tiny(200));
        pipeline.reload();

        assertThat(KieServices.get().getRepository().getKieModule(first.releaseId())).isNull();
        assertThat(KieServices.get().getRepository().getKieModule(active.current().orElseThrow().releaseId())).isNotNull();
    }

    @Test
    void a_refused_candidate_is_removed_from_the_kie_repository_too() {
        RulesFixture.write(dir, RulesFixture.tiny(300, 100));
        pipeline.reload();
        RulesFixture.write(dir, RulesFixture.tiny(400));
        Ruleset next = active.current().orElseThrow();
        pipeline.reload();

        Ruleset latest = active.current().orElseThrow();
        String releasePrefix = latest.releaseId().getGroupId() + ":" + latest.releaseId().getArtifactId() + ":";
        assertThat(KieServices.get().getRepository().getKieModule(next.releaseId())).isNull();
        assertThat(releasePrefix).isNotEmpty();
    }
}
