package org.policyadvisor.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.testing.RulesCopy;

class AdvisorTest {

    private final Ruleset rules = RealRules.ruleset();
    private final Advisor advisor = new Advisor(EvaluationLimits.DEFAULT);
    private final LocalDate today = LocalDate.of(2026, 11, 27);

    private Advice advise(Map<String, Object> answers) {
        Map<String, Object> withDefaults = new HashMap<>(answers);
        withDefaults.putIfAbsent("applicantType", "PERSON");
        return advisor.advise(rules, new AdviceRequest(withDefaults, null, null), today, Lang.EN);
    }

    @Test
    void every_catalogue_program_appears_once_in_catalogue_order() {
        List<String> catalogueOrder = rules.catalogue().programs().stream()
                .sorted(Comparator.comparingInt(Program::order).thenComparing(Program::id)).map(Program::id).toList();
        assertThat(catalogueOrder).doesNotHaveDuplicates();
        assertThat(advise(Map.of()).programs()).extracting(Advice.ProgramAdvice::id).containsExactlyElementsOf(catalogueOrder);
    }

    @Test
    void an_empty_profile_asks_first_the_question_that_decides_the_most_programs() {
        List<Advice.QuestionAdvice> questions = advise(Map.of()).questions();
        assertThat(questions.get(0).field()).isEqualTo("residency");
        for (int i = 1; i < questions.size(); i++) {
            assertThat(questions.get(i - 1).decides().size()).isGreaterThanOrEqualTo(questions.get(i).decides().size());
        }
    }

    @Test
    void a_hong_kong_professional_working_in_luohu_is_eligible_for_60000_in_cash() {
        Advice advice = advise(Map.of("residency", "HK", "highestEducation", "MASTER", "employmentStatus", "EMPLOYED",
                "workDistrict", "LUOHU", "livingSubsidyReceived", false, "age", 30));
        Advice.ProgramAdvice subsidy = advice.programs().get(0);
        assertThat(subsidy.status()).isEqualTo(ProgramStatus.ELIGIBLE);
        assertThat(subsidy.missing()).isEmpty();
        assertThat(subsidy.benefits().get(0).amount()).isEqualTo(60000L);
        assertThat(advice.totals().eligibleCash()).isEqualTo(60000L);
        assertThat(advice.totals().currency()).isEqualTo("CNY");
    }

    @Test
    void questions_list_only_what_needs_info_programs_are_missing() {
        Advice advice = advise(Map.of("residency", "HK", "highestEducation", "MASTER", "employmentStatus", "EMPLOYED"));
        List<String> missingOfNeedsInfo = advice.programs().stream()
                .filter(p -> p.status() == ProgramStatus.NEEDS_INFO)
                .flatMap(p -> p.missing().stream()).distinct().toList();
        assertThat(advice.questions()).extracting(Advice.QuestionAdvice::field).containsExactlyInAnyOrderElementsOf(missingOfNeedsInfo);
        assertThat(advice.questions()).extracting(Advice.QuestionAdvice::field).contains("workDistrict").doesNotContain("residency");
    }

    @Test
    void every_answer_carries_the_ruleset_version_and_each_program_its_source_and_assumptions() {
        Advice advice = advise(Map.of());
        assertThat(advice.rulesetVersion()).startsWith("sha256:").isEqualTo(rules.version());
        assertThat(advice.programs()).allSatisfy(p -> {
            assertThat(p.source().paragraphs()).isNotEmpty();
            assertThat(p.source().quote()).isNotBlank();
            assertThat(p.assumptions()).extracting(Advice.AssumptionAdvice::id).contains("A3");
        });
    }

    @Test
    void a_rule_that_loops_gives_an_error_instead_of_a_hung_request(@TempDir Path dir) throws Exception {
        RulesCopy.of(dir).add("common/loop.drl", """
                package policy;
                rule "loops by touching the applicant forever"
                when
                    $a : Applicant(age != 2)
                then
                    modify($a) { setAge(1) };
                end
                """);
        Ruleset looping = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(dir));
        try {
            Advisor bounded = new Advisor(new EvaluationLimits(1_000, Duration.ofSeconds(5)));
            assertThatThrownBy(() -> bounded.decide(looping, Map.of("applicantType", "PERSON"), today))
                    .isInstanceOf(EvaluationAborted.class).hasMessageContaining("fired");
        } finally {
            looping.release();
        }
    }
}
