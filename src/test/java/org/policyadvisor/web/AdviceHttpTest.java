package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.TestServer;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.testing.SampleRules;

/** The advice API on the tests' own sample rules (see {@link SampleRules}), so a change to the real catalogue never breaks it. */
class AdviceHttpTest {

    static final String FULL_PROFILE = """
            {"applicantType": "PERSON", "residency": "HK", "age": 30, "workDistrict": "LUOHU", "grantReceived": false,
             "asOf": "2026-11-27"}""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static final List<Program> PROGRAMS = SampleRules.ruleset().catalogue().programs();

    @BeforeAll
    static void start() {
        server = TestServer.start(SampleRules.ruleset());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static JsonNode program(JsonNode advice, String id) {
        for (JsonNode p : advice.get("programs")) if (p.get("id").asText().equals(id)) return p;
        throw new AssertionError("no program " + id);
    }

    @Test
    void a_full_profile_gets_a_verdict_for_every_program_with_reasons_sources_and_totals() throws Exception {
        HttpResponse<String> response = server.postJson("/api/v1/advice?lang=en", FULL_PROFILE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode advice = json(response);
        assertThat(advice.get("rulesetVersion").asText()).startsWith("sha256:");
        assertThat(advice.get("asOf").asText()).isEqualTo("2026-11-27");
        assertThat(advice.get("lang").asText()).isEqualTo("en");
        assertThat(advice.get("programs")).hasSize(PROGRAMS.size());
        JsonNode grant = program(advice, "cash-grant");
        assertThat(grant.get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(grant.get("availability").asText()).isEqualTo("IN_EFFECT");
        assertThat(grant.get("benefits").get(0).get("amount").asLong()).isEqualTo(5000);
        assertThat(grant.get("benefits").get(0).get("frequency").asText()).isEqualTo("ONE_OFF");
        assertThat(grant.get("source").get("document").asText()).isEqualTo("000_c4954ffce7c23a52.txt");
        assertThat(grant.get("source").get("paragraphs").get(0).asInt()).isEqualTo(1);
        assertThat(grant.get("criteria")).anySatisfy(c -> {
            assertThat(c.get("id").asText()).isEqualTo("works-here");
            assertThat(c.get("status").asText()).isEqualTo("MET");
            assertThat(c.get("fields").toString()).contains("workDistrict");
        });
        assertThat(program(advice, "free-advice").get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(program(advice, "company-help").get("status").asText()).isEqualTo("NOT_ELIGIBLE");
        JsonNode company = program(advice, "company-help").get("benefits");
        assertThat(company.findValues("amount")).anySatisfy(a -> assertThat(a.isNull()).isTrue());
        assertThat(advice.get("totals").get("eligibleCash").asLong()).isEqualTo(5000);
        assertThat(advice.get("totals").get("currency").asText()).isEqualTo("CNY");
        assertThat(advice.get("questions")).isEmpty();
    }

    @Test
    void a_partial_profile_lists_the_missing_fields_and_the_questions_to_ask_with_labelled_choices() throws Exception {
        JsonNode advice = json(server.postJson("/api/v1/advice", "{\"residency\": \"HK\", \"lang\": \"en\"}"));
        JsonNode grant = program(advice, "cash-grant");
        assertThat(grant.get("status").asText()).isEqualTo("NEEDS_INFO");
        assertThat(grant.get("missing").toString()).contains("workDistrict", "grantReceived");
        JsonNode question = advice.get("questions").get(0);
        assertThat(question.get("decides").size()).isGreaterThan(1);
        JsonNode district = null;
        for (JsonNode q : advice.get("questions")) if (q.get("field").asText().equals("workDistrict")) district = q;
        assertThat(district).isNotNull();
        assertThat(district.get("type").asText()).isEqualTo("enum");
        assertThat(district.get("values").findValuesAsText("value")).contains("LUOHU");
        assertThat(district.get("decides").toString()).contains("cash-grant", "free-advice");
    }

    @Test
    void the_language_comes_from_the_query_then_the_body_then_accept_language() throws Exception {
        assertThat(json(server.postJson("/api/v1/advice?lang=zh-Hant", "{\"lang\": \"en\"}")).get("lang").asText()).isEqualTo("zh-Hant");
        assertThat(json(server.postJson("/api/v1/advice", "{\"lang\": \"en\"}", "Accept-Language", "zh-HK")).get("lang").asText()).isEqualTo("en");
        JsonNode hant = json(server.postJson("/api/v1/advice", "{}", "Accept-Language", "zh-HK,zh;q=0.9"));
        assertThat(hant.get("lang").asText()).isEqualTo("zh-Hant");
        assertThat(json(server.postJson("/api/v1/advice", "{}")).get("lang").asText()).isEqualTo("zh-Hans");
        String hantName = program(hant, "cash-grant").get("name").asText();
        String enName = program(json(server.postJson("/api/v1/advice?lang=en", "{}")), "cash-grant").get("name").asText();
        assertThat(hantName).isNotEqualTo(enName);
    }

    @Test
    void a_plain_form_post_is_bound_like_json_and_empty_values_are_unknown() throws Exception {
        HttpResponse<String> response = server.post("/api/v1/advice", "application/x-www-form-urlencoded",
                "residency=HK&workDistrict=LUOHU&grantReceived=false&age=&lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode advice = json(response);
        assertThat(program(advice, "cash-grant").get("status").asText()).isEqualTo("ELIGIBLE");
        assertThat(program(advice, "free-advice").get("missing").toString()).contains("age");
    }

    @Test
    void a_browser_form_that_prefers_html_gets_a_printable_page() {
        HttpResponse<String> response = server.post("/api/v1/advice", "application/x-www-form-urlencoded",
                "residency=HK&workDistrict=LUOHU&grantReceived=false&lang=en",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("<html lang=\"en\"", "data-group=\"eligible\"", "CN¥5,000", "sha256:", "@media print",
                "One-off grant", "This is advice, not a decision.");
    }

    @Test
    void the_page_without_script_never_asks_a_person_a_question_meant_only_for_organisations() {
        List<Question> forOrganisationsOnly = SampleRules.ruleset().catalogue().questions().stream().filter(q -> !q.appliesTo("PERSON")).toList();
        assertThat(forOrganisationsOnly).isNotEmpty();
        for (Lang lang : Lang.values()) {
            HttpResponse<String> response = server.post("/api/v1/advice", "application/x-www-form-urlencoded",
                    "residency=HK&lang=" + lang.tag(), "Accept", "text/html");
            assertThat(response.statusCode()).isEqualTo(200);
            for (Question question : forOrganisationsOnly) {
                assertThat(response.body()).as(lang.tag()).doesNotContain(html(question.label().in(lang)));
            }
        }
    }

    @Test
    void the_page_without_script_cites_paragraphs_in_the_words_of_its_language() {
        List<Integer> two = PROGRAMS.stream().map(p -> p.source().paragraphs()).filter(n -> n.size() == 2).findFirst().orElseThrow();
        String en = server.post("/api/v1/advice", "application/x-www-form-urlencoded", "lang=en", "Accept", "text/html").body();
        String zh = server.post("/api/v1/advice", "application/x-www-form-urlencoded", "lang=zh-Hans", "Accept", "text/html").body();
        assertThat(en).contains("paragraphs " + two.get(0) + " and " + two.get(1)).doesNotContain("paragraph " + two.get(0) + ", ");
        assertThat(zh).contains("第" + two.get(0) + "、" + two.get(1) + "段").doesNotContain("段 ");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void the_programs_catalogue_gives_every_program_in_all_languages() throws Exception {
        JsonNode catalogue = json(server.get("/api/v1/programs"));
        List<String> ids = new ArrayList<>();
        catalogue.get("programs").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(PROGRAMS.stream().map(Program::id).toList());
        for (JsonNode program : catalogue.get("programs")) {
            String id = program.get("id").asText();
            assertThat(program.get("availability").asText()).as(id)
                    .isEqualTo(PROGRAMS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().availability().name());
        }
        JsonNode first = catalogue.get("programs").get(0);
        assertThat(first.get("name").fieldNames()).toIterable().containsExactlyInAnyOrder("zh-Hans", "zh-Hant", "en");
        assertThat(first.get("effectiveFrom").asText()).isEqualTo("2021-01-01");
        assertThat(first.get("criteria").findValues("text").get(0).has("en")).isTrue();
        assertThat(first.get("assumptions").findValuesAsText("id")).contains("S1");
    }

    @Test
    void the_profile_schema_is_generated_from_the_declared_questions_in_the_requested_language() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/schema/profile?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode schema = json(response);
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        JsonNode age = schema.get("properties").get("age");
        assertThat(age.get("minimum").asInt()).isZero();
        assertThat(age.get("maximum").asInt()).isEqualTo(130);
        JsonNode residency = schema.get("properties").get("residency");
        assertThat(residency.get("oneOf").findValuesAsText("const")).contains("HK", "MO");
        assertThat(residency.get("x-appliesTo").asText()).isEqualTo("PERSON");
        assertThat(schema.get("properties").get("orgType").get("x-appliesTo").asText()).isEqualTo("ORGANIZATION");
        assertThat(schema.get("properties").get("applicantType").get("default").asText()).isEqualTo("PERSON");
        String zh = json(server.get("/api/v1/schema/profile?lang=zh-Hans")).get("properties").get("residency").get("title").asText();
        assertThat(zh).isNotEqualTo(residency.get("title").asText());
    }

    @Test
    void health_and_readiness_answer() throws Exception {
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = server.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("rulesetVersion").asText()).startsWith("sha256:");
    }
}
