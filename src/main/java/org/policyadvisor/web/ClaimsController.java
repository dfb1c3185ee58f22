package org.policyadvisor.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.claims.BoundClaim;
import org.policyadvisor.claims.ClaimBinder;
import org.policyadvisor.claims.ClaimEngine;
import org.policyadvisor.claims.ClaimSchedule;
import org.policyadvisor.claims.ClaimSchedules;
import org.policyadvisor.claims.ScheduleView;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/**
 * The claim schedules the rules declare: POST /api/v1/claims/{schedule} (and a schedule's own @path), a claim in
 * (JSON), what will be paid for each item out; GET /api/v1/claims lists them with their fields and item types.
 */
final class ClaimsController {

    static final String PREFIX = "/api/v1/";

    private final ActiveRuleset rules;
    private final ClaimEngine engine;
    private final Clock clock;

    ClaimsController(ActiveRuleset rules, ClaimEngine engine, Clock clock) {
        this.rules = rules;
        this.engine = engine;
        this.clock = clock;
    }

    void list(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        Lang lang = Negotiation.lang(ctx);
        ctx.json(Map.of("schedules", ScheduleView.all(ruleset, lang)));
    }

    void claim(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        ClaimSchedule schedule = ClaimSchedules.of(ruleset).byId(ctx.pathParam("schedule")).orElseThrow(() -> new ApiProblem(404, "not-found"));
        answer(ctx, ruleset, schedule);
    }

    /**
     * Before routing, POST /api/v1/{name}: answered here when a schedule declares it as its @path (kept for a path an
     * older contract named); any other request goes on to its own route.
     */
    void byPath(Context ctx) {
        if (ctx.method() != HandlerType.POST) return;
        Ruleset ruleset = rules.current().orElse(null);
        ClaimSchedule schedule = ruleset == null ? null : ClaimSchedules.of(ruleset).byPath(ctx.path()).orElse(null);
        if (schedule == null) return;
        ctx.attribute(AdvisorApp.ROUTE, schedule.path()); // taken before routing: metrics still need its template
        ctx.skipRemainingHandlers();
        answer(ctx, ruleset, schedule);
    }

    private void answer(Context ctx, Ruleset ruleset, ClaimSchedule schedule) {
        if (!Negotiation.mediaType(ctx).equals(AdviceController.JSON)) throw new ApiProblem(415, "unsupported-media-type", AdviceController.JSON);
        JsonNode body = AdviceController.readJson(ctx);
        Negotiation.bodyLang(ctx, body);
        BoundClaim claim = ClaimBinder.fromJson(body, schedule, ruleset.catalogue());
        LocalDate asOf = claim.asOf() != null ? claim.asOf() : LocalDate.now(clock.withZone(AdviceController.SHANGHAI));
        ctx.json(engine.answer(ruleset, schedule, claim, asOf));
    }
}
