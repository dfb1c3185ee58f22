package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyadvisor.web.DeskBrowserTest.PERSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.openqa.selenium.support.ui.Select;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.records.Records;
import org.policyadvisor.records.Storage;
import org.policyadvisor.reload.ReloadObserver;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Save and Open reference on the desk, in a real Chromium against the service wired as App wires it with consultation
 * records (an embedded database in a temporary folder) on the real rules.
 */
class DeskRecordsBrowserTest {

    @TempDir
    static Path data;

    private static final ActiveRuleset active = new ActiveRuleset();
    private static Records records;
    private static RulesPipeline pipeline;
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
        DeskBrowserTest.browser = browser; // its helpers (answer, printMedia) drive the same shared browser
        records = Records.open(new Records.Settings(Storage.embedded(data), 180, 90), active, Clock.systemUTC());
        pipeline = new RulesPipeline(RealRules.DIR, active, Clock.systemUTC(), Duration.ZERO,
                ReloadObserver.both(ReloadObserver.NONE, records.archive()), records.pastCases());
        assertThat(pipeline.reload().ok()).isTrue();
        server = TestServer.startWith(new AdvisorApp.Deps(active, new Advisor(EvaluationLimits.DEFAULT), Clock.systemUTC(), pipeline, null,
                new ServiceMetrics(), records));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (pipeline != null) pipeline.close();
        if (records != null) records.close();
        active.current().ifPresent(Ruleset::release);
    }

    @Test
    void save_shows_the_reference_and_its_qr_code_on_the_handout_and_open_reference_brings_the_answers_back_with_what_changed()
            throws IOException {
        open();
        // Decided as of a day in 2020, so that today's rules answer differently: the reopened desk shows what changed.
        browser.script("document.getElementById('asOf').value = '2020-06-01'");
        DeskBrowserTest.answer(PERSON);
        browser.driver.findElement(By.cssSelector("[data-action=save]")).click();
        WebElement shown = browser.waitUntil(d -> d.findElements(By.cssSelector("[data-role=reference]:not([hidden]) .ref")).stream()
                .findFirst().orElse(null));
        String reference = shown.getText();
        assertThat(reference).matches("[0-9A-Z]+(-[0-9A-Z]+)+");

        JsonNode saved = Json.MAPPER.readTree(server.get("/api/v1/consultations/" + reference).body());
        PERSON.forEach((field, value) -> assertThat(saved.at("/profile/" + field).asText()).as(field).isEqualTo(value));
        assertThat(browser.driver.findElement(By.cssSelector("#desk-handout .handout-reference")).getAttribute("textContent")).isEqualTo(reference);
        WebElement qr = browser.driver.findElement(By.cssSelector("#desk-handout img.qr"));
        assertThat(qr.getAttribute("src")).endsWith("/c/" + reference + "/qr.svg");
        browser.waitUntil(d -> (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        int pages = browser.printedPages("handout-saved-en");
        assertThat(pages).isBetween(1, 2);
        assertThat(browser.lastPdfText).contains(reference).contains("2020-06-01");
        DeskBrowserTest.printMedia(() -> browser.fullPageScreenshot("handout-saved-en"));
        browser.screenshot("desk-saved-en");
        assertThat(browser.accessibilityViolations()).isEmpty();

        // Changing an answer: the reference no longer says what is on screen, so it goes.
        new Select(browser.driver.findElement(By.id("workDistrict"))).selectByValue("OTHER_SHENZHEN");
        browser.waitUntil(d -> d.findElement(By.cssSelector("[data-role=reference]")).getAttribute("hidden") != null);

        // Open reference on a fresh desk: the answers come back, decided today, with what changed since.
        open();
        browser.driver.findElement(By.id("desk-open-ref")).sendKeys(reference.toLowerCase());
        browser.driver.findElement(By.cssSelector("[data-action=open]")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#desk-changes:not([hidden]) > *")).isEmpty());
        PERSON.forEach((field, value) -> assertThat(new Select(browser.driver.findElement(By.id(field))).getFirstSelectedOption()
                .getAttribute("value")).as(field).isEqualTo(value));
        assertThat(browser.driver.findElement(By.cssSelector("[data-role=reference] .ref")).getText()).isEqualTo(reference);
        assertThat(browser.driver.findElement(By.cssSelector("[data-role=reference]")).getText()).doesNotContain("[object");
        JsonNode replay = Json.MAPPER.readTree(server.get("/api/v1/consultations/" + reference + "/replay").body());
        List<String> changed = StreamSupport.stream(replay.get("changes").spliterator(), false).map(c -> c.get("program").asText()).toList();
        assertThat(changed).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#desk-changes li[data-program]")))
                .extracting(li -> li.getAttribute("data-program")).containsExactlyElementsOf(changed);
        browser.screenshot("desk-opened-reference-en");
        assertThat(browser.accessibilityViolations()).isEmpty();

        // An unknown reference is said so, in the desk's language.
        browser.driver.findElement(By.id("desk-open-ref")).clear();
        browser.driver.findElement(By.id("desk-open-ref")).sendKeys("LH-0000-0000-0000");
        browser.driver.findElement(By.cssSelector("[data-action=open]")).click();
        WebElement message = browser.waitUntil(d -> d.findElements(By.cssSelector("#desk-tools-message:not([hidden])")).stream().findFirst().orElse(null));
        assertThat(message.getText()).isEqualTo(Messages.load().get("desk.openFailed", Lang.EN));
    }

    private static void open() {
        browser.driver.get(server.uri("/?lang=en").toString());
        browser.waitUntil(d -> d.findElements(By.cssSelector("#desk-verdicts .verdicts")).size() == 1
                && d.findElement(By.id("desk-results")).getAttribute("aria-busy") == null);
    }
}
