package org.policyadvisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.scenario.ScenarioReport;
import org.policyadvisor.scenario.ScenarioRunner;

/**
 * {@code missing} lists questions worth asking: only a NEEDS_INFO program has any. The unanswered fields of a program
 * that already fails on a known answer, or of one that already holds, are not questions (catalogue §6 R6).
 */
class MissingOnlyWhenNeedsInfoTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    // One program, two ANDed criteria, each reading one question; a third question only an OR criterion reads.
    private static final Map<String, String> FILES = Map.of(
            "applicant.drl", """
                    package policy;
                    declare Applicant
                        age : Integer @min(0) @max(130)
                        resident : Boolean
                        member : Boolean
                    end
                    """,
            "applicant.yaml", """
                    age: {label: {zh-Hans: 年龄, zh-Hant: 年齡, en: Age}}
                    resident: {label: {zh-Hans: 本地居民, zh-Hant: 本地居民, en: Resident}}
                    member: {label: {zh-Hans: 会员, zh-Hant: 會員, en: Member}}
                    """,
            "assumptions.yaml", "{}\n",
            "common/criteria.yaml", """
                    program-in-effect: {text: {zh-Hans: 已生效, zh-Hant: 已生效, en: In effect}}
                    """,
            "programs/fixture/fixture.drl", """
                    package policy;
                    declare Fixture
                        @program("fixture")
                        @criteria("adult, resident-or-member")
                        @availability("IN_EFFECT")
                        @effectiveFrom("2020-01-01")
                    end
                    rule "adult: is an adult"
                        @criterion("adult")
                    when
                        Applicant(age >= 18)
                    then
                    end
                    rule "resident-or-member: is a resident"
                        @criterion("resident-or-member") @combine("any")
                    when
                        Applicant(resident == true)
                    then
                    end
                    rule "resident-or-member: is a member"
                        @criterion("resident-or-member") @combine("any")
                    when
                        Applicant(member == true)
                    then
                    end
                    """,
            "programs/fixture/fixture.yaml", """
                    order: 1
                    name: {zh-Hans: 样例, zh-Hant: 樣例, en: Fixture}
                    summary: {zh-Hans: 样例, zh-Hant: 樣例, en: Fixture}
                    benefits: []
                    howToApply: {zh-Hans: 样例, zh-Hant: 樣例, en: Fixture}
                    source: {document: 000_c4954ffce7c23a52.txt, paragraphs: [1], quote: "x"}
                    criteria:
                      adult: {text: {zh-Hans: 成年, zh-Hant: 成年, en: Is an adult}}
                      resident-or-member: {text: {zh-Hans: 居民或会员, zh-Hant: 居民或會員, en: Is a resident or a member}}
                    """,
            "programs/fixture/fixture.scenarios.yaml", """
                    program: fixture
                    asOf: 2026-01-01
                    scenarios:
                      - name: A child fails whatever else is unanswered, and is asked nothing
                        profile: {age: 10}
                        expect: {status: NOT_ELIGIBLE, missing: []}
                      - name: An adult who is a member holds, and is not asked whether they are a resident
                        profile: {age: 30, member: true}
                        expect: {status: ELIGIBLE, missing: []}
                      - name: An adult with nothing else answered is asked both questions of the OR criterion
                        profile: {age: 30}
                        expect: {status: NEEDS_INFO, missing: [resident, member]}
                    """);

    private static final Ruleset RULESET = new RulesetCompiler(Clock.systemUTC()).compile(FILES.entrySet().stream()
            .map(e -> RuleFile.of(e.getKey(), e.getValue())).sorted(Comparator.comparing(RuleFile::path)).toList());
    private final Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);

    @AfterAll
    static void release() {
        RULESET.release();
    }

    @Test
    void a_program_that_fails_on_a_known_answer_lists_no_missing_fields_though_others_are_unknown() {
        Decision.ProgramDecision decision = decide(Map.of("age", 10));
        assertThat(decision.status()).isEqualTo(ProgramStatus.NOT_ELIGIBLE);
        assertThat(decision.outcome("resident-or-member").missing()).containsExactly("resident", "member");
        assertThat(decision.missing()).isEmpty();
    }

    @Test
    void a_program_that_holds_on_one_part_of_an_or_lists_no_missing_fields() {
        Decision.ProgramDecision decision = decide(Map.of("age", 30, "member", true));
        assertThat(decision.status()).isEqualTo(ProgramStatus.ELIGIBLE);
        assertThat(decision.missing()).isEmpty();
    }

    @Test
    void a_program_that_needs_information_lists_the_fields_that_would_decide_it() {
        Decision.ProgramDecision decision = decide(Map.of("age", 30));
        assertThat(decision.status()).isEqualTo(ProgramStatus.NEEDS_INFO);
        assertThat(decision.missing()).containsExactly("resident", "member");
    }

    @Test
    void the_questions_of_an_answer_come_only_from_programs_that_need_information() {
        Advice failing = advisor.advise(RULESET, new AdviceRequest(Map.of("age", 10), null, null), AS_OF, Lang.EN);
        assertThat(failing.programs()).allSatisfy(p -> assertThat(p.missing()).isEmpty());
        assertThat(failing.questions()).isEmpty();
    }

    @Test
    void scenarios_can_expect_an_empty_missing_list_on_every_status() {
        ScenarioReport report = new ScenarioRunner(advisor).run(RULESET);
        assertThat(report.passed()).as(report.failures().toString()).isTrue();
        assertThat(report.results()).hasSize(3);
    }

    private Decision.ProgramDecision decide(Map<String, Object> answers) {
        return advisor.decide(RULESET, new HashMap<>(answers), AS_OF).program("fixture");
    }
}
