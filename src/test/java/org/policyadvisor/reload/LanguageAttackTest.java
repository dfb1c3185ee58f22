package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyadvisor.CheckCommand;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.web.AdvisorApp;

/**
 * A rule file is code to Drools, so each way to run code from one is tried, as an attacker would: each attack would
 * create a marker file. {@code check} and {@code POST /api/v1/rules/validate} must refuse it with its place and the
 * rule of the language it breaks, and the marker must not exist afterwards: no code ran.
 */
class LanguageAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "attack-test-token";

    @TempDir
    static Path shared;

    private static RulesPipeline pipeline;
    private static TestServer server;

    @BeforeAll
    static void serve() {
        Path rules = shared.resolve("serving");
        RulesFixture.write(rules, RulesFixture.tiny(100));
        ActiveRuleset active = new ActiveRuleset();
        pipeline = new RulesPipeline(rules, active, Clock.systemUTC(), Duration.ZERO);
        assertThat(pipeline.reload().ok()).isTrue();
        server = TestServer.startWith(new AdvisorApp.Deps(active, new Advisor(EvaluationLimits.DEFAULT), Clock.systemUTC(), pipeline, TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
        pipeline.close();
        server.rules.current().ifPresent(Ruleset::release);
    }

    /** Where the tiny ruleset's program file is changed; its one rule's condition is line 13, `then` line 14. */
    private static UnaryOperator<String> consequence(String code) {
        return drl -> drl.replace("then\n", "then\n" + code + "\n");
    }

    private static UnaryOperator<String> condition(String extra) {
        return drl -> drl.replace("Applicant(age >= 18)\n", "Applicant(age >= 18)\n" + extra + "\n");
    }

    private static UnaryOperator<String> header(String extra) {
        return drl -> drl.replace("package policy;\n", "package policy;\n" + extra + "\n");
    }

    private static UnaryOperator<String> appended(String extra) {
        return drl -> drl + "\n" + extra + "\n";
    }

    private static final String TOUCH = "new java.io.File(\"MARKER\").createNewFile()";

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("code in a consequence (the default dialect)", consequence("    " + TOUCH + ";"),
                        15, "a consequence may only hold `insert(new Type(…));` and `modify($fact) { setField(…) }`"),
                Arguments.of("code in a consequence of the MVEL dialect", (UnaryOperator<String>) drl -> consequence("    " + TOUCH + ";")
                        .apply(drl.replace("when\n", "    dialect \"mvel\"\nwhen\n")),
                        12, "`dialect` is not allowed"),
                Arguments.of("code in a consequence of the Java dialect, hidden after a multi-line string",
                        consequence("    String s = \"\n\"; " + TOUCH + ";"), 15, "`=` is not part of the rules language"),
                Arguments.of("a multi-line string in a condition", condition("    Applicant(age == \"1\n\".length())"),
                        14, "text in quotes must end on the line where it starts"),
                Arguments.of("a Java text block in a consequence",
                        consequence("    insert(new Tiny(\"\"\"\n    \"); " + TOUCH + "; //\"\"\"));"), 15, "text blocks"),
                Arguments.of("eval", condition("    eval(" + TOUCH + ")"), 14, "`eval` is not allowed"),
                Arguments.of("a function", appended("function boolean touch() { return " + TOUCH + "; }"),
                        17, "`function` is not allowed"),
                Arguments.of("two functions calling each other", appended(
                        "function int ping(int n) { return pong(n); }\nfunction int pong(int n) { return ping(n); }"),
                        17, "`function` is not allowed"),
                Arguments.of("from", condition("    $x : Object() from " + TOUCH), 14, "`from` is not allowed"),
                Arguments.of("accumulate with init and action code", condition(
                        "    Number() from accumulate(Applicant(), init(boolean b = " + TOUCH + ";), action(b = true;), result(0))"),
                        14, "`accumulate` may only use count, max, min, sum"),
                Arguments.of("accumulate with a function that is not built in", condition(
                        "    accumulate(Applicant($a : age); $all : collectList($a))"),
                        14, "`collectList` is not allowed in `accumulate`"),
                Arguments.of("accumulate of a built-in function over code", condition(
                        "    accumulate(Applicant($a : age); $s : sum($a + java.nio.file.Files.size(java.nio.file.Files.createFile(java.nio.file.Path.of(\"MARKER\")))))"),
                        14, "`java` is not a `$variable` bound in the `when` part"),
                Arguments.of("a global", header("global java.io.File marker;"), 2, "`global` is not allowed"),
                Arguments.of("a declared field's default that is code", appended(
                        "declare Attack\n    done : boolean = " + TOUCH + "\nend"), 18, "the default of `done` must be a plain value"),
                Arguments.of("metadata whose value is code", (UnaryOperator<String>) drl -> drl.replace("@criterion(\"adult\")", "@criterion(" + TOUCH + ")"),
                        11, "the value of @criterion must be a plain value"),
                Arguments.of("class loading by a concatenated name", condition(
                        "    Applicant(age > 0 || Class.forName(\"java.io.Fi\" + \"le\") != null)"),
                        14, "`Class` is not a field of Applicant"),
                Arguments.of("reflection through getClass()", condition(
                        "    Applicant(age.getClass().getClassLoader() != null)"), 14, "`.getClass` can only read a field"),
                Arguments.of("a class literal", condition("    Applicant(this != java.io.File.class)"), 14, "`this` is not a field of Applicant"),
                Arguments.of("an import outside the allowed list", header("import java.io.File;"), 2,
                        "`import java.io.File` is not allowed: rules may import only java.time.LocalDate"),
                Arguments.of("a dialect switch for the whole file", header("dialect \"java\""), 2, "`dialect` is not allowed"),
                Arguments.of("a unicode escape that ends a comment in Java",
                        consequence("    // \\u000a " + TOUCH + ";"), 15, "unicode escapes (\\u…) are not allowed"),
                Arguments.of("a method call in a condition", condition("    Applicant(age >= 18, " + TOUCH + " == true)"),
                        14, "`new` may only be used as `insert(new Type(…));`"),
                Arguments.of("a loop in a consequence", consequence("    while (true) { }"), 15, "`while` cannot start a statement"),
                Arguments.of("a static call in a consequence", consequence("    insert(new Tiny(java.lang.System.exit(0)));"),
                        15, "`java` is not a `$variable` bound in the `when` part"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void is_refused_by_check_with_its_place_and_no_code_runs(String attack, UnaryOperator<String> change, int line, String message,
                                                            @TempDir Path dir) {
        Path marker = dir.resolve("marker");
        RulesFixture.write(dir.resolve("rules"), attacked(change, marker));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = CheckCommand.run(dir.resolve("rules"), new PrintStream(output, true, StandardCharsets.UTF_8));

        String report = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isEqualTo(1);
        assertThat(report.lines()).as(report).anySatisfy(l -> assertThat(l).startsWith(RulesFixture.TINY_DRL + ":" + line + ":").contains(message));
        assertThat(report).doesNotContain("org.drools", "java.lang.", "Exception");
        assertThat(Files.exists(marker)).as("the attack's code ran").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void is_refused_by_validate_with_its_place_and_no_code_runs(String attack, UnaryOperator<String> change, int line, String message,
                                                               @TempDir Path dir) throws IOException {
        Path marker = dir.resolve("marker");

        HttpResponse<String> response = server.postJson("/api/v1/rules/validate", JSON.writeValueAsString(attacked(change, marker)),
                "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("result").asText()).isEqualTo("REFUSED");
        assertThat(body.get("errors")).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("file").asText()).isEqualTo(RulesFixture.TINY_DRL);
            assertThat(error.get("line").asInt()).isEqualTo(line);
            assertThat(error.get("column").asInt()).isPositive();
            assertThat(error.get("message").asText()).contains(message);
        });
        assertThat(Files.exists(marker)).as("the attack's code ran").isFalse();
    }

    private static Map<String, String> attacked(UnaryOperator<String> change, Path marker) {
        Map<String, String> files = RulesFixture.tiny(100);
        files.put(RulesFixture.TINY_DRL, change.apply(files.get(RulesFixture.TINY_DRL)).replace("MARKER", marker.toString()));
        return files;
    }
}
