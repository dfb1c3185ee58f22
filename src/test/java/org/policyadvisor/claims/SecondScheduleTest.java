package org.policyadvisor.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioRunner;

/** A second claim schedule, added as rules only (the fixture's internship allowance), is checked, served and answered. */
class SecondScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestServer server = TestServer.claimsFixture();

    @Test
    void its_scenarios_run_in_the_same_generic_runner() {
        ScenarioReport report = new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT)).run(ClaimsFixture.ruleset());

        assertThat(report.problems()).isEmpty();
        assertThat(report.failures()).isEmpty();
        assertThat(report.results()).filteredOn(r -> r.file().startsWith("internship-allowance/")).hasSize(2);
    }

    @Test
    void a_claim_is_answered_month_by_month_at_its_schedule_path() throws Exception {
        HttpResponse<String> response = server.postJson("/api/v1/claims/internship-allowance", """
                {"asOf": "2025-12-31", "trainee": {"residency": "LOCAL"},
                 "months": [{"type": "MONTH", "month": "2024-03-01", "employed": false},
                            {"type": "MONTH", "month": "2024-04-01", "employed": true},
                            {"type": "MONTH", "month": "2023-06-01", "employed": false}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("traineeEligible").booleanValue()).isTrue();
        assertThat(answer.get("months")).isEqualTo(JSON.readTree("""
                [{"index": 0, "type": "MONTH", "month": "2024-03-01", "requested": 3000, "payable": 3000, "reason": null},
                 {"index": 1, "type": "MONTH", "month": "2024-04-01", "requested": 3000, "payable": 0, "reason": "EMPLOYED"},
                 {"index": 2, "type": "MONTH", "month": "2023-06-01", "requested": 3000, "payable": 0, "reason": "NOT_YET_IN_FORCE"}]"""));
        assertThat(answer.get("totalPayable").longValue()).isEqualTo(3000);
        assertThat(answer.get("currency").asText()).isEqualTo("CNY");
    }

    @Test
    void a_bad_claim_names_each_bad_field_from_the_schedules_declarations() throws Exception {
        HttpResponse<String> response = server.postJson("/api/v1/claims/internship-allowance?lang=en", """
                {"trainee": {"residency": "LOCAL"},
                 "months": [{"type": "WEEK", "month": "2024-02-30", "employed": "no", "note": 1}, {"type": "MONTH"}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder(
                "/months/0/note", "/months/0/type", "/months/0/month", "/months/0/employed", "/months/1/month", "/months/1/employed");
    }

    @Test
    void the_list_of_schedules_gives_its_fields_and_item_types_in_the_asked_language() throws Exception {
        JsonNode list = JSON.readTree(server.get("/api/v1/claims?lang=zh-Hant").body());

        JsonNode schedule = list.get("schedules").get(0);
        assertThat(schedule.get("id").asText()).isEqualTo("internship-allowance");
        assertThat(schedule.get("name").asText()).isEqualTo("實習津貼計算");
        assertThat(schedule.get("path").asText()).isEqualTo("/api/v1/claims/internship-allowance");
        assertThat(schedule.at("/claimant/questions").toString()).isEqualTo("[\"applicantType\",\"residency\"]");
        assertThat(schedule.at("/lists/0/fields").findValuesAsText("name")).containsExactly("type", "month", "employed");
        assertThat(schedule.at("/lists/0/fields/2/label").asText()).isEqualTo("當月已就業");
        assertThat(schedule.at("/itemTypes/0/label").asText()).isEqualTo("一個月");
        assertThat(schedule.at("/reasons/MAX_MONTHS").asText()).isEqualTo("已達月數上限");
    }

    @Test
    void a_schedule_without_a_path_or_page_of_its_own_is_only_at_its_id() {
        assertThat(server.postJson("/api/v1/internship-allowance", "{}").statusCode()).isEqualTo(404);
        assertThat(server.get("/internship-allowance").statusCode()).isEqualTo(404);
        assertThat(server.postJson("/api/v1/claims/no-such-schedule", "{}").statusCode()).isEqualTo(404);
    }
}
