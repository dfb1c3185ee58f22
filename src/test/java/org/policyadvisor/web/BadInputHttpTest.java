package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.ActiveRuleset;

/** Every kind of bad input gets the right 4xx as problem+json, in the caller's language, without echoing values. */
class BadInputHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestServer server = TestServer.shared();

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    @Test
    void each_bad_field_gets_its_own_pointer_and_a_message_in_the_requested_language() throws Exception {
        JsonNode problem = problem(server.postJson("/api/v1/advice?lang=en",
                "{\"age\": 300, \"residency\": \"Atlantis-7731\", \"favouriteColour\": \"blue\", \"livesInLuohu\": \"yes\", \"asOf\": \"27/11/2026\"}"), 400);
        assertThat(problem.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/age", "/residency", "/favouriteColour", "/livesInLuohu", "/asOf");
        assertThat(problem.get("errors").findValuesAsText("message")).contains("must be between 0 and 130");
        assertThat(problem.toString()).doesNotContain("Atlantis-7731").doesNotContain("300");

        JsonNode chinese = problem(server.postJson("/api/v1/advice?lang=zh-Hant", "{\"age\": 300}"), 400);
        assertThat(chinese.get("errors").get(0).get("message").asText()).contains("必須");
    }

    @Test
    void malformed_json_is_a_400_that_does_not_quote_the_body() throws Exception {
        JsonNode problem = problem(server.postJson("/api/v1/advice?lang=en", "{\"residency\": \"HK-SECRET\", "), 400);
        assertThat(problem.get("type").asText()).endsWith("malformed-json");
        assertThat(problem.toString()).doesNotContain("HK-SECRET");
    }

    @Test
    void deep_nesting_and_duplicate_keys_are_refused() throws Exception {
        String deep = "{\"residency\": " + "[".repeat(100) + "]".repeat(100) + "}";
        problem(server.postJson("/api/v1/advice", deep), 400);
        problem(server.postJson("/api/v1/advice", "{\"age\": 30, \"age\": 31}"), 400);
    }

    @Test
    void a_nested_object_where_a_value_belongs_is_a_wrong_type() throws Exception {
        JsonNode problem = problem(server.postJson("/api/v1/advice", "{\"age\": {\"years\": 30}}"), 400);
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/age");
    }

    @Test
    void an_oversized_body_is_413() throws Exception {
        String huge = "{\"residency\": \"" + "x".repeat(70_000) + "\"}";
        problem(server.postJson("/api/v1/advice", huge), 413);
    }

    @Test
    void an_unsupported_content_type_is_415() throws Exception {
        problem(server.post("/api/v1/advice", "text/plain", "residency=HK"), 415);
        problem(server.post("/api/v1/advice", null, "{}"), 415);
    }

    @Test
    void unknown_paths_and_methods_answer_problem_json() throws Exception {
        problem(server.get("/api/v1/nothing-here"), 404);
        assertThat(server.get("/api/v1/advice").statusCode()).isIn(404, 405);
    }

    @Test
    void a_browser_posting_a_bad_form_gets_the_form_again_with_its_answers_and_the_question_named() {
        HttpResponse<String> response = server.post("/api/v1/advice?lang=en", "application/x-www-form-urlencoded",
                "age=abc&residency=HK", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(400);
        String age = AdvicePage.esc(RealRules.ruleset().catalogue().question("age").label().in(Lang.EN));
        assertThat(response.body()).contains("<html", "<a href=\"#age\">" + age + "</a>", "must be a whole number",
                "<option value=\"HK\" data-choice=\"residency\" selected>").doesNotContain("abc").doesNotContain("/age");
    }

    @Test
    void before_any_ruleset_is_active_advice_is_503_with_retry_after_and_not_ready() throws Exception {
        try (TestServer empty = TestServer.start(null)) {
            HttpResponse<String> response = empty.postJson("/api/v1/advice", "{}");
            problem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(empty.get("/ready").statusCode()).isEqualTo(503);
            assertThat(empty.get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(new ActiveRuleset().current()).isEmpty();
    }
}
