package org.policyadvisor.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver. Without Chromium a developer's build skips the browser
 * tests with a loud warning; in CI (CI=true) they are mandatory and a missing Chromium fails the build.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(boolean javascript, int width, int height) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
        if (!javascript) options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    private static Browser shared;

    /** One browser with scripting on for the whole test run (starting Chromium costs seconds); closed at exit. */
    static synchronized Browser shared() {
        if (shared == null) {
            shared = start(true, 1280, 1000);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    static Browser start(boolean javascript, int width, int height) {
        requireChromium();
        return new Browser(javascript, width, height);
    }

    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) return;
        String problem = "Chromium (" + CHROMIUM + ") or chromedriver (" + DRIVER + ") is missing: "
                + "apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("The browser tests are mandatory in CI. " + problem);
        System.err.println("\n" + "!".repeat(100) + "\n!!! BROWSER TESTS SKIPPED: " + problem + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(problem);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(50)).until(condition);
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, not only the window, through the DevTools protocol. */
    void fullPageScreenshot(String name) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", script("return document.documentElement.scrollWidth"),
                        "height", script("return document.documentElement.scrollHeight"))));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The window's content as a device of this size (a phone, a tablet, a laptop), through the DevTools protocol. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static String axeSource;

    /**
     * axe-core's WCAG 2.1 A and AA rules run on the page as it is now; one line per violation (rule, impact, where).
     * The script comes from the axe-core jar on the test class path.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        if (axeSource == null) {
            try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
                axeSource = new String(java.util.Objects.requireNonNull(in, "axe.min.js").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) script(axeSource);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) found;
    }

    /** The page printed to an A4 PDF by Chromium, saved beside the screenshots; its page count read by PDFBox. */
    int printedPages(String name) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        byte[] pdf = java.util.Base64.getDecoder().decode(driver.print(options).getContent());
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                lastPdfText = new PDFTextStripper().getText(document);
                return document.getNumberOfPages();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the last PDF printed by {@link #printedPages}. */
    String lastPdfText;

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
