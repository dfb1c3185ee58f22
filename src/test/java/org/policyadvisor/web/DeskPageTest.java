package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;

/** The desk as HTTP serves it: the server-rendered form, the pages' assets and words, and the API left intact. */
class DeskPageTest {

    private static final TestServer server = TestServer.shared();

    @Test
    void the_desk_form_has_a_control_named_after_every_question_and_posts_to_the_advice_endpoint() {
        HttpResponse<String> page = server.get("/?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<html lang=\"en\"")
                .contains("<form id=\"desk-profile\" class=\"profile\" method=\"post\" action=\"/api/v1/advice\"")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"en\">")
                .contains("name=\"asOf\"");
        for (Question question : RealRules.ruleset().catalogue().questions()) {
            assertThat(html).contains("name=\"" + question.field() + "\"").contains(AdvicePage.esc(question.label().in(Lang.EN)));
        }
        assertThat(html).contains("<input type=\"radio\" name=\"applicantType\" value=\"PERSON\" id=\"applicantType\" checked>");
    }

    @Test
    void the_desk_speaks_the_language_of_the_query_or_of_the_browser() {
        Question residency = RealRules.ruleset().catalogue().question("residency");

        assertThat(server.get("/", "Accept-Language", "zh-TW,zh;q=0.8").body()).contains(residency.label().in(Lang.ZH_HANT));
        assertThat(server.get("/?lang=zh-Hans", "Accept-Language", "en").body()).contains(residency.label().in(Lang.ZH_HANS))
                .contains("<html lang=\"zh-Hans\"");
    }

    @Test
    void a_question_added_in_the_rules_appears_on_the_desk_without_touching_the_page() {
        List<RuleFile> files = RulesDirectory.read(RealRules.DIR).stream().map(file -> switch (file.path()) {
            case "applicant.drl" -> RuleFile.of(file.path(), file.text().replaceFirst("(?m)^end$",
                    "    ownsAVessel : Boolean = null @appliesTo(\"PERSON\")\nend"));
            case "applicant.yaml" -> RuleFile.of(file.path(), file.text() + """

                    ownsAVessel:
                      label:
                        zh-Hans: 您是否拥有船只？
                        zh-Hant: 您是否擁有船隻？
                        en: Do you own a boat?
                    """);
            default -> file;
        }).toList();
        Ruleset withVessel = new RulesetCompiler(Clock.systemUTC()).compile(files);
        try (TestServer extended = TestServer.start(withVessel)) {
            String html = extended.get("/?lang=zh-Hant").body();

            assertThat(html).contains("<select id=\"ownsAVessel\" name=\"ownsAVessel\"").contains("您是否擁有船隻？");
            assertThat(html).contains("<div class=\"q\" id=\"q-ownsAVessel\" data-field=\"ownsAVessel\" data-type=\"boolean\" data-applies-to=\"PERSON\">");
        } finally {
            withVessel.release();
        }
    }

    @Test
    void the_pages_scripts_styles_and_words_are_served_and_api_paths_still_answer_problem_json() throws Exception {
        assertThat(server.get("/assets/desk.js").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(server.get("/assets/desk.css").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(server.get("/mentor?lang=en").body()).contains("src=\"/assets/claim.js\"").contains("Workplace mentor subsidy calculator");
        assertThat(server.get("/rules?lang=en").body()).contains("src=\"/assets/rules.js\"").contains("Policy rules status");

        HttpResponse<String> texts = server.get("/api/v1/ui-texts?lang=zh-Hant");
        JsonNode body = Json.MAPPER.readTree(texts.body());
        assertThat(body.get("lang").asText()).isEqualTo("zh-Hant");
        assertThat(body.at("/texts/desk.submit").asText()).isEqualTo("查看建議");
        assertThat(body.get("texts").has("problem.not-found")).isFalse();

        HttpResponse<String> missing = server.get("/api/v1/no-such-thing", "Accept-Language", "zh-Hans");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(missing.body()).get("title").asText()).isEqualTo("找不到该资源");
        assertThat(server.get("/assets/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void the_profile_schema_keeps_its_chinese_labels() throws Exception {
        JsonNode schema = Json.MAPPER.readTree(server.get("/api/v1/schema/profile?lang=zh-Hans").body());

        assertThat(schema.at("/properties/residency/title").asText())
                .isEqualTo(RealRules.ruleset().catalogue().question("residency").label().in(Lang.ZH_HANS));
    }
}
