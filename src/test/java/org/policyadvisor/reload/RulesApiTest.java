package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.web.AdvisorApp;

/** The rules administration endpoints of api.md, on a real server over the tiny ruleset. */
class RulesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-token";
    private static final String ADULT = "{\"age\": 30, \"asOf\": \"2026-01-01\"}";

    @TempDir
    Path dir;

    private RulesPipeline pipeline;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (pipeline != null) pipeline.close();
        if (server != null) server.rules.current().ifPresent(Ruleset::release);
    }

    private TestServer serve(String adminToken) {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        ActiveRuleset active = new ActiveRuleset();
        Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);
        pipeline = new RulesPipeline(dir, active, Clock.systemUTC(), Duration.ZERO);
        assertThat(pipeline.reload().ok()).isTrue();
        server = TestServer.startWith(new AdvisorApp.Deps(active, advisor, Clock.systemUTC(), pipeline, adminToken));
        return server;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void the_status_names_the_active_version_its_files_and_the_last_attempt() throws IOException {
        serve(TOKEN);
        String version = server.rules.current().orElseThrow().version();

        HttpResponse<String> response = server.get("/api/v1/rules");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("version").asText()).isEqualTo(version);
        assertThat(body.get("activatedAt").asText()).isNotBlank();
        assertThat(body.get("files")).hasSize(7);
        assertThat(body.get("files").get(0).get("path").asText()).isEqualTo("applicant.drl");
        assertThat(body.get("files").get(0).get("sha256").asText()).hasSize(64);
        JsonNode last = body.get("lastAttempt");
        assertThat(last.get("ok").asBoolean()).isTrue();
        assertThat(last.get("at").asText()).isNotBlank();
        assertThat(last.get("errors")).isEmpty();
        assertThat(last.get("testsRun").asInt()).isEqualTo(2);
        assertThat(last.get("testsFailed").asInt()).isZero();
    }

    @Test
    void a_reload_by_the_admin_activates_the_edit_and_the_history_lists_both_versions() throws IOException {
        serve(TOKEN);
        String first = server.rules.current().orElseThrow().version();
        RulesFixture.write(dir, RulesFixture.tiny(250));

        HttpResponse<String> reload = server.post("/api/v1/rules/reload", null, "", "Authorization", "Bearer " + TOKEN);

        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(json(reload).get("result").asText()).isEqualTo("ACTIVATED");
        String second = json(reload).get("version").asText();
        JsonNode advice = json(server.postJson("/api/v1/advice", ADULT));
        assertThat(advice.get("rulesetVersion").asText()).isEqualTo(second);
        assertThat(advice.get("totals").get("eligibleCash").asLong()).isEqualTo(250);
        JsonNode history = json(server.get("/api/v1/rules/history")).get("activations");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("version").asText()).isEqualTo(second); // newest first
        assertThat(history.get(1).get("version").asText()).isEqualTo(first);
        assertThat(history.get(0).get("activatedAt").asText()).isNotBlank();
    }

    @Test
    void admin_calls_answer_403_when_the_service_has_no_admin_token() throws IOException {
        serve(null);

        HttpResponse<String> response = server.post("/api/v1/rules/reload", null, "", "Authorization", "Bearer anything");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(response).get("title").asText()).isNotBlank();
    }

    @Test
    void admin_calls_answer_401_without_the_right_token() throws IOException {
        serve(TOKEN);

        HttpResponse<String> missing = server.postJson("/api/v1/rules/validate", "{}");
        HttpResponse<String> wrong = server.post("/api/v1/rules/reload", null, "", "Authorization", "Bearer " + TOKEN + "x");

        for (HttpResponse<String> response : java.util.List.of(missing, wrong)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(json(response).get("status").asInt()).isEqualTo(401);
        }
        assertThat(pipeline.builds()).isEqualTo(1);
    }

    @Test
    void validate_reports_a_good_candidate_with_its_impact_and_does_not_activate_it() throws IOException {
        serve(TOKEN);
        String serving = server.rules.current().orElseThrow().version();

        HttpResponse<String> response = server.postJson("/api/v1/rules/validate",
                JSON.writeValueAsString(RulesFixture.tiny(150)), "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("result").asText()).isEqualTo("PASSED");
        assertThat(body.get("testsRun").asInt()).isEqualTo(2);
        JsonNode impact = body.get("impact");
        assertThat(impact.get("profilesCompared").asInt()).isEqualTo(2);
        assertThat(impact.get("changed")).hasSize(1);
        JsonNode change = impact.get("changed").get(0);
        assertThat(change.get("scenario").asText()).isEqualTo("An adult gets the cash");
        assertThat(change.get("programs").get(0).get("program").asText()).isEqualTo("tiny");
        assertThat(change.get("programs").get(0).get("before").toString()).isEqualTo("{\"status\":\"ELIGIBLE\",\"amounts\":[100]}");
        assertThat(change.get("programs").get(0).get("after").toString()).isEqualTo("{\"status\":\"ELIGIBLE\",\"amounts\":[150]}");
        assertThat(server.rules.current().orElseThrow().version()).isEqualTo(serving);
        assertThat(json(server.get("/api/v1/rules")).get("lastAttempt").get("result").asText()).isEqualTo("ACTIVATED");
    }

    @Test
    void validate_takes_a_zip_and_reports_an_unsafe_rule_with_its_file_and_line() throws IOException {
        serve(TOKEN);
        Map<String, String> files = RulesFixture.tiny(100);
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL).replace("then\n", "then\n    Runtime.getRuntime().halt(0);\n"));

        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/v1/rules/validate"))
                .header("Content-Type", "application/zip")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip("rules/", files)));
        HttpResponse<String> response = server.send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("ok").asBoolean()).isFalse();
        assertThat(body.get("result").asText()).isEqualTo("REFUSED");
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo(RulesFixture.TINY_DRL);
        assertThat(error.get("line").asInt()).isEqualTo(15);
        assertThat(error.get("column").asInt()).isEqualTo(5);
        assertThat(error.get("message").asText()).startsWith("a consequence may only hold").contains("`Runtime` cannot start a statement");
        assertThat(body.get("impact").isNull()).isTrue();
    }

    @Test
    void validate_refuses_paths_outside_the_rules_and_contents_that_are_not_text() throws IOException {
        serve(TOKEN);

        HttpResponse<String> response = server.postJson("/api/v1/rules/validate",
                "{\"../escape.drl\": \"x\", \"notes.txt\": \"x\", \"a.drl\": 3}", "Authorization", "Bearer " + TOKEN, "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("pointer").asText()).isEqualTo("/..~1escape.drl");
        assertThat(errors.get(1).get("pointer").asText()).isEqualTo("/notes.txt");
        assertThat(errors.get(2).get("pointer").asText()).isEqualTo("/a.drl");
        assertThat(errors.get(2).get("message").asText()).isEqualTo("must be text");
    }

    @Test
    void validate_answers_415_for_a_body_that_is_neither_json_nor_zip() {
        serve(TOKEN);

        HttpResponse<String> response = server.post("/api/v1/rules/validate", "text/plain", "rules", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(415);
    }

    private static byte[] zip(String folder, Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(folder + "README.md"));
            zip.write("not a rule".getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
