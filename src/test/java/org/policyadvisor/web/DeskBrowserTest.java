package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;

/**
 * The consultant desk in a real Chromium against the real service and rules, at a laptop's, a tablet's and a
 * phone's size in the three languages. Which program belongs in which group is read from the API's own answer for
 * the same answers, so these tests name no program of the catalogue. Every state checked is also checked by axe-core
 * (WCAG 2.1 A and AA) and saved as a screenshot in target/screenshots/.
 */
class DeskBrowserTest {

    static final Catalogue CATALOGUE = RealRules.ruleset().catalogue();
    static final Messages MESSAGES = Messages.load();
    static final TestServer server = TestServer.shared();
    static Browser browser;

    /** The sizes of issue 13: a 1280×800 laptop, an 820×1180 tablet, a 390×844 phone. */
    enum Screen {
        LAPTOP(1280, 800), TABLET(820, 1180), PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** A Hong Kong professional working in Luohu: eligible for some programs, with questions still open for others. */
    static final Map<String, String> PERSON = answers("residency", "HK", "highestEducation", "MASTER", "employmentStatus", "EMPLOYED",
            "workDistrict", "LUOHU", "livingSubsidyReceived", "false");

    /** The same person with every other question answered too: the longest handout a person is likely to get. */
    static final Map<String, String> EVERY_ANSWER = answers("residency", "HK", "age", "30", "highestEducation", "MASTER",
            "professionalQualification", "true", "employmentStatus", "EMPLOYED", "workDistrict", "LUOHU", "livingSubsidyReceived", "false",
            "eliteTalentCertified", "true", "livesInLuohu", "true", "hasSchoolAgeChildren", "true", "mainlandWorkExperience", "true",
            "seeksGbaCareer", "true", "plansToStartBusiness", "true");

    @BeforeAll
    static void start() {
        browser = Browser.shared();
    }

    @AfterEach
    void back_to_the_laptop() {
        browser.resetViewport();
    }

    static Stream<Arguments> screensAndLanguages() {
        return Stream.of(Screen.values()).flatMap(screen -> Stream.of(Lang.values()).map(lang -> Arguments.of(screen, lang)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("screensAndLanguages")
    void groups_by_availability_with_the_summary_and_the_next_question_in_view(Screen screen, Lang lang) {
        browser.viewport(screen.width, screen.height);
        open("/?lang=" + lang.tag());
        answer(PERSON);
        JsonNode advice = advice(PERSON, lang);

        // R7: each program in the group its status and availability say; a planned one is never "eligible now".
        assertThat(shownIn("eligible")).containsExactlyElementsOf(ids(advice, p -> eligible(p) && !planned(p)));
        assertThat(shownIn("upcoming")).containsExactlyElementsOf(ids(advice, p -> eligible(p) && planned(p)));
        assertThat(shownIn("needs-info")).containsExactlyElementsOf(ids(advice, p -> status(p).equals("NEEDS_INFO")));
        assertThat(ids(advice, p -> status(p).equals("NOT_ELIGIBLE"))).containsAll(shownIn("not-eligible"));
        assertThat(text("[data-group=eligible] h3")).startsWith(MESSAGES.get("page.group.eligible", lang));

        // The summary: how many now and the cash, in the language's one currency format (the server's pages use the same).
        long cash = advice.at("/totals/eligibleCash").asLong();
        String summary = text("[data-role=summary]");
        assertThat(summary).contains(MESSAGES.get("desk.summary.eligible", lang, shownIn("eligible").size()));
        if (cash > 0) assertThat(summary).contains(AdvicePage.money(cash, advice.at("/totals/currency").asText(), lang));
        else assertThat(summary).doesNotContain(AdvicePage.money(0, "CNY", lang));
        String next = advice.at("/questions/0/label").asText();
        assertThat(text("[data-role=ask-next]")).contains(next);
        assertThat(text("#desk-status")).isEqualTo(announcement(advice, lang, shownIn("eligible").size()));

        // In view without scrolling the results, also once the consultant has scrolled to the last question answered.
        scrollTo("q-" + lastField(PERSON));
        assertThat(inView("[data-role=summary]")).as("summary in view").isTrue();
        assertThat(inView("[data-role=ask-next] a")).as("next question in view").isTrue();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo((long) screen.width);

        // Compact cards: how to apply and the source on demand.
        WebElement card = browser.driver.findElement(By.cssSelector("[data-group=eligible] [data-program]"));
        assertThat(card.findElement(By.cssSelector(".apply")).isDisplayed()).isFalse();
        browser.screenshot("desk-" + screen.name().toLowerCase() + "-" + lang.tag());
        assertThat(browser.accessibilityViolations()).as("axe-core, WCAG 2.1 A/AA").isEmpty();
        WebElement more = card.findElement(By.cssSelector("details.more summary"));
        browser.script("arguments[0].scrollIntoView({ block: 'center' })", more);
        more.click();
        assertThat(card.findElement(By.cssSelector(".apply")).isDisplayed()).isTrue();
        assertThat(card.findElement(By.cssSelector(".source blockquote")).getText()).isNotBlank();
    }

    @Test
    void a_choice_updates_the_results_at_once_and_typing_after_a_pause() {
        open("/?lang=en");
        answer(PERSON);
        List<Double> times = new ArrayList<>();
        String field = "livingSubsidyReceived";
        for (int i = 0; i < 7; i++) {
            times.add(((Number) browser.driver.executeAsyncScript("""
                    const [field, value, done] = arguments;
                    const select = document.getElementById(field);
                    document.addEventListener('desk:updated', () => done(performance.now() - start), { once: true });
                    select.value = value;
                    const start = performance.now();
                    select.dispatchEvent(new Event('change', { bubbles: true }));""", field, i % 2 == 0 ? "true" : "false")).doubleValue());
        }
        List<Double> sorted = times.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.err.printf("desk: a choice to updated results, ms (7 changes): %s; median %.1f%n", times, median);
        assertThat(median).as("median ms from a choice to the updated results").isLessThan(150);

        // Typing waits for a pause: no request goes out on the first keystroke.
        long requestsBefore = requests();
        browser.driver.findElement(By.id("age")).sendKeys("3");
        assertThat(requests()).isEqualTo(requestsBefore);
        browser.waitUntil(d -> requests() > requestsBefore);
    }

    @Test
    void the_first_ask_next_link_is_one_tab_after_the_last_answer_and_takes_the_keyboard_to_the_question() {
        open("/?lang=en");
        answer(PERSON);
        String next = advice(PERSON, Lang.EN).at("/questions/0/field").asText();
        WebElement last = browser.driver.findElement(By.id(lastField(PERSON)));
        last.sendKeys(Keys.ARROW_UP);
        waitSettled();
        last = browser.driver.findElement(By.id(lastField(PERSON)));
        int tabs = 0;
        WebElement focused = last;
        while (tabs < 5 && !next.equals(focused.getAttribute("data-field"))) {
            focused.sendKeys(Keys.TAB);
            focused = browser.driver.switchTo().activeElement();
            tabs++;
        }
        assertThat(focused.getAttribute("data-field")).as("an ask-next link").isEqualTo(next);
        assertThat(tabs).isLessThanOrEqualTo(2);
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo(next);
        browser.screenshot("desk-keyboard-next-question");
    }

    @Test
    void an_organization_sees_only_its_questions_and_programs_no_zero_total_and_no_near_miss_it_cannot_fix() {
        open("/?lang=en");
        browser.driver.findElement(By.cssSelector("input[name=applicantType][value=ORGANIZATION]")).click();
        browser.waitUntil(d -> !d.findElement(By.id("residency")).isDisplayed());
        String orgType = CATALOGUE.question("orgType").values().get(0);
        Map<String, String> organization = answers("applicantType", "ORGANIZATION", "orgType", orgType);
        answer(answers("orgType", orgType));
        JsonNode advice = advice(organization, Lang.EN);

        List<WebElement> shown = browser.driver.findElements(By.cssSelector("#desk-profile .q[data-applies-to]")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).extracting(q -> q.getAttribute("data-applies-to")).containsOnly("ORGANIZATION");
        // No program that is only for a person: its one unmet criterion reads nothing but who is asking.
        List<String> forPersons = ids(advice, p -> status(p).equals("NOT_ELIGIBLE") && criteria(p).anyMatch(c ->
                c.get("status").asText().equals("NOT_MET") && c.get("fields").toString().equals("[\"applicantType\"]")));
        assertThat(forPersons).isNotEmpty();
        assertThat(allShown()).doesNotContainAnyElementsOf(forPersons);
        if (advice.at("/totals/eligibleCash").asLong() == 0) assertThat(browser.driver.findElements(By.id("desk-total"))).isEmpty();
        // "One criterion away" only where that criterion reads an answer the applicant can change.
        DeskDetails details = DeskController.details(RealRules.ruleset());
        for (WebElement near : browser.driver.findElements(By.cssSelector("[data-program]:has(.near-miss)"))) {
            JsonNode program = program(advice, near.getAttribute("data-program"));
            List<JsonNode> unmet = criteria(program).filter(c -> c.get("status").asText().equals("NOT_MET")).toList();
            assertThat(unmet).hasSize(1);
            assertThat(details.fixed(fields(unmet.get(0)))).as(near.getAttribute("data-program")).isFalse();
        }
        // The questions asked next are for this organization only.
        for (JsonNode q : advice.get("questions")) assertThat(CATALOGUE.question(q.get("field").asText()).appliesTo("ORGANIZATION")).isTrue();
        browser.driver.findElement(By.cssSelector("[data-group=not-eligible] summary")).click();
        browser.fullPageScreenshot("desk-organization");
        assertThat(browser.accessibilityViolations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void the_applicants_handout_prints_on_at_most_two_a4_pages_in_their_language(Lang lang) {
        open("/?lang=" + lang.tag());
        answer(PERSON);
        JsonNode advice = advice(PERSON, lang);
        int pages = browser.printedPages("handout-" + lang.tag());
        System.err.printf("desk: the applicant's handout in %s prints on %d A4 page(s)%n", lang.tag(), pages);
        assertThat(pages).isBetween(1, 2);
        String pdf = browser.lastPdfText.replaceAll("\\s+", "");
        assertThat(pdf).contains(squeeze(MESSAGES.get("page.disclaimer", lang)))
                .contains(squeeze(MESSAGES.get("handout.now", lang)))
                .contains(squeeze(DeskController.details(RealRules.ruleset()).contact().in(lang)))
                .contains(advice.get("rulesetVersion").asText().substring(0, 19))
                .doesNotContain(squeeze(MESSAGES.get("page.questions", lang))).doesNotContain("false");
        for (String id : ids(advice, p -> eligible(p) && !planned(p))) assertThat(pdf).contains(squeeze(program(advice, id).get("name").asText()));
        for (String id : ids(advice, p -> status(p).equals("NOT_ELIGIBLE"))) assertThat(pdf).doesNotContain(squeeze(program(advice, id).get("name").asText()));
        printMedia(() -> browser.fullPageScreenshot("handout-" + lang.tag()));

        // The consultant's view keeps the questions to ask next.
        browser.script("document.body.dataset.print = 'consultant'");
        int consultantPages = browser.printedPages("consultant-" + lang.tag());
        System.err.printf("desk: the consultant's view in %s prints on %d A4 page(s)%n", lang.tag(), consultantPages);
        assertThat(browser.lastPdfText.replaceAll("\\s+", "")).contains(squeeze(MESSAGES.get("page.questions", lang)));
        browser.script("document.body.dataset.print = 'handout'");
    }

    static Stream<Lang> languages() {
        return Stream.of(Lang.values());
    }

    @Test
    void the_longest_handouts_a_person_or_an_organization_gets_still_fit_two_a4_pages() {
        open("/?lang=en");
        answer(EVERY_ANSWER.entrySet().stream().filter(e -> CATALOGUE.question(e.getKey()) != null)
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        int pages = browser.printedPages("handout-every-answer-en");
        System.err.printf("desk: the handout for a person with every question answered prints on %d A4 page(s)%n", pages);
        assertThat(pages).isBetween(1, 2);

        open("/?lang=zh-Hant");
        browser.driver.findElement(By.cssSelector("input[name=applicantType][value=ORGANIZATION]")).click();
        Map<String, String> organization = new LinkedHashMap<>();
        for (String field : List.of("orgType", "hkGroup", "hkFunded", "sector", "inLuohu")) {
            if (CATALOGUE.question(field) == null) continue;
            List<String> values = CATALOGUE.question(field).values();
            organization.put(field, values.isEmpty() ? "true" : values.get(0));
        }
        answer(organization);
        int organizationPages = browser.printedPages("handout-organization-zh-Hant");
        System.err.printf("desk: the handout for an organisation prints on %d A4 page(s)%n", organizationPages);
        assertThat(organizationPages).isBetween(1, 2);
        printMedia(() -> browser.fullPageScreenshot("handout-organization-zh-Hant"));
    }

    @Test
    void printing_waits_for_the_answer_still_being_typed() {
        open("/?lang=en");
        answer(PERSON);
        browser.script("window.print = () => { window.printed = document.getElementById('desk-handout').innerText; }");
        browser.driver.findElement(By.id("age")).sendKeys("31");
        browser.driver.findElement(By.cssSelector("[data-action=print-handout]")).click();
        String printed = browser.waitUntil(d -> (String) browser.script("return window.printed ?? null"));
        assertThat(printed).contains(CATALOGUE.question("age").label().in(Lang.EN)).contains("31");
    }

    @Test
    void a_refused_answer_is_explained_under_its_question_and_the_previous_result_stays() {
        open("/?lang=en");
        answer(PERSON);
        List<String> before = shownIn("eligible");
        choose("age", "200");
        WebElement error = browser.waitUntil(d -> {
            WebElement e = d.findElement(By.id("age-error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).contains("0").contains("130");
        assertThat(browser.driver.findElement(By.id("age")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(shownIn("eligible")).isEqualTo(before);
    }

    @Test
    void switching_language_rewords_every_label_and_keeps_the_answers() {
        open("/?lang=zh-Hans");
        answer(PERSON);
        browser.driver.findElement(By.cssSelector(".langs a[data-lang='zh-Hant']")).click();
        browser.waitUntil(d -> label("residency").equals(CATALOGUE.question("residency").label().in(Lang.ZH_HANT)));
        browser.waitUntil(d -> text("[data-group=eligible] h3").startsWith(MESSAGES.get("page.group.eligible", Lang.ZH_HANT)));
        assertThat(new Select(browser.driver.findElement(By.id("residency"))).getFirstSelectedOption().getText())
                .isEqualTo(CATALOGUE.question("residency").valueLabel("HK").in(Lang.ZH_HANT));
        assertThat(browser.driver.getCurrentUrl()).endsWith("lang=zh-Hant");

        browser.driver.findElement(By.cssSelector(".langs a[data-lang='en']")).click();
        browser.waitUntil(d -> label("residency").equals(CATALOGUE.question("residency").label().in(Lang.EN)));
        browser.driver.get(server.uri("/").toString());
        browser.waitUntil(d -> label("residency").equals(CATALOGUE.question("residency").label().in(Lang.EN)));
        assertThat(browser.script("return Object.keys(localStorage)")).isEqualTo(List.of("policyAdvisor.lang"));
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        browser.script("localStorage.clear()");
    }

    @Test
    void with_scripting_off_the_form_gets_the_grouped_answer_and_a_refused_answer_keeps_the_others() {
        try (Browser plain = Browser.start(false, 1280, 1000)) {
            plain.driver.get(server.uri("/?lang=en").toString());
            assertThat(plain.driver.findElement(By.tagName("noscript")).getAttribute("textContent")).contains("Get advice");
            PERSON.forEach((field, value) -> new Select(plain.driver.findElement(By.id(field))).selectByValue(value));
            plain.driver.findElement(By.cssSelector("#desk-profile button[type=submit]")).click();
            plain.waitUntil(d -> d.getCurrentUrl().endsWith("/api/v1/advice"));
            JsonNode advice = advice(PERSON, Lang.EN);
            List<String> now = plain.driver.findElements(By.cssSelector("[data-group=eligible] [data-program]")).stream()
                    .map(e -> e.getAttribute("data-program")).toList();
            assertThat(now).containsExactlyElementsOf(ids(advice, p -> eligible(p) && !planned(p)));
            long cash = advice.at("/totals/eligibleCash").asLong();
            if (cash > 0) assertThat(plain.driver.findElement(By.cssSelector(".total")).getText()).contains(AdvicePage.money(cash, "CNY", Lang.EN));
            assertThat(plain.driver.findElement(By.tagName("body")).getText()).contains(MESSAGES.get("page.disclaimer", Lang.EN));
            plain.screenshot("advice-without-script");

            // Back to the questions keeps the answers; a refused one comes back named by its question, the others kept.
            plain.driver.findElement(By.cssSelector("form.back button")).click();
            plain.waitUntil(d -> !d.findElements(By.id("age")).isEmpty());
            assertThat(new Select(plain.driver.findElement(By.id("workDistrict"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("LUOHU");
            plain.driver.findElement(By.id("age")).sendKeys("200");
            plain.driver.findElement(By.cssSelector("#desk-profile button[type=submit]")).click();
            WebElement summary = plain.waitUntil(d -> d.findElements(By.cssSelector(".error-summary")).stream().findFirst().orElse(null));
            assertThat(summary.getText()).contains(CATALOGUE.question("age").label().in(Lang.EN)).doesNotContain("/age");
            assertThat(new Select(plain.driver.findElement(By.id("workDistrict"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("LUOHU");
            plain.screenshot("desk-without-script-refused");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void the_pages_without_script_pass_axe_core_too(Lang lang) {
        String form = "residency=HK&highestEducation=MASTER&employmentStatus=EMPLOYED&workDistrict=LUOHU&livingSubsidyReceived=false";
        for (String body : List.of(form, form + "&age=200")) {
            String html = server.post("/api/v1/advice?lang=" + lang.tag(), "application/x-www-form-urlencoded", body, "Accept", "text/html").body();
            // Shown as a browser without scripting shows it: the page's own scripts left out, its style kept.
            browser.driver.get(server.uri("/health").toString());
            browser.script("document.open(); document.write(arguments[0]); document.close();", html.replaceAll("(?s)<script.*?</script>", ""));
            browser.waitUntil(d -> "complete".equals(browser.script("return document.readyState")));
            assertThat(browser.accessibilityViolations()).as(lang.tag() + " " + body).isEmpty();
        }
    }

    // --- helpers

    static Map<String, String> answers(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], pairs[i + 1]);
        return out;
    }

    static String lastField(Map<String, String> answers) {
        return new ArrayList<>(answers.keySet()).get(answers.size() - 1);
    }

    static void open(String path) {
        browser.driver.get(server.uri(path).toString());
        browser.waitUntil(d -> d.findElements(By.cssSelector("#desk-verdicts .verdicts")).size() == 1
                && d.findElement(By.id("desk-results")).getAttribute("aria-busy") == null);
    }

    /** Sets the answers as a consultant would leave them and waits for the results that follow the last one. */
    static void answer(Map<String, String> answers) {
        browser.script("""
                const answers = arguments[0];
                let last = null;
                for (const [field, value] of answers) {
                  const radio = document.querySelector(`input[type=radio][name="${field}"][value="${value}"]`);
                  if (radio) { radio.checked = true; last = radio; continue; }
                  const control = document.getElementById(field);
                  control.value = value;
                  last = control;
                }
                last.focus();
                last.dispatchEvent(new Event('change', { bubbles: true }));""",
                answers.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
        waitSettled();
    }

    static void waitSettled() {
        browser.waitUntil(d -> d.findElement(By.id("desk-results")).getAttribute("aria-busy") == null
                && Boolean.TRUE.equals(browser.script("return document.getElementById('desk-status').textContent.length > 0")));
    }

    static void choose(String field, String value) {
        WebElement control = browser.driver.findElement(By.id(field));
        if (control.getTagName().equals("select")) {
            new Select(control).selectByValue(value);
        } else {
            control.clear();
            control.sendKeys(value);
        }
    }

    static long requests() {
        return (Long) browser.script("return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/api/v1/advice')).length");
    }

    static void scrollTo(String id) {
        browser.script("document.getElementById(arguments[0]).scrollIntoView({ block: 'center' })", id);
    }

    static boolean inView(String css) {
        return (Boolean) browser.script("""
                const r = document.querySelector(arguments[0]).getBoundingClientRect();
                return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;""", css);
    }

    static void printMedia(Runnable action) {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            action.run();
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    static String text(String css) {
        return (String) browser.script("return document.querySelector(arguments[0])?.innerText ?? ''", css);
    }

    static String label(String field) {
        return browser.driver.findElement(By.cssSelector("label[for='" + field + "']")).getText();
    }

    @SuppressWarnings("unchecked")
    static List<String> shownIn(String group) {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll(`[data-group=\"${arguments[0]}\"] [data-program]`)].map(e => e.dataset.program)", group);
    }

    @SuppressWarnings("unchecked")
    static List<String> allShown() {
        return (List<String>) browser.script("return [...document.querySelectorAll('[data-role=results] [data-program]')].map(e => e.dataset.program)");
    }

    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    static String announcement(JsonNode advice, Lang lang, int eligibleNow) {
        long cash = advice.at("/totals/eligibleCash").asLong();
        String line = MESSAGES.get("desk.summary.eligible", lang, eligibleNow);
        if (cash == 0) return line;
        String amount = AdvicePage.money(cash, advice.at("/totals/currency").asText(), lang);
        if (advice.at("/totals/upTo").asBoolean(false)) amount = MESSAGES.get("page.upTo", lang, amount);
        return line + MESSAGES.get("page.listSeparator", lang) + MESSAGES.get("desk.summary.cash", lang, amount);
    }

    // --- the API's own answer for the same answers

    static JsonNode advice(Map<String, String> answers, Lang lang) {
        Map<String, Object> body = new LinkedHashMap<>();
        answers.forEach((field, value) -> body.put(field, value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : value));
        try {
            return Json.MAPPER.readTree(server.postJson("/api/v1/advice?lang=" + lang.tag(), Json.MAPPER.writeValueAsString(body)).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ids(JsonNode advice, java.util.function.Predicate<JsonNode> which) {
        return StreamSupport.stream(advice.get("programs").spliterator(), false).filter(which).map(p -> p.get("id").asText()).toList();
    }

    static JsonNode program(JsonNode advice, String id) {
        return StreamSupport.stream(advice.get("programs").spliterator(), false).filter(p -> p.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    static Stream<JsonNode> criteria(JsonNode program) {
        return StreamSupport.stream(program.get("criteria").spliterator(), false);
    }

    static List<String> fields(JsonNode criterion) {
        return StreamSupport.stream(criterion.get("fields").spliterator(), false).map(JsonNode::asText).toList();
    }

    static String status(JsonNode program) {
        return program.get("status").asText();
    }

    static boolean eligible(JsonNode program) {
        return status(program).equals("ELIGIBLE");
    }

    static boolean planned(JsonNode program) {
        return program.get("availability").asText().equals("PLANNED");
    }
}
