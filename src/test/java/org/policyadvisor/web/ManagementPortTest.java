package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

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
}
