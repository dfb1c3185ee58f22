package org.policyadvisor.web;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.Decision;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;
import org.policyadvisor.catalogue.Status;

/** The advice as a printable HTML page, for a plain form posted without script. */
final class AdvicePage {

    private static final String STYLE = """
            body{font:16px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
            h1{font-size:1.5rem;margin:.2rem 0}h2{border-bottom:2px solid #1f4e79;padding-bottom:.2rem;margin-top:1.5rem}
            .meta{color:#444;font-size:.9rem}.program{border:1px solid #bbb;border-radius:6px;padding:.5rem 1rem;margin:.7rem 0;break-inside:avoid}
            .ELIGIBLE{border-left:6px solid #1b7f3b}.NEEDS_INFO{border-left:6px solid #a86400}.NOT_ELIGIBLE{border-left:6px solid #8a8a8a}
            .badge{display:inline-block;font-size:.8rem;border:1px solid #555;border-radius:3px;padding:0 .3rem;margin-left:.4rem}
            .MET::before{content:"✓ "}.NOT_MET::before{content:"✗ "}.UNKNOWN::before{content:"? "}
            .total{font-size:1.2rem;font-weight:bold}blockquote{margin:.3rem 0;padding-left:.7rem;border-left:3px solid #ccc;color:#333}
            .errors{color:#a00000}a{color:#1f4e79}.disclaimer{font-weight:bold}
            dl{display:grid;grid-template-columns:minmax(10rem,max-content) 1fr;gap:.15rem 1rem}dt{font-weight:600}dd{margin:0}
            form.back button{font:inherit;padding:.3rem .8rem}
            .reference{display:flex;gap:1rem;align-items:center;border:2px solid #1f4e79;border-radius:6px;padding:.5rem 1rem;break-inside:avoid}
            .reference .qr svg{width:7.5rem;height:7.5rem}.reference strong{font:bold 1.4rem/1.2 ui-monospace,monospace;letter-spacing:.05em}
            @media print{form.back{display:none}body{font-size:11pt;max-width:none}.program{border-color:#999}}
            """;

    private final Messages messages;

    AdvicePage(Messages messages) {
        this.messages = messages;
    }

    /** A saved consultation's page: the answer as given then, under its reference and the QR code of its link. */
    String saved(Advice advice, Catalogue catalogue, Map<String, Object> answers, Lang lang, String reference, String createdAt, String qrSvg) {
        String block = "<section class=\"reference\" data-reference=\"" + esc(reference) + "\"><div class=\"qr\">" + qrSvg + "</div><p>"
                + esc(messages.get("page.reference", lang)) + ": <strong data-reference-text>" + esc(reference) + "</strong></p><p class=\"meta\">"
                + esc(messages.get("page.savedAt", lang)) + ": " + esc(createdAt) + "</p><p>" + esc(messages.get("page.referenceHint", lang))
                + "</p></section>\n";
        return advice(advice, catalogue, DeskDetails.forCatalogue(catalogue), answers, lang, block);
    }

    String advice(Advice advice, Catalogue catalogue, DeskDetails details, Map<String, Object> answers, Lang lang) {
        return advice(advice, catalogue, details, answers, lang, "");
    }

    /**
     * The advice grouped by availability (policy-catalogue R7): eligible now (in effect or pilot), "you would qualify
     * when it starts" (planned), needs information, not eligible (without the programs for the other kind of
     * applicant). Each group carries {@code data-group} as the desk's does. {@code preamble} goes first (a reference).
     */
    private String advice(Advice advice, Catalogue catalogue, DeskDetails details, Map<String, Object> answers, Lang lang, String preamble) {
        StringBuilder html = head(lang, messages.get("page.title", lang));
        html.append(preamble);
        html.append("<p class=\"meta\">").append(esc(messages.get("page.asOf", lang))).append(": ").append(advice.asOf())
                .append(" · ").append(esc(messages.get("page.rulesetVersion", lang))).append(": <code title=\"")
                .append(esc(advice.rulesetVersion())).append("\">").append(esc(shortVersion(advice.rulesetVersion()))).append("</code></p>\n");
        back(html, answers, lang);
        answersGiven(html, catalogue, answers, lang);
        List<Advice.ProgramAdvice> eligible = advice.programs().stream()
                .filter(p -> p.status() == ProgramStatus.ELIGIBLE && p.availability() != Program.Availability.PLANNED).toList();
        List<Advice.ProgramAdvice> upcoming = advice.programs().stream()
                .filter(p -> p.status() == ProgramStatus.ELIGIBLE && p.availability() == Program.Availability.PLANNED).toList();
        List<Advice.ProgramAdvice> needsInfo = advice.programs().stream().filter(p -> p.status() == ProgramStatus.NEEDS_INFO).toList();
        List<Advice.ProgramAdvice> notEligible = advice.programs().stream()
                .filter(p -> p.status() == ProgramStatus.NOT_ELIGIBLE && !details.forOtherAudience(p)).toList();

        group(html, "eligible", eligible, catalogue, lang, () -> {
            if (!advice.totals().byCurrency().isEmpty()) {
                html.append("<p class=\"total\">").append(esc(messages.get("page.total", lang))).append(": ").append(totals(advice.totals(), lang))
                        .append("</p>\n");
            }
        });
        group(html, "upcoming", upcoming, catalogue, lang, () -> html.append("<p>").append(esc(messages.get("page.upcomingNote", lang))).append("</p>\n"));
        group(html, "needs-info", needsInfo, catalogue, lang, () -> {
            if (!advice.questions().isEmpty()) {
                html.append("<p>").append(esc(messages.get("page.questions", lang))).append(":</p><ol>");
                advice.questions().forEach(q -> html.append("<li>").append(esc(q.label())).append("</li>"));
                html.append("</ol>\n");
            }
        });
        group(html, "not-eligible", notEligible, catalogue, lang, () -> {});
        html.append("<footer class=\"handout-foot\">");
        if (details.contact() != null) {
            html.append("<p><strong>").append(esc(messages.get("handout.contact", lang))).append(":</strong> ")
                    .append(esc(details.contact().in(lang))).append("</p>");
        }
        html.append("<p class=\"disclaimer\">").append(esc(messages.get("page.disclaimer", lang))).append("</p></footer>\n");
        return html.append("</body></html>\n").toString();
    }

    private void group(StringBuilder html, String group, List<Advice.ProgramAdvice> programs, Catalogue catalogue, Lang lang, Runnable intro) {
        if (programs.isEmpty() && !group.equals("eligible")) return;
        html.append("<section data-group=\"").append(group).append("\"><h2>").append(esc(messages.get("page.group." + group, lang)))
                .append(" (").append(programs.size()).append(")</h2>\n");
        intro.run();
        programs.forEach(p -> program(html, p, catalogue, lang));
        html.append("</section>\n");
    }

    /** Back to the form with the answers kept: they go back in a post, never in an address. */
    private void back(StringBuilder html, Map<String, Object> answers, Lang lang) {
        html.append("<form class=\"back\" method=\"post\" action=\"/?lang=").append(lang.tag())
                .append("\"><input type=\"hidden\" name=\"lang\" value=\"").append(lang.tag()).append("\">");
        answers.forEach((field, value) -> {
            if (value != null) html.append("<input type=\"hidden\" name=\"").append(esc(field)).append("\" value=\"")
                    .append(esc(String.valueOf(value))).append("\">");
        });
        html.append("<button type=\"submit\">").append(esc(messages.get("page.back", lang))).append("</button></form>\n");
    }

    /** The one-off cash per currency, "up to" when an amount in it is a maximum. */
    private String totals(Advice.Totals totals, Lang lang) {
        StringBuilder html = new StringBuilder();
        for (Decision.CashTotal total : totals.byCurrency()) {
            String amount = money(total.amount(), total.currency(), lang);
            if (total.upTo()) amount = messages.get("page.upTo", lang, amount);
            if (html.length() > 0) html.append(" + ");
            html.append("<strong class=\"cash\" data-currency=\"").append(esc(total.currency())).append("\">").append(esc(amount)).append("</strong>");
        }
        return html.toString();
    }

    /** An amount as the pages' script shows it (Intl.NumberFormat): one currency format per language. */
    static String money(long amount, String currency, Lang lang) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(lang.tag()));
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return amount + " " + currency;
        }
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    static String shortVersion(String version) {
        return version == null ? "" : version.length() > 19 ? version.substring(0, 19) : version;
    }

    String problem(Problem problem, Lang lang) {
        StringBuilder html = head(lang, problem.title());
        html.append("<p>").append(esc(problem.detail())).append("</p>\n");
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            html.append("<p class=\"errors\">").append(esc(messages.get("page.errors", lang))).append(":</p><ul class=\"errors\">");
            problem.errors().forEach(e -> html.append("<li><code>").append(esc(e.pointer())).append("</code> ").append(esc(e.message())).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("<p><a class=\"back\" href=\"/?lang=").append(lang.tag()).append("\">").append(esc(messages.get("page.back", lang))).append("</a></p>");
        return html.append("</body></html>\n").toString();
    }

    private StringBuilder head(Lang lang, String title) {
        return new StringBuilder("<!doctype html>\n<html lang=\"").append(lang.tag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
    }

    private void answersGiven(StringBuilder html, Catalogue catalogue, Map<String, Object> answers, Lang lang) {
        html.append("<section><h2>").append(esc(messages.get("page.answers", lang))).append("</h2>");
        List<Question> answered = catalogue.questions().stream().filter(q -> answers.get(q.field()) != null).toList();
        if (answered.isEmpty()) html.append("<p>").append(esc(messages.get("page.noAnswers", lang))).append("</p>");
        else {
            html.append("<dl>");
            for (Question q : answered) {
                Object value = answers.get(q.field());
                String shown = value instanceof Boolean yes ? messages.get(yes ? "desk.yes" : "desk.no", lang)
                        : q.valueLabel(String.valueOf(value)) != null ? q.valueLabel(String.valueOf(value)).in(lang) : String.valueOf(value);
                html.append("<dt>").append(esc(q.label().in(lang))).append("</dt><dd>").append(esc(shown)).append("</dd>");
            }
            html.append("</dl>");
        }
        html.append("</section>\n");
    }

    private void program(StringBuilder html, Advice.ProgramAdvice p, Catalogue catalogue, Lang lang) {
        html.append("<article class=\"program ").append(p.status()).append("\" id=\"").append(esc(p.id())).append("\" data-program=\"")
                .append(esc(p.id())).append("\"><h3>")
                .append(esc(p.name())).append("<span class=\"badge\">").append(esc(messages.get("page." + p.availability(), lang)))
                .append("</span></h3>\n<p>").append(esc(p.summary())).append("</p>\n");
        html.append("<h4>").append(esc(messages.get("page.benefits", lang))).append("</h4><ul>");
        for (Advice.BenefitAdvice b : p.benefits()) {
            html.append("<li>");
            if (b.kind() == Program.Benefit.Kind.CASH) {
                String amount = b.amount() == null ? messages.get("page.amountUnknown", lang) : money(b.amount(), b.currency(), lang);
                if (b.amount() != null && b.maximum()) amount = messages.get("page.upTo", lang, amount);
                html.append("<strong class=\"amount\">").append(esc(amount));
                if (b.unit() != null) html.append(" ").append(esc(b.unit())); // the unit's words, from rules/units.yaml
                html.append("</strong>");
                if (b.periodsText() != null) html.append(" · <span class=\"periods\">").append(esc(b.periodsText())).append("</span>");
                if (b.cap() != null) {
                    html.append(" · <span class=\"cap\">").append(esc(messages.get("page.cap", lang, money(b.cap(), b.currency(), lang)))).append("</span>");
                }
                html.append(" — ");
            }
            html.append(esc(b.description())).append("</li>");
        }
        html.append("</ul>\n");
        // Eligible programs meet every criterion: their list would only repeat "met"; the others show what decides them.
        if (p.status() != ProgramStatus.ELIGIBLE) {
            html.append("<h4>").append(esc(messages.get("page.criteria", lang))).append("</h4><ul>");
            for (Advice.CriterionAdvice c : p.criteria()) {
                if (c.status() == Status.MET) continue;
                html.append("<li class=\"").append(c.status()).append("\">").append(esc(c.text())).append(" — ")
                        .append(esc(messages.get("page." + c.status(), lang))).append("</li>");
            }
            html.append("</ul>\n");
        }
        if (!p.missing().isEmpty()) {
            html.append("<p>").append(esc(messages.get("page.missing", lang))).append(": ")
                    .append(esc(p.missing().stream().map(f -> catalogue.question(f).label().in(lang)).collect(Collectors.joining(messages.get("page.listSeparator", lang)))))
                    .append("</p>\n");
        }
        if (!p.assumptions().isEmpty()) {
            html.append("<h4>").append(esc(messages.get("page.assumptions", lang))).append("</h4><ul>");
            p.assumptions().forEach(a -> html.append("<li>").append(esc(a.id())).append(": ").append(esc(a.text())).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("<h4>").append(esc(messages.get("page.howToApply", lang))).append("</h4><p>").append(esc(p.howToApply())).append("</p>\n");
        html.append("<h4>").append(esc(messages.get("page.source", lang))).append("</h4><blockquote>").append(esc(p.source().quote()))
                .append("</blockquote><p class=\"meta\">").append(esc(p.source().document())).append(", ")
                .append(esc(paragraphs(p.source().paragraphs(), lang))).append("</p>\n");
        html.append("</article>\n");
    }

    static String esc(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The cited paragraphs in the page's language, e.g. "paragraphs 15 and 16", or its Chinese form. */
    private String paragraphs(List<Integer> numbers, Lang lang) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) list.append(messages.get(i == numbers.size() - 1 ? "page.listLastSeparator" : "page.listSeparator", lang));
            list.append(numbers.get(i));
        }
        return messages.get(numbers.size() == 1 ? "page.paragraph" : "page.paragraphs", lang, list);
    }
}
