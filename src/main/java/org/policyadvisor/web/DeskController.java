package org.policyadvisor.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/** GET /, /mentor, /rules (the pages) and GET /api/v1/ui-texts (their words, for their scripts). */
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
        ctx.html(page.desk(ruleset.catalogue(), details(ruleset), Negotiation.lang(ctx), Map.of(), Map.of()));
    }

    /** POST / from the answer page's "back to the questions": the desk with the answers kept (never in the address). */
    void deskWithAnswers(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        Map<String, String> answers = new LinkedHashMap<>();
        ctx.formParamMap().forEach((field, values) -> {
            if (!values.isEmpty()) answers.put(field, values.get(0));
        });
        ctx.html(page.desk(ruleset.catalogue(), details(ruleset), Negotiation.lang(ctx), answers, Map.of()));
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
        Map<String, String> answers = new LinkedHashMap<>();
        ctx.formParamMap().forEach((field, values) -> {
            if (!values.isEmpty()) answers.put(field, values.get(0));
        });
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.pointer().startsWith("/") ? e.pointer().substring(1) : e.pointer(), e.message(), (a, b) -> a));
        // A refused value is not repeated back (it may be personal and is wrong anyway); the question is named instead.
        byField.keySet().forEach(answers::remove);
        return page.desk(ruleset.catalogue(), details(ruleset), lang, answers, byField);
    }

    void mentor(Context ctx) {
        ctx.html(page.mentor(AdvisorApp.activeOrUnavailable(rules).catalogue(), Negotiation.lang(ctx)));
    }

    void rulesStatus(Context ctx) {
        ctx.html(page.shell("rules", Negotiation.lang(ctx)));
    }

    void uiTexts(Context ctx) {
        Lang lang = Negotiation.lang(ctx);
        ctx.json(Map.of("lang", lang.tag(), "texts", messages.uiTexts(lang)));
    }
}
