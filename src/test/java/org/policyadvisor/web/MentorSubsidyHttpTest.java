package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.policyadvisor.testing.MentorRules;
import org.policyadvisor.TestServer;

class MentorSubsidyHttpTest {

    private static final String PATH = "/api/v1/mentor-subsidy";
    private static final TestServer SERVER = TestServer.mentorFixture();

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }

    /** Three mentees and all four item types: caps cut within a claim and across claims, a part already paid, two refusals. */
    private static final String CLAIM = """
            {"asOf": "2026-11-27",
             "mentor": {"residency": "HK", "mainlandWorkExperience": true},
             "mentees": [
               {"id": "m1", "startDate": "2026-01-10", "employedAtStart": true, "previouslyPaid": {"CAREER_GUIDANCE": 400}},
               {"id": "m2", "startDate": "2026-02-15", "employedAtStart": false},
               {"id": "m3", "startDate": "2025-09-01", "employedAtStart": false,
                "previouslyPaid": {"INTERNSHIP_GUIDANCE": 1500, "JOB_PLACEMENT": 1000}}],
             "items": [
               {"mentee": "m1", "type": "CAREER_GUIDANCE", "date": "2026-02-01", "quantity": 2},
               {"mentee": "m2", "type": "INTERNSHIP_GUIDANCE", "date": "2026-03-01", "quantity": 10},
               {"mentee": "m2", "type": "JOB_PLACEMENT", "date": "2026-08-01", "insuredMonths": 7},
               {"type": "PUBLIC_WELFARE_ACTIVITY", "date": "2026-06-01", "quantity": 1},
               {"mentee": "m1", "type": "CAREER_GUIDANCE", "date": "2026-04-01", "quantity": 3},
               {"mentee": "m3", "type": "INTERNSHIP_GUIDANCE", "date": "2026-03-10", "quantity": 8},
               {"mentee": "m3", "type": "JOB_PLACEMENT", "date": "2026-07-01", "insuredMonths": 6},
               {"mentee": "m3", "type": "CAREER_GUIDANCE", "date": "2026-05-01", "quantity": 1},
               {"mentee": "m3", "type": "INTERNSHIP_GUIDANCE", "date": "2026-09-01", "quantity": 2}]}
            """;

    @Test
    void a_claim_on_the_schedules_own_path_is_timed_under_that_path_not_as_unmatched() {
        String series = "http_server_requests_seconds_count{method=\"POST\",route=\"" + PATH + "\",status=\"200\"}";
        double before = count(SERVER.get("/metrics").body(), series);
        assertThat(SERVER.postJson(PATH, CLAIM).statusCode()).isEqualTo(200);

        assertThat(count(SERVER.get("/metrics").body(), series)).isEqualTo(before + 1);
    }

    private static double count(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void a_claim_with_all_four_item_types_for_three_mentees_is_answered_line_by_line() throws Exception {
        HttpResponse<String> response = SERVER.postJson(PATH, CLAIM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode answer = json(response);
        assertThat(answer.get("rulesetVersion").asText()).isEqualTo(MentorRules.ruleset().version());
        JsonNode items = answer.get("items");
        assertThat(items).hasSize(9);
        assertThat(items.get(0)).isEqualTo(line(0, "m1", "CAREER_GUIDANCE", "2026-02-01", 400, 400, null, null));
        assertThat(items.get(1)).isEqualTo(line(1, "m2", "INTERNSHIP_GUIDANCE", "2026-03-01", 1000, 1000, null, null));
        assertThat(items.get(2)).isEqualTo(line(2, "m2", "JOB_PLACEMENT", "2026-08-01", 5000, 5000, null, null));
        assertThat(items.get(3)).isEqualTo(line(3, null, "PUBLIC_WELFARE_ACTIVITY", "2026-06-01", 1000, 1000, null, null));
        assertThat(items.get(4)).isEqualTo(line(4, "m1", "CAREER_GUIDANCE", "2026-04-01", 600, 200, "CAP_REACHED", "CAREER_GUIDANCE_PER_MENTEE"));
        assertThat(items.get(5)).isEqualTo(line(5, "m3", "INTERNSHIP_GUIDANCE", "2026-03-10", 800, 500, "CAP_REACHED", "INTERNSHIP_GUIDANCE_PER_MENTEE"));
        assertThat(items.get(6)).isEqualTo(line(6, "m3", "JOB_PLACEMENT", "2026-07-01", 5000, 4000, "ALREADY_PAID", null));
        assertThat(items.get(7)).isEqualTo(line(7, "m3", "CAREER_GUIDANCE", "2026-05-01", 200, 0, "WRONG_MENTEE_STATUS", null));
        assertThat(items.get(8)).isEqualTo(line(8, "m3", "INTERNSHIP_GUIDANCE", "2026-09-01", 200, 0, "OUTSIDE_TERM", null));
        assertThat(answer.get("mentees")).isEqualTo(Json.MAPPER.readTree("""
                [{"id": "m1", "accepted": true, "reason": null, "payable": 600},
                 {"id": "m2", "accepted": true, "reason": null, "payable": 6000},
                 {"id": "m3", "accepted": true, "reason": null, "payable": 4500}]"""));
        assertThat(answer.get("mentorEligible").booleanValue()).isTrue();
        assertThat(answer.get("asOf").asText()).isEqualTo("2026-11-27");
        assertThat(answer.get("totalPayable").longValue()).isEqualTo(12100);
        assertThat(answer.get("currency").asText()).isEqualTo("CNY");
        assertThat(answer.size()).as("no fields beyond the contract's and asOf").isEqualTo(7);
    }

    private static JsonNode line(int index, String mentee, String type, String date, int requested, int payable, String reason, String cap) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("index", index).put("mentee", mentee).put("type", type).put("date", date).put("requested", requested)
                .put("payable", payable).put("reason", reason).put("cap", cap);
        return line;
    }

    @Test
    void a_bad_claim_is_a_localized_problem_with_a_pointer_per_bad_field_and_no_submitted_values() throws Exception {
        String bad = CLAIM.replace("\"mentee\": \"m2\", \"type\": \"INTERNSHIP_GUIDANCE\"", "\"mentee\": \"陈小明\", \"type\": \"INTERNSHIP_GUIDANCE\"")
                .replace("\"quantity\": 3}", "\"quantity\": 0}")
                .replace("\"date\": \"2026-06-01\"", "\"date\": \"2026-06-31\"");

        HttpResponse<String> english = SERVER.postJson(PATH + "?lang=en", bad);
        HttpResponse<String> traditional = SERVER.postJson(PATH, bad, "Accept-Language", "zh-HK");

        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(english).get("errors")).isEqualTo(Json.MAPPER.readTree("""
                [{"pointer": "/items/1/mentee", "message": "is not the id of a mentee in this claim"},
                 {"pointer": "/items/3/date", "message": "must be a date as YYYY-MM-DD"},
                 {"pointer": "/items/4/quantity", "message": "must be at least 1"}]"""));
        assertThat(json(english).get("title").asText()).isEqualTo("The request has invalid fields");
        assertThat(json(traditional).get("errors").get(0).get("message").asText()).isEqualTo("不是本申請中學員的編號");
        assertThat(english.body()).doesNotContain("陈小明").doesNotContain("2026-06-31");
    }

    @Test
    void a_mentor_whose_experience_is_unknown_is_asked_for_it() throws Exception {
        HttpResponse<String> response = SERVER.postJson(PATH + "?lang=en", CLAIM.replace(", \"mainlandWorkExperience\": true", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors")).isEqualTo(Json.MAPPER.readTree("""
                [{"pointer": "/mentor/mainlandWorkExperience", "message": "is needed to check that the mentor qualifies"}]"""));
    }

    @Test
    void a_mentor_who_does_not_qualify_is_paid_nothing_for_any_item() throws Exception {
        JsonNode answer = json(SERVER.postJson(PATH, CLAIM.replace("\"mainlandWorkExperience\": true", "\"mainlandWorkExperience\": false")));

        assertThat(answer.get("mentorEligible").booleanValue()).isFalse();
        assertThat(answer.get("items")).hasSize(9).allSatisfy(item -> {
            assertThat(item.get("payable").longValue()).isZero();
            assertThat(item.get("reason").asText()).isEqualTo("MENTOR_NOT_ELIGIBLE");
        });
        assertThat(answer.get("totalPayable").longValue()).isZero();
    }

    @Test
    void a_claim_must_be_json() {
        HttpResponse<String> response = SERVER.post(PATH, "application/x-www-form-urlencoded", "mentor=x");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_path_that_no_schedule_declares_is_not_found() throws Exception {
        HttpResponse<String> response = SERVER.postJson("/api/v1/lunch-money", CLAIM);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("type").asText()).isEqualTo("/problems/not-found");
    }
}
