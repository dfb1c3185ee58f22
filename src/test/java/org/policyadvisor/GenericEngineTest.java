package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioRunner;
import org.policyadvisor.testing.RulesCopy;

/** The engine is generic: a new program with a new question needs only files in rules/, no Java change. */
class GenericEngineTest {

    static final String QUESTION = "ownsHomeInLuohu";
    static final String PROGRAM = "home-owner-grant";

    /** A copy of the real rules with one more question and one more program, written as policy staff would. */
    static RulesCopy withNewProgram(Path dir) {
        return RulesCopy.of(dir)
                .replace("applicant.drl", "declare Applicant\n", "declare Applicant\n    " + QUESTION + " : Boolean @appliesTo(\"PERSON\")\n")
                .replace("applicant.yaml", "applicantType:\n", """
                        ownsHomeInLuohu:
                          label: {zh-Hans: 是否在罗湖拥有住房？, zh-Hant: 是否在羅湖擁有住房？, en: "Owns a home in Luohu?"}
                        applicantType:
                        """)
                .add("programs/home-owner-grant/home-owner-grant.drl", """
                        package policy;

                        declare HomeOwnerGrant
                            @program("home-owner-grant")
                            @criteria("for-persons, hk-resident, owns-home-in-luohu")
                            @availability("IN_EFFECT")
                            @effectiveFrom("2027-01-01")
                        end

                        rule "owns-home-in-luohu: the applicant owns a home in Luohu"
                            @criterion("owns-home-in-luohu")
                        when
                            Applicant(ownsHomeInLuohu == true)
                        then
                        end
                        """)
                .add("programs/home-owner-grant/home-owner-grant.yaml", """
                        order: 15
                        name: {zh-Hans: 购房补贴, zh-Hant: 購房補貼, en: Home owner grant}
                        summary: {zh-Hans: 试验项目。, zh-Hant: 試驗項目。, en: A trial programme.}
                        benefits:
                          - kind: CASH
                            amount: 5000
                            currency: CNY
                            frequency: ONE_OFF
                            description: {zh-Hans: 一次性补贴, zh-Hant: 一次性補貼, en: A one-off grant}
                        howToApply: {zh-Hans: 到服务中心申请。, zh-Hant: 到服務中心申請。, en: Apply at the service centre.}
                        source: {document: 000_c4954ffce7c23a52.txt, paragraphs: [27], quote: "为港籍居民提供"}
                        criteria:
                          owns-home-in-luohu:
                            text: {zh-Hans: 在罗湖拥有住房, zh-Hant: 在羅湖擁有住房, en: Owns a home in Luohu}
                        """)
                .add("programs/home-owner-grant/home-owner-grant.scenarios.yaml", """
                        program: home-owner-grant
                        asOf: 2027-01-01
                        scenarios:
                          - name: A Hong Kong resident who owns a home in Luohu gets the grant
                            profile: {residency: HK, ownsHomeInLuohu: true}
                            expect: {status: ELIGIBLE, eligibleCash: 5000}
                          - name: Whether the applicant owns a home is asked
                            profile: {residency: HK}
                            expect: {status: NEEDS_INFO, missing: [ownsHomeInLuohu]}
                        """);
    }

    @Test
    void a_program_and_a_question_added_in_rules_appear_in_every_endpoint(@TempDir Path dir) throws Exception {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(withNewProgram(dir).dir()));
        ScenarioReport scenarios = new ScenarioRunner(new Advisor(EvaluationLimits.DEFAULT)).run(ruleset);
        assertThat(scenarios.passed()).as(scenarios.failures().toString()).isTrue();

        ObjectMapper json = new ObjectMapper();
        try (TestServer server = TestServer.start(ruleset)) {
            JsonNode advice = json.readTree(server.postJson("/api/v1/advice?lang=en",
                    "{\"residency\": \"HK\", \"asOf\": \"2027-02-01\"}").body());
            JsonNode added = program(advice, PROGRAM);
            assertThat(added.get("id").asText()).isEqualTo(PROGRAM);
            assertThat(added.get("status").asText()).isEqualTo("NEEDS_INFO");
            assertThat(added.get("missing").toString()).contains(QUESTION);
            assertThat(advice.get("questions").findValuesAsText("field")).contains(QUESTION);

            JsonNode eligible = json.readTree(server.postJson("/api/v1/advice",
                    "{\"residency\": \"HK\", \"ownsHomeInLuohu\": true, \"asOf\": \"2027-02-01\"}").body());
            assertThat(program(eligible, PROGRAM).get("status").asText()).isEqualTo("ELIGIBLE");

            JsonNode programs = json.readTree(server.get("/api/v1/programs").body());
            assertThat(programs.get("programs").findValuesAsText("id")).contains(PROGRAM);

            JsonNode schema = json.readTree(server.get("/api/v1/schema/profile?lang=en").body());
            assertThat(schema.get("properties").get(QUESTION).get("title").asText()).isEqualTo("Owns a home in Luohu?");
        } finally {
            ruleset.release();
        }
    }

    private static JsonNode program(JsonNode advice, String id) {
        for (JsonNode program : advice.get("programs")) {
            if (program.get("id").asText().equals(id)) return program;
        }
        throw new AssertionError("no program " + id + " in the answer");
    }
}
