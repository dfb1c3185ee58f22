package org.policyadvisor.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.testing.RulesCopy;

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
        RulesCopy.of(dir).replace("programs/hk-residents-guide/hk-residents-guide.drl", "end", "ennd");
        assertThat(problemsOf(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("programs/hk-residents-guide/hk-residents-guide.drl");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void a_criterion_without_a_text_is_located_at_its_rule(@TempDir Path dir) {
        RulesCopy.of(dir).replace("common/criteria.drl", "@criterion(\"hk-resident\")", "@criterion(\"hk-residnet\")");
        assertThat(problemsOf(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("common/criteria.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("hk-residnet", "no text");
        });
    }

    @Test
    void a_condition_reading_an_undeclared_question_is_refused(@TempDir Path dir) {
        RulesCopy.of(dir).replace("common/criteria.drl", "residency == \"HK\"", "residence == \"HK\"");
        assertThat(problemsOf(dir)).anySatisfy(p -> assertThat(p.message())
                .isEqualTo("`residence` is not a field of Applicant (did you mean `residency`?)"));
    }

    @Test
    void a_program_without_its_description_or_with_a_bad_date_is_refused(@TempDir Path dir) throws Exception {
        RulesCopy copy = RulesCopy.of(dir).replace("programs/hk-residents-guide/hk-residents-guide.drl", "2022-06-14", "2022-14-06");
        java.nio.file.Files.delete(dir.resolve("programs/cross-border-medical/cross-border-medical.yaml"));
        assertThat(problemsOf(copy.dir())).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("cross-border-medical", "cross-border-medical.yaml"))
                .anySatisfy(m -> assertThat(m).contains("effectiveFrom", "2022-14-06"));
    }

    @Test
    void a_text_missing_a_language_is_located_in_its_yaml_file(@TempDir Path dir) {
        RulesCopy.of(dir).replace("assumptions.yaml", "zh-Hant:", "zh-Hnt:");
        assertThat(problemsOf(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("assumptions.yaml");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void the_version_depends_only_on_the_files_paths_and_contents() {
        List<RuleFile> files = RulesDirectory.read(RealRules.DIR);
        assertThat(RulesetCompiler.version(files)).isEqualTo(RulesetCompiler.version(RulesDirectory.read(RealRules.DIR)))
                .isEqualTo(RealRules.ruleset().version());
        List<RuleFile> changed = new java.util.ArrayList<>(files);
        changed.set(0, new RuleFile(files.get(0).path(), (files.get(0).text() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(RulesetCompiler.version(changed)).isNotEqualTo(RulesetCompiler.version(files));
    }
}
