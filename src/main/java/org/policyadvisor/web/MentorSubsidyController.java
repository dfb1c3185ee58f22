package org.policyadvisor.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.subsidy.Claim;
import org.policyadvisor.subsidy.ClaimBinder;
import org.policyadvisor.subsidy.SubsidyCalculator;

/** POST /api/v1/mentor-subsidy: a mentor's claim in (JSON), what will be paid for each item out. */
final class MentorSubsidyController {

    private final ActiveRuleset rules;
    private final SubsidyCalculator calculator;
    private final Clock clock;

    MentorSubsidyController(ActiveRuleset rules, SubsidyCalculator calculator, Clock clock) {
        this.rules = rules;
        this.calculator = calculator;
        this.clock = clock;
    }

    void calculate(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        // Rules without a mentor schedule have no calculator to offer.
        if (ruleset.catalogue().mentorSchedule() == null) throw new ApiProblem(404, "not-found");
        if (!Negotiation.mediaType(ctx).equals(AdviceController.JSON)) throw new ApiProblem(415, "unsupported-media-type", AdviceController.JSON);
        JsonNode body = AdviceController.readJson(ctx);
        JsonNode lang = body.get(ProfileBinder.LANG);
        if (lang != null && lang.isTextual()) Lang.parse(lang.asText()).ifPresent(l -> ctx.attribute(Negotiation.BODY_LANG, l));
        Claim claim = ClaimBinder.fromJson(body, ruleset.catalogue());
        LocalDate asOf = claim.asOf() != null ? claim.asOf() : LocalDate.now(clock.withZone(AdviceController.SHANGHAI));
        ctx.json(calculator.calculate(ruleset, claim, asOf));
    }
}
