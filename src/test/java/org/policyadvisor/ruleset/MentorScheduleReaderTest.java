package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.catalogue.MentorSchedule;
import org.policyadvisor.catalogue.MentorSchedule.ItemType;
import org.policyadvisor.catalogue.MentorSchedule.Mentee;
import org.policyadvisor.catalogue.MentorSchedule.Part;

class MentorScheduleReaderTest {

    static final String SCHEDULE = "mentor-subsidy/mentor-subsidy.drl";

    /** The real rules with the schedule file's text edited, as policy staff would edit it: pairs of from, to. */
    static List<RuleFile> withSchedule(String... edits) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile file : RulesDirectory.read(RealRules.DIR)) {
            if (!file.path().equals(SCHEDULE)) {
                files.add(file);
                continue;
            }
            String text = file.text();
            for (int i = 0; i < edits.length; i += 2) {
                assertThat(text).contains(edits[i]);
                text = text.replace(edits[i], edits[i + 1]);
            }
            files.add(RuleFile.of(file.path(), text));
        }
        return files;
    }

    private static List<String> problems(String... edits) {
        RulesetRejected rejected = catchThrowableOfType(RulesetRejected.class,
                () -> new RulesetCompiler(Clock.systemUTC()).compile(withSchedule(edits)));
        assertThat(rejected).as("the edited rules were accepted").isNotNull();
        return rejected.problems().stream().map(RuleProblem::toString).toList();
    }

    private static int lineOf(String text) {
        List<String> lines = RulesDirectory.read(RealRules.DIR).stream().filter(f -> f.path().equals(SCHEDULE))
                .findFirst().orElseThrow().text().lines().toList();
        return lines.indexOf(lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void the_real_schedule_holds_the_rates_caps_limit_and_term_of_the_policy() {
        MentorSchedule schedule = RealRules.ruleset().catalogue().mentorSchedule();

        assertThat(schedule.mentorProgram()).isEqualTo("gba-workplace-mentor");
        assertThat(schedule.maxConcurrentMentees()).isEqualTo(5);
        assertThat(schedule.termMonths()).isEqualTo(12);
        assertThat(schedule.itemTypes()).containsExactly(
                new ItemType("CAREER_GUIDANCE", Mentee.EMPLOYED, 200L, 1000L, List.of()),
                new ItemType("INTERNSHIP_GUIDANCE", Mentee.NOT_EMPLOYED, 100L, 2000L, List.of()),
                new ItemType("JOB_PLACEMENT", Mentee.NOT_EMPLOYED, null, null,
                        List.of(new Part("insuredOneMonth", 1000, 1), new Part("insuredSixMonths", 4000, 6))),
                new ItemType("PUBLIC_WELFARE_ACTIVITY", Mentee.NONE, 1000L, null, List.of()));
    }

    @Test
    void an_edited_number_in_the_rules_is_the_number_the_schedule_uses() {
        Ruleset edited = new RulesetCompiler(Clock.systemUTC()).compile(
                withSchedule("maxConcurrentMentees : int = 5", "maxConcurrentMentees : int = 8"));
        try {
            assertThat(edited.catalogue().mentorSchedule().maxConcurrentMentees()).isEqualTo(8);
        } finally {
            edited.release();
        }
    }

    @Test
    void a_type_with_both_a_rate_and_parts_or_an_unknown_mentee_kind_is_refused_with_its_location() {
        List<String> problems = problems("@mentee(\"NONE\")\n    rate : int = 1000",
                "@mentee(\"NOBODY\")\n    rate : int = 1000\n    bonus : int = 500 @afterInsuredMonths(1)");

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(SCHEDULE + ":" + lineOf("declare PublicWelfareActivity") + ":")
                .contains("PublicWelfareActivity needs @mentee(\"EMPLOYED\")"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("PublicWelfareActivity needs either a rate or parts"));
    }

    @Test
    void a_limit_of_zero_a_stray_field_and_an_unknown_program_are_refused() {
        List<String> problems = problems("@mentorProgram(\"gba-workplace-mentor\")",
                "@mentorProgram(\"gba-mentor\")\n    notes : String = \"x\"",
                "maxConcurrentMentees : int = 5", "maxConcurrentMentees : int = 0");

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'gba-mentor', which is not a declared program"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("MentorSubsidySchedule.notes is not part of"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("MentorSubsidySchedule.maxConcurrentMentees must be `int` with a value of 1 or more"));
    }
}
