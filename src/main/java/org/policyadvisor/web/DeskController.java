package org.policyadvisor.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.claims.ClaimSchedules;
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
        ctx.html(page.desk(ruleset.catalogue(), page.links(schedules(ruleset, lang), lang), lang));
    }

    /** GET /{page}: the page of the claim schedule that declares it, such as the one at /{page} that its @page names. */
    void claimPage(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        Lang lang = Negotiation.lang(ctx);
        List<ScheduleView> schedules = schedules(ruleset, lang);
        ScheduleView schedule = schedules.stream().filter(s -> ctx.pathParam("page").equals(s.page())).findFirst()
                .orElseThrow(() -> new ApiProblem(404, "not-found"));
        ctx.html(page.claimPage(ruleset.catalogue(), schedule, page.links(schedules, lang), lang));
    }

    void rulesStatus(Context ctx) {
        Lang lang = Negotiation.lang(ctx);
        List<ScheduleView> schedules = rules.current().map(r -> schedules(r, lang)).orElse(List.of());
        ctx.html(page.shell("rules", page.links(schedules, lang), lang));
    }

    private static List<ScheduleView> schedules(Ruleset ruleset, Lang lang) {
        return ClaimSchedules.of(ruleset).all().stream().map(s -> ScheduleView.of(s, ruleset.catalogue(), lang)).toList();
    }

    void uiTexts(Context ctx) {
        Lang lang = Negotiation.lang(ctx);
        ctx.json(Map.of("lang", lang.tag(), "texts", messages.uiTexts(lang)));
    }
}
