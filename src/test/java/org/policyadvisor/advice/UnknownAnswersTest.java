package org.policyadvisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyadvisor.catalogue.Criterion;
import org.policyadvisor.catalogue.Status;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;

/**
 * Which questions a criterion reads is worked out from its conditions, never written by hand: an unanswered
 * question that any condition reads makes the criterion UNKNOWN, whatever the other answers are.
 */
class UnknownAnswersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
    private static Ruleset ruleset;
    private final Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);

    @BeforeAll
    static void compile() {
        ruleset = new RulesetCompiler(Clock.systemUTC()).compile(List.of(
                RuleFile.of("applicant.drl", """
                        package policy;
                        declare Applicant
                            age : Integer @min(0) @max(130)
                            residency : String @values("HK, MO")
                            student : Boolean
                        end
                        """),
                RuleFile.of("applicant.yaml", """
                        age: {label: {zh-Hans: 年龄, zh-Hant: 年齡, en: Age}}
                        residency:
                          label: {zh-Hans: 居民, zh-Hant: 居民, en: Residency}
                          values:
                            HK: {zh-Hans: 香港, zh-Hant: 香港, en: Hong Kong}
                            MO: {zh-Hans: 澳门, zh-Hant: 澳門, en: Macau}
                        student: {label: {zh-Hans: 学生, zh-Hant: 學生, en: Student}}
                        """),
                RuleFile.of("assumptions.yaml", "{}\n"),
                RuleFile.of("common/criteria.yaml", """
                        program-in-effect: {text: {zh-Hans: 生效, zh-Hant: 生效, en: In effect}}
                        adult-or-local: {text: {zh-Hans: 甲, zh-Hant: 甲, en: Adult or local}}
                        adult-student: {text: {zh-Hans: 乙, zh-Hant: 乙, en: Adult student}}
                        """),
                RuleFile.of("programs/p/p.drl", """
                        package policy;
                        declare P
                            @program("p")
                            @criteria("adult-or-local, adult-student")
                            @availability("IN_EFFECT")
                            @effectiveFrom("2020-01-01")
                        end

                        rule "adult-or-local: an adult, or a Hong Kong resident of any age"
                            @criterion("adult-or-local")
                        when
                            Applicant(age >= 18 || residency == "HK")
                        then
                        end

                        rule "adult-student: an adult student"
                            @criterion("adult-student")
                        when
                            $a : Applicant(age >= 18)
                            not Applicant(student != true)
                        then
                        end
                        """),
                RuleFile.of("programs/p/p.yaml", """
                        order: 1
                        name: {zh-Hans: 甲, zh-Hant: 甲, en: P}
                        summary: {zh-Hans: 甲, zh-Hant: 甲, en: P}
                        howToApply: {zh-Hans: 甲, zh-Hant: 甲, en: P}
                        source: {document: 000_c4954ffce7c23a52.txt, paragraphs: [1], quote: "x"}
                        """)));
    }

    @AfterAll
    static void release() {
        ruleset.release();
    }

    private Map<String, Status> criteria(Map<String, Object> answers) {
        Map<String, Object> all = new HashMap<>();
        ruleset.catalogue().questions().forEach(q -> all.put(q.field(), null));
        all.putAll(answers);
        Decision.ProgramDecision program = advisor.decide(ruleset, all, TODAY).programs().get(0);
        Map<String, Status> statuses = new HashMap<>();
        for (Criterion.Outcome outcome : program.outcomes()) statuses.put(outcome.criterion().id(), outcome.status());
        return statuses;
    }

    @Test
    void a_criterion_reads_every_field_named_in_its_conditions() {
        assertThat(ruleset.catalogue().criterion("adult-or-local").fields()).containsExactly("age", "residency");
        assertThat(ruleset.catalogue().criterion("adult-student").fields()).containsExactly("age", "student");
    }

    @Test
    void an_unanswered_field_that_a_condition_reads_makes_it_unknown_even_when_the_rule_fires() {
        assertThat(criteria(Map.of("age", 30))).containsEntry("adult-or-local", Status.UNKNOWN);
        assertThat(criteria(Map.of("age", 30, "student", true))).containsEntry("adult-student", Status.MET);
        assertThat(criteria(Map.of("age", 30))).containsEntry("adult-student", Status.UNKNOWN);
        assertThat(criteria(Map.of("age", 30, "residency", "MO", "student", false)))
                .containsEntry("adult-or-local", Status.MET).containsEntry("adult-student", Status.NOT_MET);
    }

    @Test
    void the_questions_that_would_decide_are_listed_as_missing() {
        Map<String, Object> all = new HashMap<>();
        ruleset.catalogue().questions().forEach(q -> all.put(q.field(), null));
        all.put("residency", "MO");
        Decision.ProgramDecision program = advisor.decide(ruleset, all, TODAY).programs().get(0);

        assertThat(program.status()).isEqualTo(ProgramStatus.NEEDS_INFO);
        assertThat(program.missing()).containsExactly("age", "student");
    }
}
