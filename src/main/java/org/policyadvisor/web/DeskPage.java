package org.policyadvisor.web;

import static org.policyadvisor.web.AdvicePage.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * language switch. A claim schedule's page gets its claimant's questions and the schedule's description, /rules only the header; their
 * scripts build the rest. Every word comes from messages.yaml or
 * from rules/; elements carry {@code data-t} (a message key) or {@code data-q}/{@code data-choice} (a question)
 * so a script can relabel them in another language.
 */
final class DeskPage {

    static final String FORM_ID = "desk-profile";

    private final Messages messages;

    DeskPage(Messages messages) {
        this.messages = messages;
    }

    /**
     * The desk with {@code answers} filled in (field to the text as posted) and {@code errors} (field to message)
     * shown under their questions and listed at the top: a plain form post with a refused answer comes back here,
     * nothing lost. {@code details} (rules/desk.yaml) goes to the script for the handout and the near misses.
     */
    String desk(Catalogue catalogue, DeskDetails details, List<PageLink> links, Lang lang, Map<String, String> answers,
                Map<String, String> errors) {
        Optional<Question> audience = audienceSwitch(catalogue);
        StringBuilder html = open(lang, "page.title", messages.get("page.title", lang), "desk", links, "desk");
        audience.ifPresent(q -> html.append(hideOtherAudiences(q)));
        html.append("<main class=\"desk\">\n");
        html.append("<section id=\"desk-print-summary\" class=\"print-only\" aria-hidden=\"true\"></section>\n");
        html.append("<section id=\"desk-handout\" class=\"handout\" aria-hidden=\"true\"></section>\n");
        html.append("<form id=\"").append(FORM_ID).append("\" class=\"profile\" method=\"post\" action=\"/api/v1/advice\"")
                .append(" aria-labelledby=\"desk-questions-title\">\n");
        html.append("<h2 id=\"desk-questions-title\">").append(text("desk.questions", lang)).append("</h2>\n");
        if (!errors.isEmpty()) errorSummary(html, catalogue, errors, lang);
        html.append("<input type=\"hidden\" name=\"lang\" value=\"").append(lang.tag()).append("\">\n");
        audience.ifPresent(q -> radios(html, q, lang, answers.get(q.field())));
        for (Question question : catalogue.questions()) {
            if (audience.filter(question::equals).isEmpty()) item(html, question, lang, answers.get(question.field()), errors.get(question.field()));
        }
        asOf(html, lang, answers.get("asOf"), errors.get("asOf"));
        html.append("<div class=\"actions\"><button type=\"submit\" class=\"primary\">").append(text("desk.submit", lang))
                .append("</button> <button type=\"reset\">").append(text("desk.reset", lang)).append("</button></div>\n</form>\n");
        html.append("<section id=\"desk-results\" class=\"results\" data-role=\"results\" tabindex=\"-1\" aria-labelledby=\"desk-results-title\">\n")
                .append("<h2 id=\"desk-results-title\">").append(text("desk.results", lang)).append("</h2>\n")
                .append("<div class=\"results-top\" id=\"desk-top\">")
                .append("<div id=\"desk-summary\" class=\"summary\" data-role=\"summary\"></div>")
                .append("<div id=\"desk-ask-next\" class=\"ask-next\" data-role=\"ask-next\"></div></div>\n")
                .append("<p id=\"desk-status\" class=\"visually-hidden\" role=\"status\"></p>\n")
                .append("<div class=\"tools js-only\" role=\"group\" aria-labelledby=\"desk-tools-title\">")
                .append("<h3 id=\"desk-tools-title\" class=\"visually-hidden\">").append(text("desk.tools", lang)).append("</h3>")
                .append("<button type=\"button\" data-action=\"save\">").append(text("desk.save", lang)).append("</button>")
                .append("<p id=\"desk-reference\" class=\"reference\" data-role=\"reference\" hidden></p>")
                .append("<span class=\"open-ref\"><label for=\"desk-open-ref\">").append(text("desk.openLabel", lang))
                .append("</label><input type=\"text\" id=\"desk-open-ref\" autocomplete=\"off\" spellcheck=\"false\" size=\"18\">")
                .append("<button type=\"button\" data-action=\"open\">").append(text("desk.open", lang)).append("</button></span>")
                .append("<button type=\"button\" data-action=\"print-handout\">").append(text("desk.printHandout", lang)).append("</button>")
                .append("<button type=\"button\" data-action=\"print-consultant\">").append(text("desk.printConsultant", lang)).append("</button>")
                .append("<p id=\"desk-tools-message\" class=\"tools-message\" hidden></p>")
                .append("<div id=\"desk-changes\" class=\"changes\" hidden></div></div>\n")
                .append("<noscript><p class=\"note\">").append(text("desk.noscript", lang)).append("</p></noscript>\n")
                .append("<div id=\"desk-verdicts\"><p class=\"note js-only\">")
                .append(text("desk.resultsEmpty", lang)).append("</p></div>\n</section>\n");
        if (details != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("contact", details.contact());
            data.put("fixedFields", details.fixedFields());
            data.put("audienceField", details.audienceField());
            html.append("<script type=\"application/json\" id=\"desk-details\">")
                    .append(Json.MAPPER.valueToTree(data).toString().replace("</", "<\\/")).append("</script>\n");
        }
        html.append("</main>\n");
        return html.append("</body></html>\n").toString();
    }

    /** The refused answers at the top of the form, each named by its question and linked to it. */
    private void errorSummary(StringBuilder html, Catalogue catalogue, Map<String, String> errors, Lang lang) {
        html.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><p><strong>").append(text("page.fixAnswers", lang))
                .append("</strong></p><ul>");
        errors.forEach((field, message) -> {
            Question q = catalogue.question(field);
            String label = q != null ? q.label().in(lang) : field.equals("asOf") ? messages.get("page.asOf", lang) : null;
            html.append("<li>");
            if (label != null) {
                html.append("<a href=\"#").append(esc(field)).append("\">").append(esc(label)).append("</a>")
                        .append(label.matches(".*[?:\\uFF1F\\uFF1A]$") ? " " : ": ");
            }
            html.append(esc(message)).append("</li>");
        });
        html.append("</ul></div>\n");
    }

    /**
     * A claim schedule's page (/{page}): the claimant's questions rendered like the desk's, the schedule described in
     * this language as data for claim.js, which builds a table per list of the claim from it.
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

    /** The header's links: the desk, every claim schedule with a page, the rules. */
    List<PageLink> links(List<ScheduleView> schedules, Lang lang) {
        List<PageLink> links = new ArrayList<>();
        links.add(new PageLink("desk", "/", text("desk.nav.desk", lang)));
        schedules.stream().filter(s -> s.page() != null)
                .forEach(s -> links.add(new PageLink(s.page(), "/" + s.page(), "<span data-s=\"name\">" + esc(s.name()) + "</span>")));
        links.add(new PageLink("rules", "/rules", text("desk.nav.rules", lang)));
        return links;
    }

    /** /rules: the common header and a main that a script fills. */
    String shell(String page, List<PageLink> links, Lang lang) {
        return open(lang, page + ".title", messages.get(page + ".title", lang), page, links, page)
                .append("<main id=\"app\" class=\"app\"><noscript><p class=\"note\">").append(text("page.noscript", lang))
                .append("</p></noscript></main>\n</body></html>\n").toString();
    }

    /** {@code titleKey}: the title's message, or null for a {@code title} from the rules; {@code script}: the page's own. */
    private StringBuilder open(Lang lang, String titleKey, String title, String page, List<PageLink> links, String script) {
        String path = page.equals("desk") ? "/" : "/" + page;
        StringBuilder html = new StringBuilder(16_384)
                .append("<!doctype html>\n<html lang=\"").append(lang.tag()).append("\" class=\"no-js\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append(titleKey == null ? "<title>" : "<title data-t=\"" + titleKey + "\">").append(esc(title)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/desk.css\">")
                .append("<script type=\"module\" src=\"/assets/").append(script).append(".js\"></script>")
                // Tables of the other pages stack their cells on a phone, each labelled by its column.
                .append(page.equals("desk") ? "" : "<script type=\"module\" src=\"/assets/reflow.js\"></script>")
                .append("</head>\n")
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

    /** A message as element content, with its key so a script can swap the language. */
    String text(String key, Lang lang) {
        return "<span data-t=\"" + key + "\">" + esc(messages.get(key, lang)) + "</span>";
    }

    private void asOf(StringBuilder html, Lang lang) {
        asOf(html, lang, null, null);
    }

    private void asOf(StringBuilder html, Lang lang, String value, String error) {
        html.append("<div class=\"q\" data-as-of><label for=\"asOf\">").append(text("page.asOf", lang)).append("</label>")
                .append("<p class=\"hint\" id=\"asOf-hint\">").append(text("desk.asOfHint", lang)).append("</p>")
                .append("<input type=\"date\" id=\"asOf\" name=\"asOf\" aria-describedby=\"asOf-hint asOf-error\"")
                .append(value == null ? "" : " value=\"" + esc(value) + "\"").append(error == null ? "" : " aria-invalid=\"true\"").append('>');
        errorLine(html, "asOf", error);
        html.append("</div>\n");
    }

    private static void errorLine(StringBuilder html, String field, String error) {
        html.append("<p class=\"error\" id=\"").append(esc(field)).append("-error\"").append(error == null ? " hidden>" : ">" + esc(error))
                .append("</p>");
    }

    private void item(StringBuilder html, Question q, Lang lang) {
        item(html, q, lang, null, null);
    }

    private void item(StringBuilder html, Question q, Lang lang, String value, String error) {
        String field = esc(q.field());
        html.append("<div class=\"q\" id=\"q-").append(field).append("\" data-field=\"").append(field).append("\" data-type=\"")
                .append(q.type().name().toLowerCase(Locale.ROOT)).append('"');
        if (q.appliesTo() != null) html.append(" data-applies-to=\"").append(esc(q.appliesTo())).append('"');
        html.append(">\n<label for=\"").append(field).append("\" data-q=\"").append(field).append("\">")
                .append(esc(q.label().in(lang))).append("</label>\n");
        hint(html, q, lang);
        String common = " id=\"" + field + "\" name=\"" + field + "\" aria-describedby=\"" + field + "-hint " + field + "-error\""
                + (error == null ? "" : " aria-invalid=\"true\"");
        switch (q.type()) {
            case ENUM, BOOLEAN -> {
                html.append("<select").append(common).append("><option value=\"\" data-t=\"desk.unknown\">")
                        .append(esc(messages.get("desk.unknown", lang))).append("</option>");
                if (q.type() == QuestionType.BOOLEAN) {
                    html.append("<option value=\"true\" data-t=\"desk.yes\"").append(selected("true", value)).append('>')
                            .append(esc(messages.get("desk.yes", lang))).append("</option>")
                            .append("<option value=\"false\" data-t=\"desk.no\"").append(selected("false", value)).append('>')
                            .append(esc(messages.get("desk.no", lang))).append("</option>");
                } else {
                    for (String choice : q.values()) {
                        html.append("<option value=\"").append(esc(choice)).append("\" data-choice=\"").append(field).append('"')
                                .append(selected(choice, value)).append('>').append(esc(q.valueLabel(choice).in(lang))).append("</option>");
                    }
                }
                html.append("</select>\n");
            }
            // Whole numbers as text with a numeric keypad: the server checks them and says what is wrong.
            case INTEGER -> html.append("<input type=\"text\" inputmode=\"numeric\" autocomplete=\"off\"").append(common)
                    .append(valueAttribute(value)).append(">\n");
            case TEXT -> html.append("<input type=\"text\" autocomplete=\"off\"").append(common).append(valueAttribute(value)).append(">\n");
        }
        errorLine(html, q.field(), error);
        html.append("\n</div>\n");
    }

    private static String selected(String choice, String value) {
        return choice.equals(value) ? " selected" : "";
    }

    private static String valueAttribute(String value) {
        return value == null || value.isEmpty() ? "" : " value=\"" + esc(value) + "\"";
    }

    /** The question that says who is asking, as radio buttons; the first carries the field's id so links can focus it. */
    private void radios(StringBuilder html, Question q, Lang lang, String answer) {
        String chosen = answer == null || !q.values().contains(answer) ? String.valueOf(q.defaultValue()) : answer;
        String field = esc(q.field());
        html.append("<fieldset class=\"q switch\" id=\"q-").append(field).append("\" data-field=\"").append(field)
                .append("\" data-type=\"enum\" data-switch aria-describedby=\"").append(field).append("-hint\">\n<legend data-q=\"")
                .append(field).append("\">").append(esc(q.label().in(lang))).append("</legend>\n");
        hint(html, q, lang);
        html.append("<div class=\"choices\">");
        boolean first = true;
        for (String value : q.values()) {
            html.append("<label><input type=\"radio\" name=\"").append(field).append("\" value=\"").append(esc(value)).append('"')
                    .append(first ? " id=\"" + field + "\"" : "").append(value.equals(chosen) ? " checked" : "")
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
