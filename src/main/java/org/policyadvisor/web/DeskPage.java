package org.policyadvisor.web;

import static org.policyadvisor.web.AdvicePage.esc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.claims.ScheduleView;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.QuestionType;

/**
 * The consultant's pages. The desk's form is rendered here from the catalogue, so it works with scripting off
 * (it posts to /api/v1/advice and gets {@link AdvicePage}); desk.js then adds live results and an in-place
 * language switch. A claim schedule's page gets its claimant's questions and the schedule's description, /rules
 * only the header; their scripts build the rest. Every word comes from messages.yaml or
 * from rules/; elements carry {@code data-t} (a message key) or {@code data-q}/{@code data-choice} (a question)
 * so a script can relabel them in another language.
 */
final class DeskPage {

    static final String FORM_ID = "desk-profile";

    private final Messages messages;

    DeskPage(Messages messages) {
        this.messages = messages;
    }

    String desk(Catalogue catalogue, List<PageLink> links, Lang lang) {
        Optional<Question> audience = audienceSwitch(catalogue);
        StringBuilder html = open(lang, "page.title", messages.get("page.title", lang), "desk", links, "desk");
        audience.ifPresent(q -> html.append(hideOtherAudiences(q)));
        html.append("<main class=\"desk\">\n");
        html.append("<section id=\"desk-print-summary\" class=\"print-only\" aria-hidden=\"true\"></section>\n");
        html.append("<form id=\"").append(FORM_ID).append("\" class=\"profile\" method=\"post\" action=\"/api/v1/advice\"")
                .append(" aria-labelledby=\"desk-questions-title\">\n");
        html.append("<h2 id=\"desk-questions-title\">").append(text("desk.questions", lang)).append("</h2>\n");
        html.append("<input type=\"hidden\" name=\"lang\" value=\"").append(lang.tag()).append("\">\n");
        audience.ifPresent(q -> radios(html, q, lang));
        for (Question question : catalogue.questions()) {
            if (audience.filter(question::equals).isEmpty()) item(html, question, lang);
        }
        asOf(html, lang);
        html.append("<div class=\"actions\"><button type=\"submit\" class=\"primary\">").append(text("desk.submit", lang))
                .append("</button> <button type=\"reset\">").append(text("desk.reset", lang)).append("</button></div>\n</form>\n");
        html.append("<section id=\"desk-results\" class=\"results\" tabindex=\"-1\" aria-labelledby=\"desk-results-title\">\n")
                .append("<div class=\"results-head\"><h2 id=\"desk-results-title\">").append(text("desk.results", lang)).append("</h2>")
                .append("<p id=\"desk-status\" class=\"status\" role=\"status\"></p></div>\n")
                .append("<noscript><p class=\"note\">").append(text("desk.noscript", lang)).append("</p></noscript>\n")
                .append("<div id=\"desk-verdicts\" aria-live=\"polite\"><p class=\"note js-only\">")
                .append(text("desk.resultsEmpty", lang)).append("</p></div>\n</section>\n</main>\n");
        return html.append("</body></html>\n").toString();
    }

    /**
     * A claim schedule's page (/{page}): the claimant's questions rendered like the desk's, the schedule described in
     * this language as data for claim.js, which builds a table per list from it.
     */
    String claimPage(Catalogue catalogue, ScheduleView schedule, List<PageLink> links, Lang lang) {
        StringBuilder html = open(lang, null, schedule.name(), schedule.page(), links, "claim");
        html.append("<main id=\"app\" class=\"app\" data-schedule=\"").append(esc(schedule.id())).append("\">\n<noscript><p class=\"note\">")
                .append(text("page.noscript", lang)).append("</p></noscript>\n<p class=\"note\" data-s=\"intro\">").append(esc(schedule.intro()))
                .append("</p>\n<form id=\"claim-form\" novalidate>\n<section class=\"claimant\"><h2 data-s=\"claimant\">")
                .append(esc(schedule.claimant().label())).append("</h2>\n<div class=\"claimant-questions\">\n");
        Optional<Question> audience = audienceSwitch(catalogue);
        schedule.claimant().questions().stream().map(catalogue::question)
                .filter(q -> audience.filter(q::equals).isEmpty())
                .forEach(q -> item(html, q, lang));
        asOf(html, lang);
        html.append("</div></section>\n");
        for (ScheduleView.ListView list : schedule.lists()) {
            html.append("<section><h2 data-s=\"list-").append(esc(list.key())).append("\">").append(esc(list.label()))
                    .append("</h2><div class=\"table-scroll\" id=\"list-").append(esc(list.key())).append("\"></div></section>\n");
        }
        html.append("<div class=\"actions\"><button type=\"submit\" class=\"primary\">").append(text("claims.calculate", lang))
                .append("</button></div>\n</form>\n<section id=\"claim-result\" tabindex=\"-1\" aria-live=\"polite\" hidden></section>\n")
                .append("<script type=\"application/json\" id=\"claim-schedule\">")
                .append(Json.MAPPER.valueToTree(schedule).toString().replace("</", "<\\/"))
                .append("</script>\n</main>\n");
        return html.append("</body></html>\n").toString();
    }

    /** A page in the header's navigation: the desk, each claim schedule's page, the rules. */
    record PageLink(String page, String href, String label) {}

    /** /rules: the common header and a main that a script fills. */
    String shell(String page, List<PageLink> links, Lang lang) {
        return open(lang, page + ".title", messages.get(page + ".title", lang), page, links, page)
                .append("<main id=\"app\" class=\"app\"><noscript><p class=\"note\">").append(text("page.noscript", lang))
                .append("</p></noscript></main>\n</body></html>\n").toString();
    }

    /** {@code titleKey}: the title's message, or null for {@code title} from the rules; {@code script}: the page's own script. */
    private StringBuilder open(Lang lang, String titleKey, String title, String page, List<PageLink> links, String script) {
        String path = page.equals("desk") ? "/" : "/" + page;
        StringBuilder html = new StringBuilder(16_384)
                .append("<!doctype html>\n<html lang=\"").append(lang.tag()).append("\" class=\"no-js\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append(titleKey == null ? "<title>" : "<title data-t=\"" + titleKey + "\">").append(esc(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/desk.css\">")
                .append("<script type=\"module\" src=\"/assets/").append(script).append(".js\"></script></head>\n")
                .append("<body data-page=\"").append(page).append("\">\n");
        if (page.equals("desk")) html.append("<a class=\"skip\" href=\"#desk-results\">").append(text("desk.skip", lang)).append("</a>\n");
        html.append("<header class=\"bar\"><h1>").append(titleKey == null ? "<span data-s=\"name\">" + esc(title) + "</span>" : text(titleKey, lang))
                .append("</h1>\n")
                .append("<nav class=\"pages\" data-t-aria-label=\"desk.pages\" aria-label=\"").append(esc(messages.get("desk.pages", lang)))
                .append("\">");
        for (PageLink link : links) {
            html.append("<a data-keep-lang href=\"").append(link.href()).append("?lang=").append(lang.tag()).append('"')
                    .append(link.page().equals(page) ? " aria-current=\"page\"" : "").append('>').append(link.label()).append("</a>");
        }
        html.append("</nav>\n<nav class=\"langs\" data-t-aria-label=\"desk.language\" aria-label=\"")
                .append(esc(messages.get("desk.language", lang))).append("\">");
        for (Lang option : Lang.values()) {
            html.append("<a href=\"").append(path).append("?lang=").append(option.tag()).append("\" hreflang=\"").append(option.tag())
                    .append("\" lang=\"").append(option.tag()).append("\" data-lang=\"").append(option.tag()).append("\" title=\"")
                    .append(esc(messages.get("lang." + option.tag() + ".name", lang))).append('"')
                    .append(option == lang ? " aria-current=\"true\"" : "").append('>')
                    .append(esc(messages.get("lang." + option.tag() + ".short", lang))).append("</a>");
        }
        html.append("</nav>\n<button type=\"button\" id=\"print\" class=\"print-button\" hidden>").append(text("page.print", lang))
                .append("</button>\n</header>\n");
        return html;
    }

    /** The header's links: the desk, every claim schedule with a page, the rules. */
    List<PageLink> links(List<ScheduleView> schedules, Lang lang) {
        List<PageLink> links = new java.util.ArrayList<>();
        links.add(new PageLink("desk", "/", text("desk.nav.desk", lang)));
        schedules.stream().filter(s -> s.page() != null)
                .forEach(s -> links.add(new PageLink(s.page(), "/" + s.page(), "<span data-s=\"name\">" + esc(s.name()) + "</span>")));
        links.add(new PageLink("rules", "/rules", text("desk.nav.rules", lang)));
        return links;
    }

    /** A message as element content, with its key so a script can swap the language. */
    String text(String key, Lang lang) {
        return "<span data-t=\"" + key + "\">" + esc(messages.get(key, lang)) + "</span>";
    }

    private void asOf(StringBuilder html, Lang lang) {
        html.append("<div class=\"q\" data-as-of><label for=\"asOf\">").append(text("page.asOf", lang)).append("</label>")
                .append("<p class=\"hint\" id=\"asOf-hint\">").append(text("desk.asOfHint", lang)).append("</p>")
                .append("<input type=\"date\" id=\"asOf\" name=\"asOf\" aria-describedby=\"asOf-hint asOf-error\">")
                .append("<p class=\"error\" id=\"asOf-error\" hidden></p></div>\n");
    }

    private void item(StringBuilder html, Question q, Lang lang) {
        String field = esc(q.field());
        html.append("<div class=\"q\" id=\"q-").append(field).append("\" data-field=\"").append(field).append("\" data-type=\"")
                .append(q.type().name().toLowerCase(Locale.ROOT)).append('"');
        if (q.appliesTo() != null) html.append(" data-applies-to=\"").append(esc(q.appliesTo())).append('"');
        html.append(">\n<label for=\"").append(field).append("\" data-q=\"").append(field).append("\">")
                .append(esc(q.label().in(lang))).append("</label>\n");
        hint(html, q, lang);
        String common = " id=\"" + field + "\" name=\"" + field + "\" aria-describedby=\"" + field + "-hint " + field + "-error\"";
        switch (q.type()) {
            case ENUM, BOOLEAN -> {
                html.append("<select").append(common).append("><option value=\"\" data-t=\"desk.unknown\">")
                        .append(esc(messages.get("desk.unknown", lang))).append("</option>");
                if (q.type() == QuestionType.BOOLEAN) {
                    html.append("<option value=\"true\" data-t=\"desk.yes\">").append(esc(messages.get("desk.yes", lang))).append("</option>")
                            .append("<option value=\"false\" data-t=\"desk.no\">").append(esc(messages.get("desk.no", lang))).append("</option>");
                } else {
                    for (String value : q.values()) {
                        html.append("<option value=\"").append(esc(value)).append("\" data-choice=\"").append(field).append("\">")
                                .append(esc(q.valueLabel(value).in(lang))).append("</option>");
                    }
                }
                html.append("</select>\n");
            }
            // Whole numbers as text with a numeric keypad: the server checks them and says what is wrong.
            case INTEGER -> html.append("<input type=\"text\" inputmode=\"numeric\" autocomplete=\"off\"").append(common).append(">\n");
            case TEXT -> html.append("<input type=\"text\" autocomplete=\"off\"").append(common).append(">\n");
        }
        html.append("<p class=\"error\" id=\"").append(field).append("-error\" hidden></p>\n</div>\n");
    }

    /** The question that says who is asking, as radio buttons; the first carries the field's id so links can focus it. */
    private void radios(StringBuilder html, Question q, Lang lang) {
        String field = esc(q.field());
        html.append("<fieldset class=\"q switch\" id=\"q-").append(field).append("\" data-field=\"").append(field)
                .append("\" data-type=\"enum\" data-switch aria-describedby=\"").append(field).append("-hint\">\n<legend data-q=\"")
                .append(field).append("\">").append(esc(q.label().in(lang))).append("</legend>\n");
        hint(html, q, lang);
        html.append("<div class=\"choices\">");
        boolean first = true;
        for (String value : q.values()) {
            html.append("<label><input type=\"radio\" name=\"").append(field).append("\" value=\"").append(esc(value)).append('"')
                    .append(first ? " id=\"" + field + "\"" : "").append(Objects.equals(value, q.defaultValue()) ? " checked" : "")
                    .append("> <span data-choice=\"").append(field).append("\" data-value=\"").append(esc(value)).append("\">")
                    .append(esc(q.valueLabel(value).in(lang))).append("</span></label>");
            first = false;
        }
        html.append("</div>\n</fieldset>\n");
    }

    private static void hint(StringBuilder html, Question q, Lang lang) {
        html.append("<p class=\"hint\" id=\"").append(esc(q.field())).append("-hint\" data-qh=\"").append(esc(q.field())).append("\">")
                .append(q.hint() == null ? "" : esc(q.hint().in(lang))).append("</p>\n");
    }

    /**
     * The question whose answers name the audiences that other questions apply to (applicantType: PERSON or
     * ORGANIZATION). Found from the catalogue, so the rules can rename it.
     */
    static Optional<Question> audienceSwitch(Catalogue catalogue) {
        Set<String> audiences = new LinkedHashSet<>();
        catalogue.questions().stream().map(Question::appliesTo).filter(Objects::nonNull).forEach(audiences::add);
        if (audiences.isEmpty()) return Optional.empty();
        return catalogue.questions().stream()
                .filter(q -> q.type() == QuestionType.ENUM && q.appliesTo() == null && q.values().containsAll(audiences))
                .findFirst();
    }

    /** CSS that hides the questions of the other audience, with or without scripting. */
    private static String hideOtherAudiences(Question q) {
        StringBuilder css = new StringBuilder("<style>");
        for (String value : q.values()) {
            css.append('#').append(FORM_ID).append(":has(input[name=\"").append(cssString(q.field())).append("\"][value=\"")
                    .append(cssString(value)).append("\"]:checked) .q[data-applies-to]:not([data-applies-to=\"")
                    .append(cssString(value)).append("\"]){display:none}");
        }
        return css.append("</style>\n").toString();
    }

    /** A value inside a CSS string in a style element, where HTML escapes do not apply. */
    private static String cssString(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') out.appendCodePoint(c);
            else out.append('\\').append(Integer.toHexString(c)).append(' ');
        });
        return out.toString();
    }
}
