package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.policyadvisor.TestServer;
import org.policyadvisor.claims.ClaimsFixture;

/**
 * What a benefit is, as the fixture's rules say it, is shown right in the JSON answer, the HTML answer and the desk:
 * a monthly rate for at most 6 months (taken from a claim schedule's rate), an "up to" amount, a planned grant that
 * does not count, and a grant in another currency totalled on its own.
 */
class BenefitsShownTest {

    private static final String PROFILE = "{\"residency\": \"LOCAL\", \"asOf\": \"2025-06-01\"}";
    private static final TestServer server = TestServer.claimsFixture();

    private static JsonNode program(JsonNode advice, String id) {
        for (JsonNode p : advice.get("programs")) if (p.get("id").asText().equals(id)) return p;
        throw new AssertionError("no program " + id);
    }

    @Test
    void the_json_answer_says_unit_periods_maximum_and_totals_per_currency() throws Exception {
        JsonNode advice = Json.MAPPER.readTree(server.postJson("/api/v1/advice?lang=en", PROFILE).body());

        JsonNode monthly = program(advice, "trainee-scheme").get("benefits").get(0);
        assertThat(monthly.get("amount").longValue()).as("the schedule's rate, written once in its DRL").isEqualTo(3000);
        assertThat(monthly.get("currency").asText()).isEqualTo("CNY");
        assertThat(monthly.get("frequency").asText()).isEqualTo("PER_MONTH");
        assertThat(monthly.get("unit").asText()).isEqualTo("per month");
        assertThat(monthly.get("periods").intValue()).isEqualTo(6);
        assertThat(monthly.get("periodsText").asText()).isEqualTo("at most 6 months");
        assertThat(monthly.get("maximum").booleanValue()).isFalse();

        JsonNode upTo = program(advice, "settling-grant").get("benefits").get(0);
        assertThat(upTo.get("maximum").booleanValue()).isTrue();
        assertThat(program(advice, "settling-grant").get("assumptions").findValuesAsText("id")).containsExactly("F1");

        assertThat(program(advice, "future-grant").get("status").asText()).isEqualTo("ELIGIBLE");
        JsonNode totals = advice.get("totals");
        assertThat(totals.get("eligibleCash").longValue()).as("the planned grant does not count (R7)").isEqualTo(50000);
        assertThat(totals.get("currency").asText()).isEqualTo("CNY");
        assertThat(totals.get("upTo").booleanValue()).isTrue();
        assertThat(totals.get("byCurrency")).isEqualTo(Json.MAPPER.readTree("""
                [{"currency": "CNY", "amount": 50000, "upTo": true}, {"currency": "HKD", "amount": 1200, "upTo": false}]"""));
    }

    @Test
    void the_html_answer_says_per_month_at_most_6_months_and_up_to() {
        String html = server.post("/api/v1/advice?lang=en", "application/x-www-form-urlencoded", "residency=LOCAL&asOf=2025-06-01",
                "Accept", "text/html").body();

        assertThat(html).contains("<strong class=\"amount\">CN¥3,000 per month</strong> · <span class=\"periods\">at most 6 months</span>");
        assertThat(html).contains("<strong class=\"amount\">up to CN¥50,000 one-off</strong>");
        assertThat(html).contains("<strong class=\"cash\" data-currency=\"CNY\">up to CN¥50,000</strong> + <strong class=\"cash\" data-currency=\"HKD\">HK$1,200</strong>");
    }

    @Test
    void the_desk_says_per_month_at_most_6_months_and_up_to() {
        Browser browser = Browser.shared();
        browser.driver.get(server.uri("/?lang=en").toString());
        browser.waitUntil(d -> d.findElements(By.cssSelector("#desk-verdicts .verdicts")).size() == 1);
        browser.driver.findElement(By.id("asOf")).clear();
        browser.script("arguments[0].value = '2025-06-01'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                browser.driver.findElement(By.id("asOf")));
        new Select(browser.driver.findElement(By.id("residency"))).selectByValue("LOCAL");
        browser.waitUntil(d -> d.findElement(By.id("desk-results")).getAttribute("aria-busy") == null
                && !d.findElements(By.cssSelector("#program-trainee-scheme.ELIGIBLE")).isEmpty());

        assertThat(browser.driver.findElement(By.cssSelector("#program-trainee-scheme .cash-line")).getText())
                .isEqualTo("CN¥3,000 per month · at most 6 months");
        assertThat(browser.driver.findElement(By.cssSelector("#program-trainee-scheme .benefits li")).getAttribute("textContent"))
                .isEqualTo("CN¥3,000 per month · at most 6 months — An internship allowance");
        assertThat(browser.driver.findElement(By.cssSelector("#program-settling-grant .cash-line")).getText()).isEqualTo("up to CN¥50,000 one-off");
        assertThat(browser.driver.findElement(By.id("desk-total")).getText()).isEqualTo("one-off cash up to CN¥50,000 + HK$1,200");
    }
}
