package org.policyadvisor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;

/** The scale benchmarks' generator must keep producing rules the engine accepts; the benchmarks themselves never run here. */
class SyntheticCatalogueTest {

    @Test
    void ten_generated_programs_compile_and_a_full_profile_gets_a_verdict_for_each() {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC()).compile(SyntheticCatalogue.files(RealRules.DIR, 10));
        try {
            assertThat(ruleset.catalogue().programs()).extracting(p -> p.id())
                    .containsExactly("synthetic-0001", "synthetic-0002", "synthetic-0003", "synthetic-0004", "synthetic-0005",
                            "synthetic-0006", "synthetic-0007", "synthetic-0008", "synthetic-0009", "synthetic-0010");

            Decision decision = new Advisor(EvaluationLimits.DEFAULT).decide(ruleset, Map.of("applicantType", "PERSON",
                    "residency", "HK", "age", 30, "highestEducation", "MASTER", "workDistrict", "LUOHU"), LocalDate.of(2026, 11, 27));

            // Even programs ask for an age of 29 at most, odd ones for 31 or more.
            for (int i = 1; i <= 10; i++) {
                assertThat(decision.program(SyntheticCatalogue.id(i)).status()).as(SyntheticCatalogue.id(i))
                        .isEqualTo(i % 2 == 0 ? ProgramStatus.ELIGIBLE : ProgramStatus.NOT_ELIGIBLE);
            }
        } finally {
            ruleset.release();
        }
    }
}
