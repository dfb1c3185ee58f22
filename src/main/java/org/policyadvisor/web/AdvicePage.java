package org.policyadvisor.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.catalogue.Program;
import org.policyadvisor.catalogue.Question;

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
            .errors{color:#a00000}a{color:#1f4e79}
            .reference{display:flex;gap:1rem;align-items:center;border:2px solid #1f4e79;border-radius:6px;padding:.5rem 1rem;break-inside:avoid}
            .reference .qr svg{width:7.5rem;height:7.5rem}.reference strong{font:bold 1.4rem/1.2 ui-monospace,monospace;letter-spacing:.05em}
            @media print{a.back{display:none}body{font-size:11pt;max-width:none}.program{border-color:#999}}
            """;

    private final Messages messages;

    AdvicePage(Messages messages) {
        this.messages = messages;
    }

    String advice(Advice advice, Catalogue catalogue, Map<String, Object> answers, Lang lang) {
        return advice(advice, catalogue, answers, lang, "");
    }

    /** A saved consultation's page: the answer as given then, under its reference and the QR code of its link. */
    String saved(Advice advice, Catalogue catalogue, Map<String, Object> answers, Lang lang, String reference, String createdAt, String qrSvg) {
        String block = "<section class=\"reference\" data-reference=\"" + esc(reference) + "\"><div class=\"qr\">" + qrSvg + "</div><p>"
                + esc(messages.get("page.reference", lang)) + ": <strong data-reference-text>" + esc(reference) + "</strong></p><p class=\"meta\">"
                + esc(messages.get("page.savedAt", lang)) + ": " + esc(createdAt) + "</p><p>" + esc(messages.get("page.referenceHint", lang))
                + "</p></section>\n";
        return advice(advice, catalogue, answers, lang, block);
    }

    private String advice(Advice advice, Catalogue catalogue, Map<String, Object> answers, Lang lang, String preamble) {
        StringBuilder html = head(lang, messages.get("page.title", lang));
        html.append(preamble);
        html.append("<p class=\"meta\">").append(esc(messages.get("page.asOf", lang))).append(": ").append(advice.asOf())
                .append(" · ").append(esc(messages.get("page.rulesetVersion", lang))).append(": <code>")
                .append(esc(advice.rulesetVersion())).append("</code></p>\n");
        html.append("<p><a class=\"back\" href=\"/?lang=").append(lang.tag()).append("\">")
                .append(esc(messages.get("page.back", lang))).append("</a></p>\n");
        answersGiven(html, catalogue, answers, lang);
        for (ProgramStatus status : ProgramStatus.values()) {
            List<Advice.ProgramAdvice> programs = advice.programs().stream().filter(p -> p.status() == status).toList();
            html.append("<section><h2>").append(esc(messages.get("page." + status, lang))).append(" (").append(programs.size()).append(")</h2>\n");
            if (status == ProgramStatus.ELIGIBLE) {
                html.append("<p class=\"total\">").append(esc(messages.get("page.total", lang))).append(": ").append(totals(advice.totals(), lang))
                        .append("</p>\n");
            }
            if (status == ProgramStatus.NEEDS_INFO && !advice.questions().isEmpty()) {
                html.append("<p>").append(esc(messages.get("page.questions", lang))).append(":</p><ol>");
                advice.questions().forEach(q -> html.append("<li>").append(esc(q.label())).append("</li>"));
                html.append("</ol>\n");
            }
            programs.forEach(p -> program(html, p, catalogue, lang));
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString();
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

    /** An amount with its currency; "up to" it when it is a maximum. */
    private String money(long amount, String currency, boolean maximum, Lang lang) {
        String money = amount + (currency == null ? "" : " " + currency);
        return maximum ? messages.get("page.upTo", lang, money) : money;
    }

    /** The one-off cash per currency, "up to" when an amount in it is a maximum; 0 in the main currency when none. */
    private String totals(Advice.Totals totals, Lang lang) {
        if (totals.byCurrency().isEmpty()) return "<strong class=\"cash\">" + esc(money(0, totals.currency(), false, lang)) + "</strong>";
        StringBuilder html = new StringBuilder();
        for (org.policyadvisor.advice.Decision.CashTotal total : totals.byCurrency()) {
            if (html.length() > 0) html.append(" + ");
            html.append("<strong class=\"cash\" data-currency=\"").append(esc(total.currency())).append("\">")
                    .append(esc(money(total.amount(), total.currency(), total.upTo(), lang))).append("</strong>");
        }
        return html.toString();
    }

    private void program(StringBuilder html, Advice.ProgramAdvice p, Catalogue catalogue, Lang lang) {
        html.append("<article class=\"program ").append(p.status()).append("\" id=\"").append(esc(p.id())).append("\"><h3>")
                .append(esc(p.name())).append("<span class=\"badge\">").append(esc(messages.get("page." + p.availability(), lang)))
                .append("</span></h3>\n<p>").append(esc(p.summary())).append("</p>\n");
        html.append("<h4>").append(esc(messages.get("page.benefits", lang))).append("</h4><ul>");
        for (Advice.BenefitAdvice b : p.benefits()) {
            html.append("<li>");
            if (b.kind() == Program.Benefit.Kind.CASH) {
                html.append("<strong class=\"amount\">").append(b.amount() == null ? esc(messages.get("page.amountUnknown", lang))
                        : esc(money(b.amount(), b.currency(), b.maximum(), lang)));
                if (b.unit() != null) html.append(" ").append(esc(b.unit()));
                html.append("</strong>");
                if (b.periodsText() != null) html.append(" · <span class=\"periods\">").append(esc(b.periodsText())).append("</span>");
                if (b.cap() != null) html.append(" · <span class=\"cap\">").append(esc(messages.get("page.cap", lang, b.cap() + " " + b.currency()))).append("</span>");
                html.append(" — ");
            }
            html.append(esc(b.description())).append("</li>");
        }
        html.append("</ul>\n<h4>").append(esc(messages.get("page.criteria", lang))).append("</h4><ul>");
        for (Advice.CriterionAdvice c : p.criteria()) {
            html.append("<li class=\"").append(c.status()).append("\">").append(esc(c.text())).append(" — ")
                    .append(esc(messages.get("page." + c.status(), lang))).append("</li>");
        }
        html.append("</ul>\n");
        if (!p.missing().isEmpty()) {
            html.append("<p>").append(esc(messages.get("page.missing", lang))).append(": ")
                    .append(esc(p.missing().stream().map(f -> catalogue.question(f).label().in(lang)).collect(Collectors.joining("、"))))
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
