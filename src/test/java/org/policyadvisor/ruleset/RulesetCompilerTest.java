package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.testing.RulesCopy;
import org.policyadvisor.testing.SampleRules;

class RulesetCompilerTest {

    private final RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());

    private List<RuleProblem> problemsOf(Path dir) {
        try {
            compiler.compile(RulesDirectory.read(dir)).release();
        } catch (RulesetRejected e) {
            return e.problems();
        }
        throw new AssertionError("the rules compiled");
    }

    @Test
    void a_syntax_error_is_reported_with_its_file_and_line(@TempDir Path dir) {
        RulesCopy.of(SampleRules.DIR, dir).replace("programs/free-advice/free-advice.drl", "end", "ennd");
        assertThat(problemsOf(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("programs/free-advice/free-advice.drl");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void a_criterion_without_a_text_is_located_at_its_rule(@TempDir Path dir) {
        RulesCopy.of(SampleRules.DIR, dir).replace("common/criteria.drl", "@criterion(\"hk-resident\")", "@criterion(\"hk-residnet\")");
        assertThat(problemsOf(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("common/criteria.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("hk-residnet", "no text");
        });
    }

    @Test
    void a_condition_reading_an_undeclared_question_is_refused(@TempDir Path dir) {
        RulesCopy.of(SampleRules.DIR, dir).replace("common/criteria.drl", "residency == \"HK\"", "residence == \"HK\"");
        assertThat(problemsOf(dir)).anySatisfy(p -> assertThat(p.message())
                .isEqualTo("`residence` is not a field of Applicant (did you mean `residency`?)"));
    }

    @Test
    void a_program_without_its_description_or_with_a_bad_date_is_refused(@TempDir Path dir) throws Exception {
        RulesCopy copy = RulesCopy.of(SampleRules.DIR, dir).replace("programs/free-advice/free-advice.drl", "2022-06-14", "2022-14-06");
        java.nio.file.Files.delete(dir.resolve("programs/company-help/company-help.yaml"));
        assertThat(problemsOf(copy.dir())).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("company-help", "company-help.yaml"))
                .anySatisfy(m -> assertThat(m).contains("effectiveFrom", "2022-14-06"));
    }

    @Test
    void a_text_missing_a_language_is_located_in_its_yaml_file(@TempDir Path dir) {
        RulesCopy.of(SampleRules.DIR, dir).replace("assumptions.yaml", "zh-Hant:", "zh-Hnt:");
        assertThat(problemsOf(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("assumptions.yaml");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void the_version_depends_only_on_the_files_paths_and_contents() {
        List<RuleFile> files = RulesDirectory.read(SampleRules.DIR);
        assertThat(RulesetCompiler.version(files)).isEqualTo(RulesetCompiler.version(RulesDirectory.read(SampleRules.DIR)))
                .isEqualTo(SampleRules.ruleset().version());
        List<RuleFile> changed = new java.util.ArrayList<>(files);
        changed.set(0, new RuleFile(files.get(0).path(), (files.get(0).text() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(RulesetCompiler.version(changed)).isNotEqualTo(RulesetCompiler.version(files));
    }
}
