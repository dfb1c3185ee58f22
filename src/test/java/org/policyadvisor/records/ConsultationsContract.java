package org.policyadvisor.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.reload.RulesFixture;
import org.policyadvisor.testing.LogCapture;
import org.policyadvisor.testing.MutableClock;

/**
 * The consultation records API of api.md on a real server, over the tiny fixture ruleset. The same tests run on the
 * embedded database and on a real PostgreSQL server: each subclass says where the records go.
 */
abstract class ConsultationsContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADULT = "{\"age\": 30, \"asOf\": \"2026-01-01\", \"lang\": \"en\"}";
    static final String SENIOR = "{\"age\": 50, \"asOf\": \"2026-01-01\", \"lang\": \"en\"}";

    @TempDir
    Path rulesDir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T02:00:00Z"));
    private final List<Service> started = new java.util.ArrayList<>();

    /** A fresh, empty database for one test (the same one each time it is called within that test). */
    abstract Storage storage();

    Service start() {
        return start(LookupLimiter.Limits.DEFAULT);
    }

    Service start(LookupLimiter.Limits limits) {
        if (started.isEmpty()) RulesFixture.write(rulesDir, RulesFixture.tiny(100));
        Service service = new Service(rulesDir, storage(), clock, limits);
        started.add(service);
        return service;
    }

    @AfterEach
    void stopAll() {
        started.forEach(Service::close);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String save(Service service, String profile) throws IOException {
        HttpResponse<String> saved = service.server.postJson("/api/v1/consultations", profile);
        assertThat(saved.statusCode()).isEqualTo(201);
        return json(saved).get("reference").asText();
    }

    @Test
    void saving_answers_201_with_a_typable_reference_and_the_advice_read_back_byte_for_byte() throws IOException {
        Service service = start();

        HttpResponse<String> saved = service.server.postJson("/api/v1/consultations", ADULT);

        assertThat(saved.statusCode()).isEqualTo(201);
        String reference = json(saved).get("reference").asText();
        assertThat(reference).matches("[0-9A-HJKMNP-TV-Z]{2}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(saved.headers().firstValue("Location")).contains("/api/v1/consultations/" + reference);
        assertThat(json(saved).get("createdAt").asText()).isEqualTo("2026-03-01T02:00:00Z");
        String advice = service.server.postJson("/api/v1/advice", ADULT).body();
        assertThat(saved.body()).endsWith("\"advice\":" + advice + "}");

        HttpResponse<String> read = service.server.get("/api/v1/consultations/" + reference);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).endsWith("\"advice\":" + advice + "}");
        JsonNode record = json(read);
        assertThat(record.get("reference").asText()).isEqualTo(reference);
        assertThat(record.get("rulesetVersion").asText()).isEqualTo(service.version());
        assertThat(record.get("asOf").asText()).isEqualTo("2026-01-01");
        assertThat(record.get("lang").asText()).isEqualTo("en");
        assertThat(record.get("profile")).isEqualTo(JSON.readTree("{\"age\": 30}"));
        assertThat(record.get("advice").get("programs").get(0).get("status").asText()).isEqualTo("ELIGIBLE");
    }

    @Test
    void a_reference_is_found_however_it_is_typed_and_a_wrong_one_is_404_problem_json() throws IOException {
        Service service = start();
        String reference = save(service, ADULT);
        String typed = reference.toLowerCase().replace("-", "").replace('0', 'o').replace('1', 'l');

        assertThat(service.server.get("/api/v1/consultations/" + typed).statusCode()).isEqualTo(200);
        assertThat(service.server.get("/api/v1/consultations/" + reference.replace("-", " ").replace(" ", "")).statusCode()).isEqualTo(200);

        char last = reference.charAt(reference.length() - 1);
        String wrongCheck = reference.substring(0, reference.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String wrong : List.of(wrongCheck, "0000-0000", "not a reference")) {
            HttpResponse<String> missing = service.server.get("/api/v1/consultations/" + wrong.replace(" ", "%20"));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(missing).get("type").asText()).isEqualTo("/problems/consultation-not-found");
        }
    }

    @Test
    void advice_alone_stores_nothing() throws IOException {
        Service service = start();
        service.server.postJson("/api/v1/advice", ADULT);
        service.server.post("/api/v1/advice", "application/x-www-form-urlencoded", "age=30");

        assertThat(service.records.pastCases().recentProfiles()).isEmpty();

        save(service, ADULT);
        assertThat(service.records.pastCases().recentProfiles()).hasSize(1);
    }

    @Test
    void a_plain_form_post_is_sent_to_the_printable_page_with_the_reference_and_a_qr_code() throws IOException {
        Service service = start();

        HttpResponse<String> posted = service.server.post("/api/v1/consultations", "application/x-www-form-urlencoded",
                "age=30&asOf=2026-01-01&lang=en", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/c/[0-9A-Z-]{17}");
        String reference = location.substring(3);
        HttpResponse<String> page = service.server.get(location, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-reference=\"" + reference + "\"", "<svg", "data-qr", "Reference", "Tiny");
        HttpResponse<String> qr = service.server.get(location + "/qr.svg");
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(qr.body()).startsWith("<svg").contains("<path");
    }

    @Test
    void a_replay_after_a_rule_edit_names_the_changed_program_and_under_the_archived_version_shows_no_change() throws IOException {
        Service service = start();
        String then = service.version();
        String reference = save(service, ADULT);
        assertThat(service.publish(RulesFixture.tiny(250))).isTrue();
        String now = service.version();
        assertThat(now).isNotEqualTo(then);

        JsonNode replay = json(service.server.get("/api/v1/consultations/" + reference + "/replay?asOf=2026-01-01"));

        assertThat(replay.get("then").get("rulesetVersion").asText()).isEqualTo(then);
        assertThat(replay.get("now").get("rulesetVersion").asText()).isEqualTo(now);
        assertThat(replay.get("changes")).hasSize(1);
        JsonNode change = replay.get("changes").get(0);
        assertThat(change.get("program").asText()).isEqualTo("tiny");
        assertThat(change.get("then").get("eligibleCash").asLong()).isEqualTo(100);
        assertThat(change.get("now").get("eligibleCash").asLong()).isEqualTo(250);
        assertThat(replay.get("advice").get("totals").get("eligibleCash").asLong()).isEqualTo(250);

        JsonNode archived = json(service.server.get("/api/v1/consultations/" + reference + "/replay?asOf=2026-01-01&ruleset=" + then));

        assertThat(archived.get("now").get("rulesetVersion").asText()).isEqualTo(then);
        assertThat(archived.get("changes")).isEmpty();
        assertThat(archived.get("advice").get("totals").get("eligibleCash").asLong()).isEqualTo(100);

        JsonNode criteria = json(service.server.get("/api/v1/consultations/" + reference + "/replay?asOf=2026-01-01&ruleset=" + then));
        assertThat(criteria.get("advice").get("rulesetVersion").asText()).isEqualTo(then);
        assertThat(service.server.get("/api/v1/consultations/" + reference + "/replay?ruleset=sha256:0000").statusCode()).isEqualTo(404);
        assertThat(service.server.get("/api/v1/consultations/" + reference + "/replay?asOf=tomorrow").statusCode()).isEqualTo(400);
    }

    @Test
    void a_replay_lists_the_criteria_that_moved() throws IOException {
        Service service = start();
        String reference = save(service, ADULT);
        Map<String, String> stricter = new LinkedHashMap<>(RulesFixture.tiny(100));
        stricter.put(RulesFixture.TINY_DRL, stricter.get(RulesFixture.TINY_DRL).replace("age >= 18", "age >= 40"));
        stricter.put("programs/tiny/tiny.scenarios.yaml", stricter.get("programs/tiny/tiny.scenarios.yaml")
                .replace("profile: {age: 30}", "profile: {age: 45}"));
        assertThat(service.publish(stricter)).isTrue();

        JsonNode change = json(service.server.get("/api/v1/consultations/" + reference + "/replay")).get("changes").get(0);

        assertThat(change.get("program").asText()).isEqualTo("tiny");
        assertThat(change.get("then").get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(change.get("now").get("status").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(change.get("criteria").get(0).get("id").asText()).isEqualTo("adult");
        assertThat(change.get("criteria").get(0).get("then").asText()).isEqualTo("MET");
        assertThat(change.get("criteria").get(0).get("now").asText()).isEqualTo("NOT_MET");
    }

    @Test
    void the_validate_report_shows_what_a_candidate_would_change_for_saved_cases_even_when_its_scenarios_fail() throws IOException {
        Service service = start();
        save(service, ADULT);
        save(service, SENIOR);
        Map<String, String> stricter = new LinkedHashMap<>(RulesFixture.tiny(100));
        stricter.put(RulesFixture.TINY_DRL, stricter.get(RulesFixture.TINY_DRL).replace("age >= 18", "age >= 40"));

        HttpResponse<String> validated = service.server.postJson("/api/v1/rules/validate", JSON.writeValueAsString(stricter),
                "Authorization", "Bearer " + Service.TOKEN);

        JsonNode report = json(validated);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("testsFailed").asInt()).isEqualTo(1);
        JsonNode consultations = report.get("impact").get("consultations");
        assertThat(consultations.get("considered").asInt()).isEqualTo(2);
        assertThat(consultations.get("changed").asInt()).isEqualTo(1);
        assertThat(consultations.get("transitions")).hasSize(1);
        JsonNode transition = consultations.get("transitions").get(0);
        assertThat(transition.get("program").asText()).isEqualTo("tiny");
        assertThat(transition.get("from").asText()).isEqualTo("ELIGIBLE");
        assertThat(transition.get("to").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(transition.get("count").asInt()).isEqualTo(1);

        clock.advance(Duration.ofDays(91));
        JsonNode later = json(service.server.postJson("/api/v1/rules/validate", JSON.writeValueAsString(stricter),
                "Authorization", "Bearer " + Service.TOKEN)).get("impact").get("consultations");
        assertThat(later.get("considered").asInt()).isZero();
    }

    @Test
    void the_admin_erases_a_record_and_then_it_is_404() throws IOException {
        Service service = start();
        String reference = save(service, ADULT);
        String path = "/api/v1/consultations/" + reference;

        assertThat(service.server.send(HttpRequest.newBuilder(service.server.uri(path)).DELETE()).statusCode()).isEqualTo(401);
        assertThat(service.server.get(path).statusCode()).isEqualTo(200);

        HttpResponse<String> erased = service.server.send(HttpRequest.newBuilder(service.server.uri(path)).DELETE(),
                "Authorization", "Bearer " + Service.TOKEN);

        assertThat(erased.statusCode()).isEqualTo(204);
        assertThat(service.server.get(path).statusCode()).isEqualTo(404);
        assertThat(service.server.send(HttpRequest.newBuilder(service.server.uri(path)).DELETE(),
                "Authorization", "Bearer " + Service.TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void records_past_retention_are_gone_at_once_and_erased_by_the_sweep() throws IOException {
        Service service = start();
        String old = save(service, ADULT);
        clock.advance(Duration.ofDays(100));
        String recent = save(service, SENIOR);
        clock.advance(Duration.ofDays(81));

        assertThat(service.server.get("/api/v1/consultations/" + old).statusCode()).isEqualTo(404);
        assertThat(service.server.get("/api/v1/consultations/" + recent).statusCode()).isEqualTo(200);

        assertThat(service.records.sweep()).isEqualTo(1);
        assertThat(service.records.sweep()).isZero();
        clock.advance(Duration.ofDays(100));
        assertThat(service.records.sweep()).isEqualTo(1);
        assertThat(service.server.get("/api/v1/consultations/" + recent).statusCode()).isEqualTo(404);
    }

    @Test
    void logs_name_the_reference_and_never_an_answer() throws IOException {
        Service service = start();
        try (LogCapture log = new LogCapture()) {
            String reference = save(service, "{\"age\": 47, \"asOf\": \"2026-01-01\"}");
            service.server.get("/api/v1/consultations/" + reference + "/replay");
            service.server.postJson("/api/v1/consultations", "{\"age\": 470}");
            service.server.send(HttpRequest.newBuilder(service.server.uri("/api/v1/consultations/" + reference)).DELETE(),
                    "Authorization", "Bearer " + Service.TOKEN);

            List<String> lines = log.events().stream().map(e -> e.getFormattedMessage()).toList();
            assertThat(lines).anyMatch(line -> line.contains("saved consultation " + reference));
            assertThat(lines).anyMatch(line -> line.contains("erased consultation " + reference));
            assertThat(lines).noneMatch(line -> line.contains("age") || line.contains("470") || line.contains("{\""));
        }
    }

    @Test
    void a_database_that_is_gone_answers_503_problem_json_and_advice_goes_on() throws IOException {
        Service service = start();
        String reference = save(service, ADULT);
        service.records.close();

        HttpResponse<String> lookUp = service.server.get("/api/v1/consultations/" + reference);

        assertThat(lookUp.statusCode()).isEqualTo(503);
        assertThat(json(lookUp).get("type").asText()).isEqualTo("/problems/records-unavailable");
        assertThat(lookUp.body()).doesNotContain("Exception");
        assertThat(service.server.postJson("/api/v1/consultations", ADULT).statusCode()).isEqualTo(503);
        assertThat(service.server.postJson("/api/v1/advice", ADULT).statusCode()).isEqualTo(200);
        JsonNode validated = json(service.server.postJson("/api/v1/rules/validate", JSON.writeValueAsString(RulesFixture.tiny(250)),
                "Authorization", "Bearer " + Service.TOKEN));
        assertThat(validated.get("ok").asBoolean()).isTrue();
        assertThat(validated.get("impact").has("consultations")).as("no saved cases to report while the database is gone").isFalse();
    }

    @Test
    void look_ups_by_reference_are_rate_limited_per_client() throws IOException {
        Service service = start(new LookupLimiter.Limits(3, Duration.ofMinutes(10)));
        String reference = save(service, ADULT);

        assertThat(service.server.get("/api/v1/consultations/" + reference).statusCode()).isEqualTo(200);
        assertThat(service.server.get("/api/v1/consultations/AB-CDEF-GHJK-MNPQ").statusCode()).isEqualTo(404);
        assertThat(service.server.get("/c/" + reference).statusCode()).isEqualTo(200);

        HttpResponse<String> limited = service.server.get("/api/v1/consultations/" + reference);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 600));
        assertThat(json(limited).get("type").asText()).isEqualTo("/problems/too-many-lookups");
        assertThat(service.server.get("/api/v1/consultations/" + reference + "/replay").statusCode()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(10));
        assertThat(service.server.get("/api/v1/consultations/" + reference).statusCode()).isEqualTo(200);
    }

    @Test
    void a_record_the_archive_and_the_history_survive_a_restart() throws IOException {
        Service first = start();
        String version = first.version();
        String reference = save(first, ADULT);
        String before = first.server.get("/api/v1/consultations/" + reference).body();
        first.close();
        started.remove(first);

        Service second = start();

        assertThat(second.server.get("/api/v1/consultations/" + reference).body()).isEqualTo(before);
        JsonNode history = json(second.server.get("/api/v1/rules/history"));
        // The same files activated again after the restart: one activation (the first), two attempts.
        assertThat(history.get("activations")).hasSize(1);
        assertThat(history.get("activations").get(0).get("version").asText()).isEqualTo(version);
        assertThat(history.get("attempts")).hasSize(2);
        assertThat(history.get("attempts").get(1).get("result").asText()).isEqualTo("ACTIVATED");
        JsonNode archived = json(second.server.get("/api/v1/rules/versions/" + version));
        assertThat(archived.get("files")).hasSize(7);
        assertThat(archived.get("files").get(0).get("path").asText()).isEqualTo("applicant.drl");
        assertThat(second.server.get("/api/v1/rules/versions/sha256:0000").statusCode()).isEqualTo(404);
    }
}
