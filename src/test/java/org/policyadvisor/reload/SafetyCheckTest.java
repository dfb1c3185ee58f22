package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyadvisor.RealRules;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.RulesDirectory;

class SafetyCheckTest {

    private final SafetyCheck check = new SafetyCheck();

    private List<RuleProblem> problems(String drl) {
        return check.check(List.of(RuleFile.of("programs/x/x.drl", drl)));
    }

    /** The tiny ruleset's program file with {@code consequence} as line 15, after {@code then}. */
    private static String rule(String consequence) {
        return RulesFixture.tiny(100).get(RulesFixture.TINY_DRL).replace("then\n", "then\n" + consequence + "\n");
    }

    @Test
    void the_real_rules_pass() {
        assertThat(check.check(RulesDirectory.read(RealRules.DIR))).isEmpty();
    }

    @Test
    void system_exit_in_a_consequence_is_refused_at_its_line_and_column() {
        List<RuleProblem> problems = problems(rule("    System.exit(0);"));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo(new RuleProblem("programs/x/x.drl", 15, 5,
                "'System' reaches the JVM or the operating system and is not allowed in rules"));
        assertThat(problems.get(1).message()).startsWith("'exit'");
        assertThat(problems.get(1).toString()).startsWith("programs/x/x.drl:15:12: ");
    }

    @Test
    void an_import_outside_the_allow_list_is_refused() {
        List<RuleProblem> problems = problems("package policy;\n\nimport java.io.File;\nimport java.time.LocalDate;\n" + rule(""));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).startsWith("import java.io.File is not allowed");
        });
    }

    @Test
    void wildcard_static_and_function_imports_are_judged_by_their_full_name() {
        assertThat(problems("import java.util.*;\nimport static java.lang.Math.max;\nimport function org.x.Util.run;\n"))
                .extracting(RuleProblem::message)
                .containsExactly("import java.util.* is not allowed; rules may import only " + allowList(),
                        "import java.lang.Math.max is not allowed; rules may import only " + allowList(),
                        "import org.x.Util.run is not allowed; rules may import only " + allowList());
    }

    @Test
    void a_fully_qualified_class_outside_the_allow_list_is_refused_even_with_spaces_around_the_dots() {
        assertThat(problems(rule("    new java . net . Socket(\"h\", 1);")))
                .extracting(RuleProblem::message)
                .containsExactly("'java.net.Socket' is outside the classes rules may use " + allowList());
    }

    @Test
    void reflection_is_refused_in_every_form() {
        assertThat(problems(rule("    Object o = \"\".getClass().getDeclaredMethod(\"x\").invoke(null);")))
                .extracting(p -> p.message().substring(0, p.message().indexOf('\'', 1) + 1))
                .containsExactly("'getClass'", "'getDeclaredMethod'", "'invoke'");
        assertThat(problems(rule("    Object c = java.time.LocalDate.class.getClassLoader();")))
                .extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("'.class' is reflection"))
                .anySatisfy(m -> assertThat(m).startsWith("'getClassLoader' is reflection"));
    }

    @Test
    void threads_and_files_are_refused() {
        assertThat(problems(rule("    new Thread(() -> {}).start();\n    Files.readString(Path.of(\"/etc/passwd\"));")))
                .extracting(p -> p.message().substring(0, p.message().indexOf(' ')))
                .containsExactly("'Thread'", "'Files'", "'Path'");
    }

    @Test
    void a_unicode_escape_cannot_hide_a_forbidden_name() {
        List<RuleProblem> problems = problems(rule("    \\u0053ystem.exit(1);"));

        assertThat(problems).extracting(RuleProblem::message)
                .contains("the unicode escape \\u0053 hides the character 'S'; write the character itself",
                        "'System' reaches the JVM or the operating system and is not allowed in rules");
        assertThat(problems.get(0).column()).isEqualTo(5);
    }

    @Test
    void a_unicode_newline_cannot_end_a_comment_early_to_hide_code() {
        assertThat(problems(rule("    // harmless \\u000a Runtime.getRuntime().halt(0);")))
                .extracting(RuleProblem::message)
                .contains("the unicode escape \\u000a hides the character '\\x0a'; write the character itself")
                .anySatisfy(m -> assertThat(m).startsWith("'Runtime'"));
    }

    @Test
    void loops_in_a_consequence_and_recursive_functions_are_refused() {
        assertThat(problems(rule("    while (true) { }")))
                .extracting(RuleProblem::message)
                .singleElement().asString().startsWith("'while' is a loop");
        assertThat(problems("function int spin(int n) {\n    return spin(n + 1);\n}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).isEqualTo("function spin calls itself; recursion is not allowed in rules");
                });
    }

    @Test
    void a_function_that_does_forbidden_things_is_refused() {
        assertThat(problems("function void leak(String s) {\n    ProcessBuilder b = new ProcessBuilder(s);\n}\n"))
                .extracting(RuleProblem::line)
                .containsExactly(2, 2);
    }

    @Test
    void forbidden_words_in_comments_texts_and_metadata_are_harmless() {
        assertThat(problems("""
                package policy;
                // System.exit would be refused here, but this is a comment
                /* so is Runtime.getRuntime() in a block comment */
                rule "for-persons: while System says so, for the Thread"
                    @criterion("for-persons") @fields("applicantType")
                when
                    Applicant(applicantType == "java.io.File", residency != 'System')
                then
                end
                """)).isEmpty();
    }

    @Test
    void only_drl_files_are_checked() {
        assertThat(check.check(List.of(RuleFile.of("x.yaml", "text: System.exit(0)")))).isEmpty();
    }

    private static String allowList() {
        return "(" + String.join(", ", SafetyCheck.ALLOWED_IMPORTS.stream().sorted().toList()) + ")";
    }
}
