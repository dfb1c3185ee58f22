package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.testing.LogCapture;

/** MANAGEMENT_PORT: /metrics and the rules administration only there, the public API only on the main port. */
class ManagementPortTest {

    @TempDir
    static java.nio.file.Path rulesDir;

    private static TestServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        ActiveRuleset rules = new ActiveRuleset();
        rules.activate(RealRules.ruleset());
        ServiceMetrics metrics = new ServiceMetrics();
        RulesPipeline pipeline = new RulesPipeline(rulesDir, rules, Clock.systemUTC(), RulesPipeline.DEFAULT_GRACE, metrics);
        server = TestServer.startWith(new AdvisorApp.Deps(rules, new Advisor(EvaluationLimits.DEFAULT, metrics), Clock.systemUTC(),
                pipeline, "secret", metrics), new HttpOptions(List.of(), 0, Duration.ofSeconds(5), new Shutdown()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int status(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void metrics_and_rules_administration_answer_only_on_the_management_port() throws Exception {
        int api = server.port();
        int management = server.managementPort();
        assertThat(management).isNotEqualTo(api);

        assertThat(status(management, "/metrics")).isEqualTo(200);
        assertThat(status(management, "/api/v1/rules")).isEqualTo(200);
        assertThat(status(management, "/api/v1/rules/history")).isEqualTo(200);
        assertThat(status(api, "/metrics")).isEqualTo(404);
        assertThat(status(api, "/api/v1/rules")).isEqualTo(404);
        assertThat(status(api, "/api/v1/rules/history")).isEqualTo(404);

        assertThat(status(api, "/api/v1/programs")).isEqualTo(200);
        assertThat(status(management, "/api/v1/programs")).isEqualTo(404);
        assertThat(status(management, "/")).isEqualTo(404);
        for (String probe : new String[] {"/health", "/ready"}) {
            assertThat(status(api, probe)).isEqualTo(200);
            assertThat(status(management, probe)).isEqualTo(200);
        }
    }

    @Test
    void each_refused_admin_call_leaves_one_warn_line_without_the_token() throws Exception {
        try (LogCapture log = new LogCapture()) {
            int wrong = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.managementPort() + "/api/v1/rules/reload"))
                    .header("Authorization", "Bearer guess-7731").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            int none = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.managementPort() + "/api/v1/rules/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(List.of(wrong, none)).containsExactly(401, 401);
            List<String> refusals = log.at(Level.WARN).stream().map(e -> e.getFormattedMessage())
                    .filter(m -> m.startsWith("admin call refused: POST /api/v1/rules/reload 401")).toList();
            assertThat(refusals).hasSize(2).anyMatch(m -> m.contains("wrong token")).anyMatch(m -> m.contains("no token"));
            assertThat(log.events()).noneMatch(e -> e.getFormattedMessage().contains("guess-7731"));
        }
    }
}
