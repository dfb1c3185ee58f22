package org.policyadvisor.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.claims.ScheduleView;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/** GET /, each claim schedule's page, /rules (the pages) and GET /api/v1/ui-texts (their words, for their scripts). */
final class DeskController {

    private final ActiveRuleset rules;
    private final Messages messages;
    private final DeskPage page;

    DeskController(ActiveRuleset rules, Messages messages) {
        this.rules = rules;
        this.messages = messages;
        this.page = new DeskPage(messages);
    }

    void desk(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        Lang lang = Negotiation.lang(ctx);
        ctx.html(deskPage(ruleset, lang, Map.of(), Map.of()));
    }

    /** POST / from the answer page's "back to the questions": the desk with the answers kept (never in the address). */
    void deskWithAnswers(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        Map<String, String> answers = postedAnswers(ctx);
        Lang lang = Negotiation.lang(ctx);
        ctx.html(deskPage(ruleset, lang, answers, Map.of()));
    }

    /** The plain form's answers as posted, the first value of each field, in the form's order. */
    private static Map<String, String> postedAnswers(Context ctx) {
        Map<String, String> answers = new LinkedHashMap<>();
        ctx.formParamMap().forEach((field, values) -> {
            if (!values.isEmpty()) answers.put(field, values.get(0));
        });
        return answers;
    }

    /** The desk with {@code answers} filled in and each refusal in {@code errors} under its question. */
    private String deskPage(Ruleset ruleset, Lang lang, Map<String, String> answers, Map<String, String> errors) {
        return page.desk(ruleset.catalogue(), details(ruleset), page.links(ScheduleView.all(ruleset, lang), lang), lang, answers, errors);
    }

    static DeskDetails details(Ruleset ruleset) {
        return ruleset.derived(DeskDetails.class, DeskDetails::of);
    }

    /**
     * For a plain form post that was refused: the desk again with every answer as posted and each refusal under its
     * question, or null when the refusal is not about the answers (or no rules are active).
     */
    String deskAgain(Context ctx, List<Problem.FieldProblem> errors, Lang lang) {
        String type = ctx.contentType();
        Ruleset ruleset = rules.current().orElse(null);
        if (ruleset == null || errors == null || errors.isEmpty() || type == null || !type.startsWith(AdviceController.FORM)) return null;
        Map<String, String> answers = postedAnswers(ctx);
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.pointer().startsWith("/") ? e.pointer().substring(1) : e.pointer(), e.message(), (a, b) -> a));
        // A refused value is not repeated back (it may be personal and is wrong anyway); the question is named instead.
        byField.keySet().forEach(answers::remove);
        return deskPage(ruleset, lang, answers, byField);
    }

    /** GET /{page}: the page of the claim schedule whose @page names it. */
    void claimPage(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        Lang lang = Negotiation.lang(ctx);
        List<ScheduleView> schedules = ScheduleView.all(ruleset, lang);
        ScheduleView schedule = schedules.stream().filter(s -> ctx.pathParam("page").equals(s.page())).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "not-found"));
        ctx.html(page.claimPage(ruleset.catalogue(), schedule, page.links(schedules, lang), lang));
    }

    void rulesStatus(Context ctx) {
        Lang lang = Negotiation.lang(ctx);
        List<ScheduleView> schedules = rules.current().map(r -> ScheduleView.all(r, lang)).orElse(List.of());
        ctx.html(page.shell("rules", page.links(schedules, lang), lang));
    }

    void uiTexts(Context ctx) {
        Lang lang = Negotiation.lang(ctx);
        ctx.json(Map.of("lang", lang.tag(), "texts", messages.uiTexts(lang)));
    }
}
