package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.web.AdvisorApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steady advice traffic while the rules are reloaded 50 times, good and bad edits mixed: no request fails, and each
 * answer's amounts are those of the ruleset its {@code rulesetVersion} names. Uses the tiny ruleset, whose amount
 * changes with every good edit, so a mixed answer would show.
 */
class ConcurrentReloadTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentReloadTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "load-test-token";
    private static final int RELOADS = 50;
    private static final int CLIENTS = 2;
    /** Steady, not saturating: the builds need the same two cores. */
    private static final long PAUSE_MILLIS = 5;

    @TempDir
    Path dir;

    private record Answer(int status, String version, long cash, long amount, String error) {}

    @Test
    void no_request_fails_and_every_answer_comes_wholly_from_one_ruleset_during_50_reloads() throws Exception {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        ActiveRuleset active = new ActiveRuleset();
        // A wide time budget: on a starved machine one evaluation can exceed the default, which is not what is tested here.
        Advisor advisor = new Advisor(new EvaluationLimits(EvaluationLimits.DEFAULT.maxFirings(), Duration.ofSeconds(10)));
        Map<String, Long> amountByVersion = new ConcurrentHashMap<>();
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);

        try (RulesPipeline pipeline = new RulesPipeline(dir, active, Clock.systemUTC(), Duration.ofSeconds(2));
             TestServer server = TestServer.startWith(new AdvisorApp.Deps(active, advisor, Clock.systemUTC(), pipeline, TOKEN))) {
            amountByVersion.put(pipeline.reload().version(), 100L);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        answers.add(ask(server));
                        pause();
                    }
                });
                client.start();
                clients.add(client);
            }

            int activated = 0;
            for (int i = 1; i <= RELOADS; i++) {
                long amount = 100 + i;
                Map<String, String> files = RulesFixture.tiny(amount);
                boolean good = i % 5 == 0 || i % 5 == 2;
                switch (i % 5) {
                    case 1 -> files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL).replace("then\n", "then\n    System.exit(3);\n"));
                    case 3 -> files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL).replace("age >= 18", "age >= "));
                    case 4 -> files = RulesFixture.tiny(amount, amount - 1);
                    default -> { }
                }
                RulesFixture.write(dir, files);
                HttpResponse<String> reload = server.post("/api/v1/rules/reload", null, "", "Authorization", "Bearer " + TOKEN);
                JsonNode attempt = JSON.readTree(reload.body());
                assertThat(attempt.get("result").asText()).as("reload %d: %s", i, reload.body()).isEqualTo(good ? "ACTIVATED" : "REFUSED");
                if (good) {
                    amountByVersion.put(attempt.get("version").asText(), amount);
                    activated++;
                }
            }
            running.set(false);
            for (Thread client : clients) client.join(30_000);

            LOG.info("{} advice requests answered during {} reloads", answers.size(), RELOADS);
            assertThat(activated).isEqualTo(20);
            assertThat(answers).as("requests made").hasSizeGreaterThan(RELOADS);
            assertThat(answers).filteredOn(a -> a.status() != 200).as("failed requests").isEmpty();
            assertThat(answers).allSatisfy(a -> {
                assertThat(amountByVersion).as("a version that was activated").containsKey(a.version());
                assertThat(a.amount()).as("benefit amount of %s", a.version()).isEqualTo(amountByVersion.get(a.version()));
                assertThat(a.cash()).as("total of %s", a.version()).isEqualTo(amountByVersion.get(a.version()));
            });
            assertThat(answers.stream().map(Answer::version).distinct().count()).as("versions seen").isGreaterThan(1);
            active.current().orElseThrow().release();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Answer ask(TestServer server) {
        try {
            HttpResponse<String> response = server.postJson("/api/v1/advice", "{\"age\": 30, \"asOf\": \"2026-01-01\"}");
            if (response.statusCode() != 200) return new Answer(response.statusCode(), null, 0, 0, response.body());
            JsonNode body = JSON.readTree(response.body());
            return new Answer(200, body.get("rulesetVersion").asText(), body.get("totals").get("eligibleCash").asLong(),
                    body.get("programs").get(0).get("benefits").get(0).get("amount").asLong(), null);
        } catch (Exception e) {
            return new Answer(-1, null, 0, 0, e.toString());
        }
    }
}
