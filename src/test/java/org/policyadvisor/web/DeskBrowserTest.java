package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;

/** The consultant desk in a real Chromium against the real service and the real rules. */
class DeskBrowserTest {

    private static final Catalogue CATALOGUE = RealRules.ruleset().catalogue();
    private static final TestServer server = TestServer.shared();
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
    }

    @Test
    void a_persons_answers_show_the_60000_subsidy_without_pressing_submit() {
        open("/?lang=en");
        assertThat(programStatus("talent-living-subsidy")).isEqualTo("NEEDS_INFO");

        choose("residency", "HK");
        // The previous result stays on screen while the next one is on its way.
        assertThat(browser.driver.findElements(By.cssSelector("#desk-verdicts .program"))).isNotEmpty();
        choose("highestEducation", "BACHELOR");
        choose("employmentStatus", "EMPLOYED");
        choose("workDistrict", "LUOHU");
        choose("livingSubsidyReceived", "false");

        waitForStatus("talent-living-subsidy", "ELIGIBLE");
        WebElement eligible = browser.driver.findElement(By.cssSelector(".group.eligible"));
        assertThat(eligible.findElement(By.id("program-talent-living-subsidy")).getText()).contains("60,000");
        assertThat(browser.driver.findElement(By.id("desk-total")).getText()).contains("60,000");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/api/v1/advice");
        browser.screenshot("desk-person-eligible");
        browser.fullPageScreenshot("desk-person-eligible-full");
    }

    @Test
    void each_program_shows_availability_how_to_apply_assumptions_and_its_source_on_demand() {
        open("/?lang=en");
        WebElement card = browser.driver.findElement(By.id("program-community-hk-service"));
        assertThat(card.findElement(By.cssSelector(".badge.PILOT")).getText()).isEqualTo("Pilot");
        assertThat(card.findElement(By.cssSelector(".apply")).getText()).startsWith("How to apply:");
        assertThat(card.findElement(By.cssSelector("details.assumptions summary")).getText()).contains("A");
        WebElement quote = card.findElement(By.cssSelector("details.source blockquote"));
        assertThat(quote.isDisplayed()).isFalse();
        card.findElement(By.cssSelector("details.source summary")).click();
        assertThat(quote.isDisplayed()).isTrue();
        assertThat(quote.getText()).isNotBlank();
    }

    @Test
    void not_eligible_programs_are_collapsed_with_their_unmet_criteria_and_near_misses_first() {
        open("/?lang=en");
        choose("residency", "MAINLAND");
        choose("age", "30");
        choose("seeksGbaCareer", "true");
        waitForStatus("gba-mentee", "NOT_ELIGIBLE");

        WebElement group = browser.driver.findElement(By.cssSelector("details.group.not-eligible"));
        assertThat(group.getAttribute("open")).isNull();
        group.findElement(By.tagName("summary")).click();
        List<WebElement> programs = group.findElements(By.cssSelector(".program"));
        WebElement first = programs.get(0);
        assertThat(first.findElement(By.cssSelector(".near-miss")).getText()).isEqualTo("One criterion away");
        assertThat(first.findElements(By.cssSelector(".unmet li"))).hasSize(1);
        WebElement mentee = group.findElement(By.id("program-gba-mentee"));
        assertThat(mentee.findElement(By.cssSelector(".unmet li")).getText()).isEqualTo(criterionText("hk-resident", Lang.EN));
        // A person is not one criterion away from an organization's program: those come last, unmarked.
        WebElement forOrganizations = programs.get(programs.size() - 1);
        assertThat(forOrganizations.getAttribute("data-program")).isEqualTo("hk-enterprise-guide");
        assertThat(forOrganizations.findElements(By.cssSelector(".near-miss"))).isEmpty();
        browser.screenshot("desk-not-eligible-open");
    }

    @Test
    void switching_to_traditional_chinese_and_to_english_rewords_every_label_and_keeps_the_answers() {
        open("/?lang=zh-Hans");
        choose("residency", "HK");
        waitForStatus("hk-residents-guide", "ELIGIBLE");
        assertThat(label("residency")).isEqualTo(CATALOGUE.question("residency").label().in(Lang.ZH_HANS));

        browser.driver.findElement(By.cssSelector(".langs a[data-lang='zh-Hant']")).click();
        browser.waitUntil(d -> label("residency").equals(CATALOGUE.question("residency").label().in(Lang.ZH_HANT)));
        waitForProgramName("hk-residents-guide", programName("hk-residents-guide", Lang.ZH_HANT));
        assertThat(selectedText("residency")).isEqualTo(CATALOGUE.question("residency").valueLabel("HK").in(Lang.ZH_HANT));
        assertThat(browser.driver.findElement(By.cssSelector(".group.eligible h3")).getText()).startsWith("符合條件");
        assertThat(browser.driver.findElement(By.cssSelector("#desk-profile button[type=submit]")).getText()).isEqualTo("查看建議");
        assertThat(browser.driver.getCurrentUrl()).endsWith("lang=zh-Hant");
        browser.screenshot("desk-zh-Hant");

        browser.driver.findElement(By.cssSelector(".langs a[data-lang='en']")).click();
        browser.waitUntil(d -> label("residency").equals(CATALOGUE.question("residency").label().in(Lang.EN)));
        waitForProgramName("hk-residents-guide", programName("hk-residents-guide", Lang.EN));
        assertThat(new Select(browser.driver.findElement(By.id("residency"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("HK");
        assertThat(browser.driver.findElement(By.cssSelector("header h1")).getText()).isEqualTo("Luohu policy eligibility advice");
        assertThat(browser.driver.getTitle()).isEqualTo("Luohu policy eligibility advice");
        assertThat(browser.driver.findElement(By.cssSelector(".bar nav.pages a[href^='/mentor']")).getAttribute("href")).endsWith("lang=en");

        // Remembered: the page without ?lang= comes back in English; nothing but the language is stored.
        browser.driver.get(server.uri("/").toString());
        browser.waitUntil(d -> label("residency").equals(CATALOGUE.question("residency").label().in(Lang.EN)));
        assertThat(browser.script("return Object.keys(localStorage)")).isEqualTo(List.of("policyAdvisor.lang"));
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        browser.script("localStorage.clear()");
    }

    @Test
    void an_unanswered_questions_link_jumps_to_and_focuses_its_field() {
        open("/?lang=en");
        choose("residency", "HK");
        waitForStatus("hk-residents-guide", "ELIGIBLE");

        WebElement firstQuestion = browser.driver.findElement(By.cssSelector(".ask ol.questions li a"));
        String field = firstQuestion.getAttribute("data-field");
        assertThat(firstQuestion.getText()).isEqualTo(CATALOGUE.question(field).label().in(Lang.EN));
        assertThat(browser.driver.findElement(By.id("q-" + field)).getAttribute("class")).contains("next");
        firstQuestion.click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo(field);

        WebElement missing = browser.driver.findElement(By.cssSelector("#program-talent-living-subsidy .missing a[data-field='workDistrict']"));
        missing.click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("workDistrict");
        browser.screenshot("desk-question-focused");
    }

    @Test
    void choosing_organization_shows_only_organization_questions() {
        open("/?lang=en");
        browser.driver.findElement(By.cssSelector("input[name=applicantType][value=ORGANIZATION]")).click();
        browser.waitUntil(d -> !d.findElement(By.id("residency")).isDisplayed());

        List<WebElement> shown = browser.driver.findElements(By.cssSelector("#desk-profile .q[data-applies-to]")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).extracting(q -> q.getAttribute("data-applies-to")).containsOnly("ORGANIZATION");
        assertThat(shown).extracting(q -> q.getAttribute("data-field"))
                .containsExactlyElementsOf(CATALOGUE.questions().stream().filter(q -> "ORGANIZATION".equals(q.appliesTo())).map(q -> q.field()).toList());
        waitForStatus("talent-living-subsidy", "NOT_ELIGIBLE");
        assertThat(programStatus("hk-group-service-center")).isEqualTo("NEEDS_INFO");
        browser.screenshot("desk-organization");
    }

    @Test
    void a_refused_answer_is_explained_under_its_field_and_the_previous_result_stays() {
        open("/?lang=en");
        choose("residency", "HK");
        waitForStatus("hk-residents-guide", "ELIGIBLE");
        choose("age", "200");
        WebElement error = browser.waitUntil(d -> {
            WebElement e = d.findElement(By.id("age-error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).contains("0").contains("130");
        assertThat(browser.driver.findElement(By.id("age")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(programStatus("hk-residents-guide")).isEqualTo("ELIGIBLE");
    }

    @Test
    void the_form_is_usable_by_keyboard_alone_with_a_label_for_every_control() {
        open("/?lang=en");
        Object unlabelled = browser.script("""
                return [...document.querySelectorAll('#desk-profile select, #desk-profile input:not([type=hidden])')]
                  .filter(c => c.labels.length === 0).map(c => c.name);""");
        assertThat((List<?>) unlabelled).isEmpty();

        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 15 && !"residency".equals(browser.driver.switchTo().activeElement().getAttribute("id")); i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        WebElement residency = browser.driver.switchTo().activeElement();
        assertThat(residency.getAttribute("id")).isEqualTo("residency");
        residency.sendKeys(Keys.ARROW_DOWN);
        assertThat(new Select(residency).getFirstSelectedOption().getAttribute("value")).isEqualTo("HK");
        waitForStatus("hk-residents-guide", "ELIGIBLE");
    }

    @Test
    void the_desk_fits_a_tablet_screen() {
        Dimension laptop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(800, 1100));
        try {
            open("/?lang=zh-Hans");
            choose("residency", "HK");
            waitForStatus("hk-residents-guide", "ELIGIBLE");
            assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(800L);
            browser.screenshot("desk-tablet-zh-Hans");
        } finally {
            browser.driver.manage().window().setSize(laptop);
        }
    }

    @Test
    void with_scripting_off_the_same_form_posts_and_gets_the_html_answer() {
        try (Browser plain = Browser.start(false, 1280, 1000)) {
            plain.driver.get(server.uri("/?lang=en").toString());
            assertThat(plain.driver.findElement(By.id("print")).isDisplayed()).isFalse();
            assertThat(plain.driver.findElement(By.tagName("noscript")).getAttribute("textContent")).contains("Get advice");
            // Only the questions for a person show, even without scripting.
            assertThat(plain.driver.findElement(By.id("orgType")).isDisplayed()).isFalse();
            for (var answer : Map.of("residency", "HK", "highestEducation", "DOCTORATE", "employmentStatus", "SELF_EMPLOYED",
                    "workDistrict", "LUOHU", "livingSubsidyReceived", "false").entrySet()) {
                new Select(plain.driver.findElement(By.id(answer.getKey()))).selectByValue(answer.getValue());
            }
            plain.driver.findElement(By.cssSelector("#desk-profile button[type=submit]")).click();

            plain.waitUntil(d -> d.getCurrentUrl().endsWith("/api/v1/advice"));
            assertThat(plain.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Luohu policy eligibility advice");
            WebElement subsidy = plain.driver.findElement(By.id("talent-living-subsidy"));
            assertThat(subsidy.getAttribute("class")).contains("ELIGIBLE");
            assertThat(plain.driver.findElement(By.cssSelector(".total")).getText()).contains("60000");
            assertThat(plain.driver.findElement(By.tagName("dl")).getText()).contains("Luohu District, Shenzhen");
            plain.screenshot("advice-without-script");
        }
    }

    @Test
    void the_print_view_is_a_short_summary_with_the_date_ruleset_answers_and_verdicts() throws Exception {
        open("/?lang=en");
        choose("residency", "HK");
        choose("highestEducation", "MASTER");
        choose("employmentStatus", "EMPLOYED");
        choose("workDistrict", "LUOHU");
        choose("livingSubsidyReceived", "false");
        waitForStatus("talent-living-subsidy", "ELIGIBLE");
        String version = RealRules.ruleset().version();

        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.driver.findElement(By.id("desk-profile")).isDisplayed()).isFalse();
            WebElement summary = browser.driver.findElement(By.id("desk-print-summary"));
            assertThat(summary.isDisplayed()).isTrue();
            assertThat(summary.getText()).contains("Produced").contains("As of").contains(version)
                    .contains(CATALOGUE.question("workDistrict").label().in(Lang.EN))
                    .contains(CATALOGUE.question("workDistrict").valueLabel("LUOHU").in(Lang.EN));
            assertThat(browser.driver.findElement(By.id("program-talent-living-subsidy")).isDisplayed()).isTrue();
            browser.fullPageScreenshot("desk-print-media");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        byte[] pdf = Base64.getDecoder().decode(browser.driver.print(new PrintOptions()).getContent());
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("desk-print.pdf"), pdf);
        long pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).results().count();
        assertThat(pages).isBetween(1L, 2L);
    }

    private static void open(String path) {
        browser.driver.get(server.uri(path).toString());
        browser.waitUntil(d -> d.findElements(By.cssSelector("#desk-verdicts .verdicts")).size() == 1
                && d.findElement(By.id("desk-results")).getAttribute("aria-busy") == null);
    }

    private static void choose(String field, String value) {
        WebElement control = browser.driver.findElement(By.id(field));
        if (control.getTagName().equals("select")) {
            new Select(control).selectByValue(value);
        } else {
            control.clear();
            control.sendKeys(value);
        }
    }

    private static String label(String field) {
        return browser.driver.findElement(By.cssSelector("label[for='" + field + "']")).getText();
    }

    private static String selectedText(String field) {
        return new Select(browser.driver.findElement(By.id(field))).getFirstSelectedOption().getText();
    }

    private static String programStatus(String id) {
        String classes = browser.driver.findElement(By.id("program-" + id)).getAttribute("class");
        return List.of("ELIGIBLE", "NEEDS_INFO", "NOT_ELIGIBLE").stream().filter(s -> classes.contains(" " + s)).findFirst().orElse("?");
    }

    private static void waitForStatus(String id, String status) {
        browser.waitUntil(d -> d.findElement(By.id("desk-results")).getAttribute("aria-busy") == null
                && !d.findElements(By.cssSelector("#program-" + id + "." + status)).isEmpty());
    }

    private static void waitForProgramName(String id, String name) {
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#program-" + id + " h4")).isEmpty()
                && d.findElement(By.cssSelector("#program-" + id + " h4")).getText().startsWith(name));
    }

    private static String programName(String id, Lang lang) {
        return CATALOGUE.programs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().name().in(lang);
    }

    private static String criterionText(String id, Lang lang) {
        return CATALOGUE.criterion(id).text().in(lang);
    }
}
