package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.policyadvisor.TestServer;
import org.policyadvisor.testing.LogCapture;
import org.policyadvisor.testing.RawHttp;

/**
 * What an attacker or a broken client sends: malformed headers, bodies that end early, broken chunks, oversized
 * heads, trailing JSON, near-miss media types, absurd dates and counts, wrong methods. Every one gets a 4xx
 * problem+json with a request id, and none leaves an ERROR line or a stack trace in the log.
 */
class HttpFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestServer server = TestServer.mentorFixture();

    private static JsonNode problem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.head()).isEqualTo(status);
        assertThat(response.isProblemJson()).as(response.head()).isTrue();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("requestId").asText()).isEqualTo(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }

    private static String post(String path, String type, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void a_malformed_accept_header_or_query_never_breaks_an_answer() throws Exception {
        try (LogCapture log = new LogCapture()) {
            for (String accept : new String[] {";", ",", ";;,;", "text/html;q=abc", "*/*;q=", "text/html;q=-5"}) {
                assertThat(server.get("/api/v1/programs", "Accept", accept).statusCode()).as(accept).isEqualTo(200);
                problem(server.get("/api/v1/nothing-here", "Accept", accept), 404);
                HttpResponse<String> bad = server.postJson("/api/v1/advice", "{\"age\": 300}", "Accept", accept);
                assertThat(bad.statusCode()).as(accept).isEqualTo(400);
            }
            RawHttp.Response badQuery = RawHttp.exchange(server.port(), "GET /api/v1/programs?lang=%zz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertThat(badQuery.status()).isBetween(200, 499);
            assertThat(log.at(Level.ERROR)).isEmpty();
        }
    }

    @Test
    void a_body_shorter_than_its_content_length_is_a_400_without_an_error_in_the_log() throws Exception {
        try (LogCapture log = new LogCapture()) {
            String request = "POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"age\": 3";
            JsonNode problem = problem(RawHttp.exchange(server.port(), request), 400);
            assertThat(problem.get("type").asText()).endsWith("malformed-request");
            assertThat(log.at(Level.ERROR)).isEmpty();
            assertThat(log.events()).noneMatch(e -> e.getThrowableProxy() != null);
        }
    }

    @Test
    void a_broken_chunk_size_is_a_400() throws Exception {
        try (LogCapture log = new LogCapture()) {
            String request = "POST /api/v1/advice HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "ZZ\r\n{\"age\":30}\r\n0\r\n\r\n";
            problem(RawHttp.exchange(server.port(), request), 400);
            assertThat(log.at(Level.ERROR)).isEmpty();
        }
    }

    @Test
    void jettys_own_refusals_are_problem_json() throws Exception {
        problem(RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"), 431);
        problem(RawHttp.exchange(server.port(), "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: t\r\n\r\n"), 414);
        problem(RawHttp.exchange(server.port(), "NOT HTTP AT ALL\r\n\r\n"), 400);
        // Jetty writes an error body only for GET, POST and HEAD unless told otherwise.
        problem(RawHttp.exchange(server.port(), "PUT /api/v1/advice HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"), 431);
        problem(RawHttp.exchange(server.port(), "DELETE /api/v1/programs HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"), 431);
        problem(RawHttp.exchange(server.port(), post("/api/v1/advice", "application/json", "{\"residency\": \"" + "x".repeat(200_000) + "\"}")), 413);
    }

    @Test
    void json_with_trailing_content_is_malformed() throws Exception {
        for (String body : new String[] {"{\"age\":30}{\"age\":31}", "{\"age\":30} x", "{} []"}) {
            JsonNode problem = problem(server.postJson("/api/v1/advice", body), 400);
            assertThat(problem.get("type").asText()).as(body).endsWith("malformed-json");
            problem(server.postJson("/api/v1/mentor-subsidy", body.replace("\"age\":30", "\"mentor\":{}")), 400);
        }
    }

    @Test
    void only_the_exact_media_types_are_taken() throws Exception {
        problem(server.post("/api/v1/advice", "application/jsonx", "{}"), 415);
        problem(server.post("/api/v1/advice", "application/json-patch+json", "{}"), 415);
        problem(server.post("/api/v1/advice", "application/x-www-form-urlencodedx", "age=3"), 415);
        problem(server.post("/api/v1/mentor-subsidy", "application/jsonx", "{}"), 415);
        assertThat(server.post("/api/v1/advice", "application/json; charset=utf-8", "{}").statusCode()).isEqualTo(200);
        assertThat(server.post("/api/v1/advice", "Application/JSON", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void dates_outside_2000_to_2100_are_refused_by_pointer() throws Exception {
        for (String date : new String[] {"+999999999-12-31", "1999-12-31", "2101-01-01", "-0001-01-01"}) {
            JsonNode problem = problem(server.postJson("/api/v1/advice?lang=en", "{\"asOf\": \"" + date + "\"}"), 400);
            assertThat(problem.get("errors").findValuesAsText("pointer")).as(date).containsExactly("/asOf");
            assertThat(problem.toString()).doesNotContain(date);
        }
        assertThat(server.postJson("/api/v1/advice", "{\"asOf\": \"2100-12-31\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void a_claim_date_or_quantity_beyond_the_bounds_is_refused_by_pointer() throws Exception {
        String claim = """
                {"asOf": "2026-11-27", "mentor": {"residency": "HK", "mainlandWorkExperience": true},
                 "mentees": [{"id": "m1", "startDate": "%s", "employedAtStart": true}],
                 "items": [{"mentee": "m1", "type": "CAREER_GUIDANCE", "date": "2026-02-01", "quantity": %d}]}""";
        JsonNode huge = problem(server.postJson("/api/v1/mentor-subsidy", claim.formatted("2026-01-10", 2_000_000_000)), 400);
        assertThat(huge.get("errors").findValuesAsText("pointer")).containsExactly("/items/0/quantity");
        JsonNode farFuture = problem(server.postJson("/api/v1/mentor-subsidy", claim.formatted("+999999999-12-31", 1)), 400);
        assertThat(farFuture.get("errors").findValuesAsText("pointer")).contains("/mentees/0/startDate");
    }

    @Test
    void a_wrong_method_on_a_known_path_is_405_with_allow() throws Exception {
        HttpResponse<String> get = server.get("/api/v1/advice");
        problem(get, 405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        RawHttp.Response delete = RawHttp.exchange(server.port(), "DELETE /api/v1/programs HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        problem(delete, 405);
        assertThat(delete.header("Allow")).contains("GET").contains("HEAD");
        problem(server.get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void the_request_id_is_the_callers_when_sane_else_a_new_one() throws Exception {
        HttpResponse<String> given = server.get("/health", "X-Request-Id", "partner-42.abc");
        assertThat(given.headers().firstValue("X-Request-Id")).contains("partner-42.abc");
        JsonNode problem = problem(server.get("/api/v1/nope", "X-Request-Id", "partner-43"), 404);
        assertThat(problem.get("requestId").asText()).isEqualTo("partner-43");

        RawHttp.Response forged = RawHttp.exchange(server.port(), "GET /health HTTP/1.1\r\nHost: t\r\nX-Request-Id: a b\"c<script>\r\nConnection: close\r\n\r\n");
        assertThat(forged.header("X-Request-Id")).matches("[0-9a-f]{16}");
        assertThat(server.get("/health", "X-Request-Id", "x".repeat(65)).headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
        assertThat(server.get("/health").headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
    }
}
