package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.CheckCommand;
import org.policyadvisor.RealRules;
import org.policyadvisor.testing.SampleRules;

class CheckCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int check(Path rules) {
        return CheckCommand.run(rules, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_real_rules_pass_with_exit_code_0() {
        assertThat(check(RealRules.DIR)).isZero();
        assertThat(output()).startsWith("OK sha256:").contains("scenarios passed");
    }

    @Test
    void the_tests_own_sample_rules_pass_with_every_scenario() {
        assertThat(check(SampleRules.DIR)).isZero();
        assertThat(output()).startsWith("OK sha256:").contains("scenarios passed");
    }

    @Test
    void a_broken_rules_directory_fails_with_exit_code_1_and_file_line_column_messages() {
        Map<String, String> files = RulesFixture.tiny(100);
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL).replace("Applicant(age >= 18)", "Applicant(age >= 18"));
        RulesFixture.write(dir, files);

        assertThat(check(dir)).isEqualTo(1);
        assertThat(output().lines().findFirst().orElseThrow()).matches("programs/tiny/tiny\\.drl:\\d+:\\d+: .+");
        assertThat(output()).contains("REFUSED");
    }

    @Test
    void code_in_a_consequence_fails_with_its_line_and_column() {
        Map<String, String> files = RulesFixture.tiny(100);
        files.put(RulesFixture.TINY_DRL, files.get(RulesFixture.TINY_DRL).replace("then\n", "then\n    new Thread().start();\n"));
        RulesFixture.write(dir, files);

        assertThat(check(dir)).isEqualTo(1);
        assertThat(output()).startsWith("programs/tiny/tiny.drl:15:5: a consequence may only hold `insert(new Type(…));` and"
                + " `modify($fact) { setField(…) }`; `new` cannot start a statement");
    }

    @Test
    void failing_scenarios_are_named() {
        RulesFixture.write(dir, RulesFixture.tiny(100, 90));

        assertThat(check(dir)).isEqualTo(1);
        assertThat(output()).contains(RulesFixture.TINY_SCENARIOS + ":4:11: scenario \"An adult gets the cash\" fails: eligibleCash: expected 90 but was 100")
                .contains("FAILED " + RulesFixture.TINY_SCENARIOS + ": An adult gets the cash")
                .contains("1 of 2 scenarios failed");
    }

    @Test
    void a_missing_directory_fails_with_exit_code_1() {
        assertThat(check(dir.resolve("nowhere"))).isEqualTo(1);
        assertThat(output()).contains("cannot read the rules directory");
    }
}
