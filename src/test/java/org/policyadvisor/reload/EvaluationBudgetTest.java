package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.CheckCommand;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Every evaluation runs under a budget enforced from outside the rules, and nothing a candidate does can stop the
 * watcher or the builder: a runaway chain of firings, a file that overflows the parser's stack.
 */
class EvaluationBudgetTest {

    @TempDir
    Path dir;

    /** Rules in the language that never stop on their own: each firing makes the next one. */
    private static final String RUNAWAY = """
            package policy;

            declare Counter
                n : int
            end

            rule "start counting"
            when
                Applicant(age != null)
            then
                insert(new Counter(0));
            end

            rule "count without end"
            when
                $c : Counter(n >= 0)
            then
                modify($c) { setN($c.n + 1) }
            end
            """;

    /** Parentheses inside each other deeper than any parser's stack. */
    private static String tooDeep() {
        int depth = 60_000;
        return RulesFixture.tiny(100).get(RulesFixture.TINY_DRL)
                .replace("Applicant(age >= 18)", "Applicant(age >= " + "(".repeat(depth) + "18" + ")".repeat(depth) + ")");
    }

    private String check(Map<String, String> files) {
        RulesFixture.write(dir, files);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = CheckCommand.run(dir, new PrintStream(output, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_runaway_chain_of_firings_is_stopped_within_its_budget_and_reported_by_check() {
        Map<String, String> files = RulesFixture.tiny(100);
        files.put("programs/tiny/runaway.drl", RUNAWAY);

        assertThat(check(files))
                .containsPattern(RulesFixture.TINY_SCENARIOS.replace(".", "\\.")
                        + ":4:11: scenario \"An adult gets the cash\" fails: the rules did not finish: the rules fired 1000\\d times without finishing")
                .contains("REFUSED");
    }

    @Test
    void a_file_that_overflows_the_parsers_stack_is_refused_not_fatal() {
        Map<String, String> files = RulesFixture.tiny(100);
        files.put(RulesFixture.TINY_DRL, tooDeep());

        assertThat(check(files)).startsWith("rules:0:0: the rules could not be built: they are nested too deeply");
    }

    @Test
    void the_watcher_survives_a_stack_overflow_in_a_build_and_picks_up_the_next_good_edit() throws Exception {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        ActiveRuleset active = new ActiveRuleset();
        try (RulesPipeline pipeline = new RulesPipeline(dir, active, Clock.systemUTC(), Duration.ZERO);
             RulesWatcher watcher = RulesWatcher.start(dir, pipeline, Duration.ofMillis(50))) {
            assertThat(pipeline.reload().ok()).isTrue();
            String first = active.current().orElseThrow().version();

            RulesFixture.write(dir.resolve(RulesFixture.TINY_DRL), tooDeep());
            Attempt refused = awaitAttempt(pipeline, a -> !a.ok());
            assertThat(refused.errors()).singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("the rules could not be built: they are nested too deeply"));
            assertThat(active.current().orElseThrow().version()).isEqualTo(first);

            RulesFixture.write(dir, RulesFixture.tiny(200));
            Attempt activated = awaitAttempt(pipeline, a -> a.result() == Attempt.Result.ACTIVATED && !a.version().equals(first));
            assertThat(active.current().orElseThrow().version()).isEqualTo(activated.version());
        } finally {
            active.current().ifPresent(Ruleset::release);
        }
    }

    private static Attempt awaitAttempt(RulesPipeline pipeline, java.util.function.Predicate<Attempt> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Attempt last = pipeline.lastAttempt();
            if (last != null && wanted.test(last)) return last;
            Thread.sleep(20);
        }
        throw new AssertionError("no such attempt; last: " + pipeline.lastAttempt());
    }
}
