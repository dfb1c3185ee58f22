package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policyadvisor.TestServer;

/** The mentor subsidy page, generated from the schedule in the tests' own copy (MentorRules), in a real Chromium against POST /api/v1/mentor-subsidy. */
class MentorPageBrowserTest {

    private static final TestServer server = TestServer.mentorFixture();
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.shared();
    }

    @Test
    void mentees_and_items_entered_as_rows_give_the_itemized_answer_with_the_capped_item_highlighted() {
        open("/mentor?lang=en");
        new Select(browser.driver.findElement(By.id("residency"))).selectByValue("HK");
        new Select(browser.driver.findElement(By.id("mainlandWorkExperience"))).selectByValue("true");
        set(By.id("asOf"), "2026-11-27");

        fillMentee(0, "m1", "2026-01-10", "true");
        browser.driver.findElement(By.name("previouslyPaid-CAREER_GUIDANCE")).sendKeys("400");
        click("mentees");
        fillMentee(1, "m2", "2026-02-15", "false");

        fillItem(0, "m1", "CAREER_GUIDANCE", "2026-02-01", "quantity", "2");
        click("items");
        fillItem(1, "m1", "CAREER_GUIDANCE", "2026-04-01", "quantity", "3");
        click("items");
        fillItem(2, "m2", "JOB_PLACEMENT", "2026-08-01", "insuredMonths", "7");
        assertThat(itemRows().get(2).findElement(By.name("quantity")).isEnabled()).isFalse();
        click("items");
        fillItem(3, null, "PUBLIC_WELFARE_ACTIVITY", "2026-06-01", "quantity", "1");
        assertThat(itemRows().get(3).findElement(By.name("mentee")).isEnabled()).isFalse();

        browser.driver.findElement(By.cssSelector("#claim-form button[type=submit]")).click();
        WebElement total = browser.waitUntil(d -> d.findElements(By.id("claim-total")).stream().findFirst().orElse(null));

        assertThat(total.getText()).contains("6,600");
        List<WebElement> lines = browser.driver.findElements(By.cssSelector("#answer-items tbody tr"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).getAttribute("class")).isEmpty();
        WebElement capped = lines.get(1);
        assertThat(capped.getAttribute("class")).isEqualTo("cut");
        assertThat(capped.findElement(By.cssSelector(".payable")).getText()).contains("200");
        assertThat(capped.getText()).contains("The cap is reached").contains("at most CN¥1,000 per mentee");
        assertThat(lines.get(2).getText()).contains("5,000");
        assertThat(browser.driver.findElement(By.id("claim-result")).getText()).contains("The mentor qualifies.");
        browser.fullPageScreenshot("mentor-answer");

        browser.driver.findElement(By.cssSelector(".langs a[data-lang='zh-Hant']")).click();
        browser.waitUntil(d -> d.findElement(By.id("claim-result")).getText().contains("已達補貼上限"));
        assertThat(browser.driver.findElement(By.cssSelector("#mentees-table th")).getText()).isEqualTo("學員編號");
        browser.fullPageScreenshot("mentor-answer-zh-Hant");
    }

    @Test
    void a_bad_cell_is_named_by_its_row_and_column_and_its_link_focuses_it() {
        WebElement link = claimWithABadCell("en");

        assertThat(link.getText()).isEqualTo("row 1 · Sessions, days or activities");
        assertThat(browser.driver.findElement(By.id("items-0-quantity")).getAttribute("aria-invalid")).isEqualTo("true");
        link.click();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("items-0-quantity");
        browser.screenshot("mentor-bad-cell");
    }

    @Test
    void on_a_320_pixel_phone_the_page_reflows_without_sideways_scrolling_and_a_refused_cell_is_marked_visibly() {
        browser.viewport(320, 800);
        try {
            claimWithABadCell("zh-Hant");

            assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(320L);
            assertThat((java.util.List<?>) browser.script("return [...document.querySelectorAll('main *')].filter(e => e.scrollWidth > e.clientWidth + 1"
                    + " && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)"))
                    .as("no element scrolls sideways").isEmpty();
            WebElement refused = browser.driver.findElement(By.id("items-0-quantity"));
            assertThat(refused.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(refused.getCssValue("border-top-width")).isEqualTo("3px");
            assertThat((String) browser.script("return getComputedStyle(arguments[0].parentElement, '::after').content", refused)).isNotIn("none", "normal", "");
            // Each stacked cell is labelled by its column.
            assertThat(refused.findElement(By.xpath("..")).getAttribute("data-label")).isEqualTo(
                    browser.driver.findElement(By.id(refused.getAttribute("aria-labelledby"))).getAttribute("textContent").strip());
            browser.fullPageScreenshot("mentor-phone-320-refused");
            assertThat(browser.accessibilityViolations()).isEmpty();
        } finally {
            browser.resetViewport();
        }
    }

    /** A qualifying mentor, one mentee and one item with zero sessions, calculated: the answer's link to the bad cell. */
    private static WebElement claimWithABadCell(String lang) {
        open("/mentor?lang=" + lang);
        new Select(browser.driver.findElement(By.id("residency"))).selectByValue("HK");
        new Select(browser.driver.findElement(By.id("mainlandWorkExperience"))).selectByValue("true");
        fillMentee(0, "m1", "2026-01-10", "true");
        fillItem(0, "m1", "CAREER_GUIDANCE", "2026-02-01", "quantity", "0");
        browser.driver.findElement(By.cssSelector("#claim-form button[type=submit]")).click();
        return browser.waitUntil(d -> d.findElements(By.cssSelector("#claim-result ul.errors a")).stream().findFirst().orElse(null));
    }

    private static void open(String path) {
        browser.driver.get(server.uri(path).toString());
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#items-table tbody tr")).isEmpty());
    }

    /** The button that adds a row to a list of the claim. */
    private static void click(String list) {
        browser.driver.findElement(By.cssSelector("button[data-add='" + list + "']")).click();
    }

    private static List<WebElement> itemRows() {
        return browser.driver.findElements(By.cssSelector("#items-table tbody tr"));
    }

    private static void fillMentee(int row, String id, String start, String employed) {
        WebElement tr = browser.driver.findElements(By.cssSelector("#mentees-table tbody tr")).get(row);
        WebElement idInput = tr.findElement(By.name("id"));
        idInput.clear();
        idInput.sendKeys(id);
        set(tr.findElement(By.name("startDate")), start);
        new Select(tr.findElement(By.name("employedAtStart"))).selectByValue(employed);
    }

    private static void fillItem(int row, String mentee, String type, String date, String amountField, String amount) {
        WebElement tr = itemRows().get(row);
        new Select(tr.findElement(By.name("type"))).selectByValue(type);
        if (mentee != null) new Select(tr.findElement(By.name("mentee"))).selectByValue(mentee);
        set(tr.findElement(By.name("date")), date);
        tr.findElement(By.name(amountField)).sendKeys(amount);
    }

    private static void set(By by, String value) {
        set(browser.driver.findElement(by), value);
    }

    /** Date fields take their value the way a date picker gives it, whatever the browser's locale. */
    private static void set(WebElement input, String value) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }
}
