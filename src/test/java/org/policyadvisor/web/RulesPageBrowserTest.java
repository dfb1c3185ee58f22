package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.reload.RulesWatcher;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.testing.RulesCopy;
import org.policyadvisor.testing.SampleRules;

/**
 * The rules status page in a real Chromium against the real GET /api/v1/rules and /history, wired as App wires them
 * (pipeline, watcher, admin token) over a copy of the real rules. One test walks the states in order, because each
 * edit changes what the next one sees.
 */
class RulesPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "rules-page-token";
    /** A program of the tests' own sample rules, so a change to the real catalogue never breaks this test. */
    private static final String PROGRAM = "programs/cash-grant/cash-grant";

    @TempDir
    static Path dir;

    private static Browser browser;
    private static RulesCopy rules;
    private static RulesPipeline pipeline;
    private static RulesWatcher watcher;
    private static TestServer server;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        rules = RulesCopy.of(SampleRules.DIR, dir);
        ActiveRuleset active = new ActiveRuleset();
        pipeline = new RulesPipeline(dir, active, Clock.systemUTC(), Duration.ZERO);
        assertThat(pipeline.reload().ok()).isTrue();
        watcher = RulesWatcher.start(dir, pipeline, RulesWatcher.QUIET_PERIOD);
        server = TestServer.startWith(new AdvisorApp.Deps(active, new Advisor(EvaluationLimits.DEFAULT), Clock.systemUTC(), pipeline, TOKEN));
    }

    @AfterAll
    static void stop() {
        if (watcher != null) watcher.close();
        if (server != null) server.close();
        if (pipeline != null) pipeline.close();
        if (server != null) server.rules.current().ifPresent(Ruleset::release);
    }

    @Test
    void the_page_shows_what_serves_each_refused_edit_with_its_place_or_failing_scenarios_and_the_versions_activated()
            throws IOException {
        JsonNode status = json(server.get("/api/v1/rules"));
        String original = status.get("version").asText();
        open("/rules?lang=en");
        assertThat(version()).isEqualTo(original);
        assertThat(text("#rules-version")).isEqualTo(original.substring(0, 19));
        WebElement activatedAt = browser.driver.findElement(By.cssSelector("#rules-active time"));
        assertThat(activatedAt.getAttribute("datetime")).isEqualTo(status.get("activatedAt").asText());
        // Read as a date and time with its zone, not ISO.
        assertThat(activatedAt.getText()).matches(".*\\d{4}.* \\d{1,2}:\\d{2}:\\d{2} (UTC|GMT|[A-Z]{2,5}).*");
        assertThat(text("#rules-attempt")).contains("Checked, tested and activated");
        // The file table is collapsed until asked for.
        WebElement filesTable = browser.driver.findElement(By.id("rules-files-table"));
        assertThat(filesTable.isDisplayed()).isFalse();
        browser.driver.findElement(By.cssSelector("#rules-files summary")).click();
        List<WebElement> files = browser.driver.findElements(By.cssSelector("#rules-files-table tbody tr"));
        assertThat(files).hasSize(status.get("files").size());
        JsonNode first = status.get("files").get(0);
        assertThat(files.get(0).getText()).contains(first.get("path").asText()).contains(first.get("sha256").asText().substring(0, 12));
        browser.fullPageScreenshot("rules-active");
        assertThat(browser.accessibilityViolations()).isEmpty();

        String drl = rules.read(PROGRAM + ".drl");
        rules.replace(PROGRAM + ".drl", "grantReceived == false", "grantReceived == ");
        JsonNode syntax = reload("REFUSED");
        JsonNode error = syntax.get("errors").get(0);
        String where = PROGRAM + ".drl:" + error.get("line").asInt() + ":" + error.get("column").asInt();
        open("/rules?lang=zh-Hans");
        assertThat(version()).isEqualTo(original);
        assertThat(text("#rules-attempt")).contains("被拒绝，仍使用上一版规则");
        WebElement firstError = browser.driver.findElement(By.cssSelector("#rules-errors tbody tr"));
        assertThat(firstError.findElement(By.cssSelector("td code")).getText()).isEqualTo(where);
        assertThat(firstError.getText()).contains(error.get("message").asText().lines().findFirst().orElseThrow());
        assertThat(firstError.findElement(By.cssSelector("td[lang=en]")).getText()).isNotBlank();
        // Each error once.
        List<String> rows = browser.driver.findElements(By.cssSelector("#rules-errors tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).doesNotHaveDuplicates();
        browser.fullPageScreenshot("rules-refused-syntax");
        assertThat(browser.accessibilityViolations()).isEmpty();
        open("/rules?lang=en");

        rules.add(PROGRAM + ".drl", drl).replace(PROGRAM + ".yaml", "amount: 5000", "amount: 7000");
        JsonNode failing = reload("REFUSED");
        assertThat(failing.get("testsFailed").asInt()).isPositive();
        browser.driver.findElement(By.cssSelector("#rules-active button.refresh")).click();
        browser.waitUntil(d -> !d.findElements(By.id("rules-failing")).isEmpty());
        List<String> names = StreamSupport.stream(failing.get("failingScenarios").spliterator(), false)
                .map(scenario -> scenario.get("name").asText()).toList();
        assertThat(browser.driver.findElements(By.cssSelector("#rules-failing > li strong")))
                .extracting(WebElement::getText).containsExactlyElementsOf(names);
        assertThat(text("#rules-attempt")).contains("Scenario tests failed\n" + failing.get("testsFailed").asInt());
        browser.fullPageScreenshot("rules-refused-scenarios");

        rules.replace(PROGRAM + ".yaml", "amount: 7000", "amount: 5000").add(PROGRAM + ".drl", drl + "\n// reviewed\n");
        String edited = reload("ACTIVATED", "UNCHANGED").get("version").asText();
        open("/rules?lang=en");
        assertThat(version()).isEqualTo(edited);
        assertThat(browser.driver.findElements(By.cssSelector("#rules-history-table tbody tr td code")))
                .extracting(e -> e.getAttribute("data-version")).containsExactly(edited, original);

        String english = text("#rules-history h2");
        browser.driver.findElement(By.cssSelector(".langs a[data-lang='zh-Hant']")).click();
        browser.waitUntil(d -> text("#rules-history h2").equals("啟動以來生效過的版本"));
        assertThat(text("#rules-active h2")).isEqualTo("當前生效的規則");
        assertThat(text("header h1")).isEqualTo("政策規則狀態");
        assertThat(version()).isEqualTo(edited);
        browser.driver.findElement(By.cssSelector(".langs a[data-lang='zh-Hans']")).click();
        browser.waitUntil(d -> text("#rules-history h2").equals("启动以来生效过的版本"));
        assertThat(browser.script("return document.querySelector('#rules-files th').textContent")).isEqualTo("文件");
        browser.fullPageScreenshot("rules-history-zh-Hans");
        browser.driver.findElement(By.cssSelector(".langs a[data-lang='en']")).click();
        browser.waitUntil(d -> text("#rules-history h2").equals(english));
    }

    /**
     * POST /api/v1/rules/reload with the admin token. The watcher may have built the edit first: a refusal is then
     * answered again as it was, an activation as UNCHANGED with the same version.
     */
    private static JsonNode reload(String... results) throws IOException {
        HttpResponse<String> response = server.post("/api/v1/rules/reload", null, "", "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode attempt = json(response);
        assertThat(attempt.get("result").asText()).as(response.body()).isIn((Object[]) results);
        return attempt;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void open(String path) {
        browser.driver.get(server.uri(path).toString());
        browser.waitUntil(d -> !d.findElements(By.id("rules-attempt")).isEmpty());
    }

    /** The full version the page shows in short, as its copy button would copy it. */
    private static String version() {
        return (String) browser.script("return document.querySelector('#rules-active .version-copy').dataset.version");
    }

    /** Read in one script call: the page re-renders on a language switch, which would make a found element stale. */
    private static String text(String css) {
        return (String) browser.script("return document.querySelector(arguments[0]).innerText", css);
    }
}
