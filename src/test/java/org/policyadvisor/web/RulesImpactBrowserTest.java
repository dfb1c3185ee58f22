package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.records.Records;
import org.policyadvisor.records.Storage;
import org.policyadvisor.reload.ReloadObserver;
import org.policyadvisor.reload.RulesFixture;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/** The rules page checks a candidate zip with the admin token and shows what it would change for saved consultations. */
class RulesImpactBrowserTest {

    private static final String TOKEN = "impact-page-token";

    @TempDir
    Path dir;

    @Test
    void a_checked_candidate_shows_the_saved_consultations_it_would_change() throws IOException {
        Browser browser = Browser.shared();
        Path rulesDir = Files.createDirectory(dir.resolve("rules"));
        RulesFixture.write(rulesDir, RulesFixture.tiny(100));
        ActiveRuleset active = new ActiveRuleset();
        Records records = Records.open(new Records.Settings(Storage.embedded(dir.resolve("data")), 180, 90), active, Clock.systemUTC());
        RulesPipeline pipeline = new RulesPipeline(rulesDir, active, Clock.systemUTC(), Duration.ZERO,
                ReloadObserver.both(ReloadObserver.NONE, records.archive()), records.pastCases());
        assertThat(pipeline.reload().ok()).isTrue();
        try (TestServer server = TestServer.startWith(new AdvisorApp.Deps(active, new Advisor(EvaluationLimits.DEFAULT), Clock.systemUTC(),
                pipeline, TOKEN, new ServiceMetrics(), records))) {
            assertThat(server.postJson("/api/v1/consultations", "{\"age\": 30}").statusCode()).isEqualTo(201);
            assertThat(server.postJson("/api/v1/consultations", "{\"age\": 50}").statusCode()).isEqualTo(201);
            Map<String, String> stricter = new LinkedHashMap<>(RulesFixture.tiny(100));
            stricter.put(RulesFixture.TINY_DRL, stricter.get(RulesFixture.TINY_DRL).replace("age >= 18", "age >= 40"));
            Path zip = zip(stricter, dir.resolve("candidate.zip"));

            browser.driver.get(server.uri("/rules?lang=en").toString());
            browser.waitUntil(d -> !d.findElements(By.id("rules-validate-form")).isEmpty());
            browser.driver.findElement(By.cssSelector("#rules-validate-form input[name=candidate]")).sendKeys(zip.toString());
            browser.driver.findElement(By.cssSelector("#rules-validate-form input[name=token]")).sendKeys(TOKEN);
            browser.driver.findElement(By.cssSelector("#rules-validate-form button[type=submit]")).click();
            WebElement summary = browser.waitUntil(d -> d.findElements(By.cssSelector("[data-impact=consultations]")).stream().findFirst().orElse(null));

            assertThat(summary.getAttribute("data-considered")).isEqualTo("2");
            assertThat(summary.getAttribute("data-changed")).isEqualTo("1");
            assertThat(summary.getText()).isEqualTo("2 recently saved consultations considered; 1 would get a different answer.");
            WebElement row = browser.driver.findElement(By.cssSelector("#rules-impact-transitions tr[data-program=tiny]"));
            assertThat(row.getText()).isEqualTo("tiny Eligible Not eligible 1");
            assertThat(browser.driver.findElement(By.id("rules-validate-report")).getText()).contains("Refused; the previous rules keep serving");
            browser.fullPageScreenshot("rules-impact-consultations");
        } finally {
            pipeline.close();
            records.close();
            active.current().ifPresent(Ruleset::release);
        }
    }

    private static Path zip(Map<String, String> files, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return target;
    }
}
