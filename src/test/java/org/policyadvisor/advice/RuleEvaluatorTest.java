package org.policyadvisor.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;

/** Sessions come from a pool per ruleset and applicants from a cached constructor: neither may change an answer. */
class RuleEvaluatorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static final Map<String, Object> HK_PROFESSIONAL = Map.of("applicantType", "PERSON", "residency", "HK", "age", 30,
            "highestEducation", "MASTER", "employmentStatus", "EMPLOYED", "workDistrict", "LUOHU", "livingSubsidyReceived", false);
    private static final Map<String, Object> NOTHING_ANSWERED = Map.of("applicantType", "PERSON");

    private final Ruleset ruleset = RealRules.ruleset();
    private final Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);

    @Test
    void a_pooled_session_remembers_nothing_of_the_applicant_before() {
        List<ProgramStatus> professional = statuses(advisor.decide(ruleset, HK_PROFESSIONAL, AS_OF));
        List<ProgramStatus> nobody = statuses(advisor.decide(ruleset, NOTHING_ANSWERED, AS_OF));
        assertThat(professional).contains(ProgramStatus.ELIGIBLE);
        assertThat(nobody).isNotEqualTo(professional);

        for (int i = 0; i < 20; i++) {
            assertThat(statuses(advisor.decide(ruleset, i % 2 == 0 ? NOTHING_ANSWERED : HK_PROFESSIONAL, AS_OF)))
                    .isEqualTo(i % 2 == 0 ? nobody : professional);
        }
    }

    @Test
    void an_evaluation_stopped_by_its_limits_leaves_the_pool_fit_for_the_next_one() {
        List<ProgramStatus> expected = statuses(advisor.decide(ruleset, HK_PROFESSIONAL, AS_OF));

        assertThatThrownBy(() -> new Advisor(new EvaluationLimits(2, Duration.ofSeconds(5))).decide(ruleset, HK_PROFESSIONAL, AS_OF))
                .isInstanceOf(EvaluationAborted.class).hasMessageContaining("fired 2 times");
        assertThatThrownBy(() -> new Advisor(new EvaluationLimits(10_000, Duration.ZERO)).decide(ruleset, HK_PROFESSIONAL, AS_OF))
                .isInstanceOf(EvaluationAborted.class).hasMessageContaining("ran longer");

        for (int i = 0; i < 5; i++) assertThat(statuses(advisor.decide(ruleset, HK_PROFESSIONAL, AS_OF))).isEqualTo(expected);
    }

    @Test
    void an_unanswered_question_is_null_in_the_fact_never_zero_or_false_and_an_answer_is_taken_as_given() {
        ApplicantFactory factory = new ApplicantFactory(ruleset.applicantType(), ruleset.catalogue().questions());

        Map<String, Object> empty = ruleset.applicantType().getAsMap(factory.create(Map.of()));
        assertThat(empty).containsEntry("applicantType", null).containsEntry("age", null).containsEntry("professionalQualification", null);

        Map<String, Object> answers = new HashMap<>(HK_PROFESSIONAL);
        answers.put("applicantType", null);
        assertThat(ruleset.applicantType().getAsMap(factory.create(answers)))
                .containsEntry("applicantType", null).containsEntry("residency", "HK").containsEntry("age", 30)
                .containsEntry("livingSubsidyReceived", false).containsEntry("workDistrict", "LUOHU").containsEntry("community", null);
    }

    @Test
    void a_request_that_still_holds_a_released_ruleset_gets_its_answer() {
        Ruleset replaced = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(RealRules.DIR));
        RuleEvaluator evaluator = new RuleEvaluator(EvaluationLimits.DEFAULT, EvaluationObserver.NONE);
        Set<String> expected = evaluator.firedRules(replaced, HK_PROFESSIONAL);
        RuleEvaluator.Prepared held = replaced.derived(RuleEvaluator.Prepared.class, RuleEvaluator.Prepared::new);

        replaced.release(); // a reload swapped it out while a request was between reading it and running the rules

        assertThat(evaluator.firedRules(held, HK_PROFESSIONAL)).isEqualTo(expected);
        assertThat(evaluator.firedRules(replaced, HK_PROFESSIONAL)).isEqualTo(expected);
    }

    private static List<ProgramStatus> statuses(Decision decision) {
        return decision.programs().stream().map(Decision.ProgramDecision::status).toList();
    }
}
