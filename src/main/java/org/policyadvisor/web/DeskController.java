package org.policyadvisor.web;

import io.javalin.http.Context;
import java.util.Map;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.ActiveRuleset;

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
        ctx.html(page.desk(AdvisorApp.activeOrUnavailable(rules).catalogue(), Negotiation.lang(ctx)));
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
