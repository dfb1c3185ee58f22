package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.ruleset.ActiveRuleset;

/** CORS_ORIGINS: a partner's page may call the API from a browser; any other origin gets no CORS headers. */
class CorsTest {

    private static final String PARTNER = "https://partner.example";
    private static TestServer server;

    @BeforeAll
    static void start() {
        ActiveRuleset rules = new ActiveRuleset();
        rules.activate(RealRules.ruleset());
        server = TestServer.startWith(new AdvisorApp.Deps(rules, new Advisor(EvaluationLimits.DEFAULT), Clock.systemUTC()),
                new HttpOptions(List.of(PARTNER, "http://localhost:3000"), null, Duration.ofSeconds(5), new Shutdown()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> preflight(String origin) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/advice")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", origin, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
    }

    @Test
    void a_listed_origins_preflight_is_204_with_the_allow_headers() {
        HttpResponse<String> response = preflight(PARTNER);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(PARTNER);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("content-type");
    }

    @Test
    void a_listed_origin_may_read_the_answer() {
        HttpResponse<String> response = server.postJson("/api/v1/advice", "{}", "Origin", "http://localhost:3000");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("X-Request-Id");
    }

    @Test
    void an_unlisted_origin_gets_no_cors_headers() {
        HttpResponse<String> preflight = preflight("https://evil.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> call = server.postJson("/api/v1/advice", "{}", "Origin", "https://evil.example");
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void without_cors_origins_a_preflight_gets_no_cors_headers() {
        HttpResponse<String> response = TestServer.shared().send(
                HttpRequest.newBuilder(TestServer.shared().uri("/api/v1/advice")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", PARTNER, "Access-Control-Request-Method", "POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.statusCode()).isIn(404, 405);
    }
}
