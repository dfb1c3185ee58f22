package org.policyadvisor.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.policyadvisor.advice.Advice;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.records.Consultation;
import org.policyadvisor.records.Records;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;

/**
 * Consultation records: save (decide and store), read back byte for byte, replay under any archived ruleset, erase;
 * the printable page {@code /c/{reference}} and its QR code. Every look-up by reference spends a token of the
 * client's bucket, so references cannot be enumerated.
 */
final class ConsultationController {

    static final String PATH = "/api/v1/consultations/";
    static final String PAGE = "/c/";

    private final ActiveRuleset rules;
    private final Advisor advisor;
    private final Records records;
    private final Clock clock;
    private final AdvicePage page;
    private final Messages messages;
    private final AdminGuard admin;
    private final AdviceController adviceController;

    ConsultationController(ActiveRuleset rules, Advisor advisor, Records records, Clock clock, AdvicePage page, Messages messages,
                           AdminGuard admin, AdviceController adviceController) {
        this.rules = rules;
        this.advisor = advisor;
        this.records = records;
        this.clock = clock;
        this.page = page;
        this.messages = messages;
        this.admin = admin;
        this.adviceController = adviceController;
    }

    /** POST /api/v1/consultations: 201 with the reference and the advice, or 303 to the page for a plain form. */
    void save(Context ctx) throws IOException {
        AdviceController.Decided decided = adviceController.decide(ctx);
        Advice advice = decided.advice();
        byte[] answer = decided.ruleset().derived(EncodedTexts.class, EncodedTexts::new).writer().writeValueAsBytes(advice);
        Consultation saved = records.save(decided.ruleset(), decided.request().answers(), advice.asOf(), advice.lang(), answer);
        String reference = saved.displayReference();
        ctx.header("Location", PATH + reference);
        if (Negotiation.prefersHtml(ctx)) {
            ctx.redirect(PAGE + reference, io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(201).contentType(AdviceController.JSON).result(json(out -> {
            out.writeStringField("reference", reference);
            out.writeStringField("createdAt", saved.createdAt().toString());
            out.writeFieldName("advice");
            raw(out, saved.advice());
        }));
    }

    /** GET /api/v1/consultations/{reference}: the record, its advice exactly as answered then. */
    void read(Context ctx) {
        Consultation saved = lookUp(ctx);
        ctx.contentType(AdviceController.JSON).result(json(out -> {
            out.writeStringField("reference", saved.displayReference());
            out.writeStringField("createdAt", saved.createdAt().toString());
            out.writeStringField("rulesetVersion", saved.rulesetVersion());
            out.writeStringField("asOf", saved.asOf().toString());
            out.writeStringField("lang", saved.lang());
            out.writeFieldName("profile");
            raw(out, saved.profile());
            out.writeFieldName("advice");
            raw(out, saved.advice());
        }));
    }

    /** GET …/replay: the saved profile decided again (active rules or {@code ?ruleset=}, today or {@code ?asOf=}), and what changed. */
    void replay(Context ctx) throws IOException {
        Consultation saved = lookUp(ctx);
        LocalDate asked = asOf(ctx.queryParam("asOf"));
        LocalDate asOf = asked != null ? asked : LocalDate.now(clock.withZone(AdviceController.SHANGHAI));
        String version = ctx.queryParam("ruleset");
        Ruleset ruleset = version == null || version.isBlank() ? AdvisorApp.activeOrUnavailable(rules)
                : records.ruleset(version).orElseThrow(() -> new ApiProblem(404, "ruleset-version-not-found"));
        Lang lang = ctx.queryParam("lang") != null ? Negotiation.lang(ctx) : Lang.parse(saved.lang()).orElse(Lang.DEFAULT);
        ProfileBinder.Rebound profile = ProfileBinder.rebind(Records.profile(saved), ruleset.catalogue());
        Advice advice = advisor.advise(ruleset, new AdviceRequest(profile.answers(), asOf, lang), asOf, lang);
        byte[] answer = ruleset.derived(EncodedTexts.class, EncodedTexts::new).writer().writeValueAsBytes(advice);
        ctx.contentType(AdviceController.JSON).result(json(out -> {
            out.writeStringField("reference", saved.displayReference());
            out.writeObjectField("then", new Decided(saved.rulesetVersion(), saved.asOf()));
            out.writeObjectField("now", new Decided(ruleset.version(), asOf));
            out.writeObjectField("changes", Records.changes(saved.advice(), answer));
            out.writeObjectField("unanswerable", profile.dropped());
            out.writeFieldName("advice");
            raw(out, answer);
        }));
    }

    record Decided(String rulesetVersion, LocalDate asOf) {}

    /** DELETE /api/v1/consultations/{reference} (admin): 204, or 404 when there is nothing to erase. */
    void erase(Context ctx) {
        admin.require(ctx);
        if (!records.erase(ctx.pathParam("reference"))) throw new ApiProblem(404, "consultation-not-found");
        ctx.status(204);
    }

    /** GET /c/{reference}: the saved answer as a printable page, with its reference and a QR code of this page's link. */
    void page(Context ctx) {
        Consultation saved = lookUp(ctx);
        Ruleset ruleset = records.ruleset(saved.rulesetVersion()).orElseGet(() -> AdvisorApp.activeOrUnavailable(rules));
        // The saved answer is shown as it was given, in its language.
        Lang lang = Lang.parse(saved.lang()).orElse(Lang.DEFAULT);
        Advice advice;
        try {
            // Read leniently: an answer saved by an older version may carry fields this one no longer has.
            advice = Json.MAPPER.readerFor(Advice.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(saved.advice());
        } catch (IOException e) {
            throw new UncheckedIOException("consultation " + saved.displayReference() + " holds an answer that cannot be read", e);
        }
        var answers = ProfileBinder.rebind(Records.profile(saved), ruleset.catalogue()).answers();
        String qr = QrCodeSvg.of(link(ctx, saved), messages.get("page.qr", lang));
        ctx.html(page.saved(advice, ruleset.catalogue(), answers, lang, saved.displayReference(),
                saved.createdAt().toString(), qr));
    }

    /** GET /c/{reference}/qr.svg: the QR code of the page's link, for the desk to show beside the reference. */
    void qr(Context ctx) {
        Consultation saved = lookUp(ctx);
        ctx.contentType("image/svg+xml").result(QrCodeSvg.of(link(ctx, saved), messages.get("page.qr", Negotiation.lang(ctx))));
    }

    private static String link(Context ctx, Consultation saved) {
        return ctx.scheme() + "://" + ctx.host() + PAGE + saved.displayReference();
    }

    /** A token from the client's bucket, then the record: 429 with Retry-After when the bucket is empty, else 404 when unknown. */
    private Consultation lookUp(Context ctx) {
        Duration wait = records.lookupWait(ctx.ip());
        if (!wait.isZero()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
            throw new ApiProblem(429, "too-many-lookups");
        }
        return records.find(ctx.pathParam("reference")).orElseThrow(() -> new ApiProblem(404, "consultation-not-found"));
    }

    private static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of(FieldError.of("/asOf", "not-a-date")));
        }
    }

    private interface Fields {
        void write(JsonGenerator out) throws IOException;
    }

    /** An object whose stored parts go out as the very bytes that were stored. */
    private static byte[] json(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
            out.setCodec(Json.MAPPER);
            out.writeStartObject();
            fields.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void raw(JsonGenerator out, byte[] json) throws IOException {
        out.writeRawValue(new String(json, StandardCharsets.UTF_8));
    }
}
