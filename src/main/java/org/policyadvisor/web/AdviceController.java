package org.policyadvisor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Catalogue;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/** POST /api/v1/advice: a profile in (JSON or a plain form post), the advice out (JSON or an HTML page). */
final class AdviceController {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private final ActiveRuleset rules;
    private final Advisor advisor;
    private final Clock clock;
    private final AdvicePage page;
    private final ServiceMetrics metrics;

    AdviceController(ActiveRuleset rules, Advisor advisor, Clock clock, AdvicePage page, ServiceMetrics metrics) {
        this.rules = rules;
        this.advisor = advisor;
        this.clock = clock;
        this.page = page;
        this.metrics = metrics;
    }

    /** The request decided under the active rules: what giving advice and saving a consultation both start with. */
    record Decided(Ruleset ruleset, AdviceRequest request, Advice advice) {}

    Decided decide(Context ctx) {
        Ruleset ruleset = AdvisorApp.activeOrUnavailable(rules);
        AdviceRequest request = bind(ctx, ruleset.catalogue());
        Lang lang = Negotiation.lang(ctx);
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock.withZone(SHANGHAI));
        Advice advice = advisor.advise(ruleset, request, asOf, lang);
        advice.programs().forEach(p -> metrics.verdict(p.id(), p.status()));
        return new Decided(ruleset, request, advice);
    }

    void advise(Context ctx) throws IOException {
        Decided decided = decide(ctx);
        Ruleset ruleset = decided.ruleset();
        AdviceRequest request = decided.request();
        Advice advice = decided.advice();
        if (Negotiation.prefersHtml(ctx)) {
            ctx.html(page.advice(advice, ruleset.catalogue(), DeskController.details(ruleset), request.answers(),
                    Lang.parse(advice.lang()).orElseThrow()));
        } else {
            // Straight into the response buffer (ctx.json() would build a String, then bytes, first), with the
            // catalogue's texts encoded once per ruleset.
            ctx.contentType(JSON);
            ruleset.derived(EncodedTexts.class, EncodedTexts::new).writer().writeValue(ctx.outputStream(), advice);
        }
    }

    static AdviceRequest bind(Context ctx, Catalogue catalogue) {
        String type = Negotiation.mediaType(ctx);
        if (type.equals(JSON)) {
            JsonNode body = readJson(ctx);
            Negotiation.bodyLang(ctx, body);
            return ProfileBinder.fromJson(body, catalogue);
        }
        if (type.equals(FORM)) {
            checkSize(ctx.bodyAsBytes());
            List<String> lang = ctx.formParamMap().get(ProfileBinder.LANG);
            if (lang != null && lang.size() == 1) Lang.parse(lang.get(0)).ifPresent(l -> ctx.attribute(Negotiation.BODY_LANG, l));
            return ProfileBinder.fromForm(ctx.formParamMap(), catalogue);
        }
        throw new ApiProblem(415, "unsupported-media-type", JSON + ", " + FORM);
    }

    static JsonNode readJson(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        checkSize(bytes);
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            return node == null ? Json.MAPPER.missingNode() : node;
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the body; say only where it broke.
            var at = e.getLocation();
            throw new ApiProblem(400, "malformed-json", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new ApiProblem(400, "malformed-json", 0, 0);
        }
    }

    private static void checkSize(byte[] body) {
        if (body.length > MAX_BODY_BYTES) throw new ApiProblem(413, "body-too-large", MAX_BODY_BYTES);
    }
}
