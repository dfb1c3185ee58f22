package org.policyadvisor.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationAborted;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.records.Records;
import org.policyadvisor.records.RecordsUnavailable;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.claims.ClaimEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTTP service. It returns an unstarted app, so tests run exactly what {@code main} runs. */
public final class AdvisorApp {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisorApp.class);

    /** Requests slower than this are logged at INFO; the rest only at DEBUG (GET /metrics has their latency). */
    private static final double SLOW_REQUEST_MS = 500;
    /** The route template of a request answered before routing (a claim schedule's own path), for the metrics. */
    static final String ROUTE = "metricsRoute";

    /**
     * What the web layer needs. {@code pipeline} (null: no rules administration routes) reloads and validates rules;
     * {@code adminToken} (null: admin calls answer 403) guards it; {@code metrics} records what GET /metrics shows;
     * {@code records} (null: no consultation routes) saves consultations and keeps the ruleset archive.
     */
    public record Deps(ActiveRuleset rules, Advisor advisor, Clock clock, RulesPipeline pipeline, String adminToken,
                       ServiceMetrics metrics, Records records) {
        /** Without consultation records: their routes are not served. */
        public Deps(ActiveRuleset rules, Advisor advisor, Clock clock, RulesPipeline pipeline, String adminToken, ServiceMetrics metrics) {
            this(rules, advisor, clock, pipeline, adminToken, metrics, null);
        }

        public Deps(ActiveRuleset rules, Advisor advisor, Clock clock) {
            this(rules, advisor, clock, null, null);
        }

        public Deps(ActiveRuleset rules, Advisor advisor, Clock clock, RulesPipeline pipeline, String adminToken) {
            this(rules, advisor, clock, pipeline, adminToken, new ServiceMetrics());
        }
    }

    private AdvisorApp() {}

    public static Javalin create(Deps deps) {
        return create(deps, HttpOptions.defaults());
    }

    public static Javalin create(Deps deps, HttpOptions options) {
        Messages messages = Messages.load();
        AdvicePage page = new AdvicePage(messages);
        DeskController desk = new DeskController(deps.rules(), messages);
        ProblemWriter problems = new ProblemWriter(messages, page, desk);
        AdviceController advice = new AdviceController(deps.rules(), deps.advisor(), deps.clock(), page, deps.metrics());
        CatalogueController catalogue = new CatalogueController(deps.rules());
        ClaimsController claims = new ClaimsController(deps.rules(), new ClaimEngine(deps.advisor()), deps.clock());
        AdminGuard adminGuard = new AdminGuard(deps.adminToken());
        ManagementPort management = new ManagementPort(options.managementPort());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = AdviceController.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.threadPool = new QueuedThreadPool(16, 4);
            JettyLimits.apply(config, new ProblemErrorHandler(messages), management, options.drain());
            config.requestLogger.http((ctx, ms) -> requestDone(ctx, ms, deps.metrics()));
            config.routes.before(ctx -> {
                RequestIds.assign(ctx);
                management.check(ctx);
            });
            CrossOrigin.apply(config, options.corsOrigins());

            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
            config.routes.get("/ready", ctx -> ready(ctx, deps.rules(), options.shutdown()));
            config.routes.get("/metrics", ctx -> ctx.contentType(ServiceMetrics.CONTENT_TYPE)
                    .result(deps.metrics().scrape(deps.rules().current().orElse(null))));
            config.routes.post("/api/v1/advice", advice::advise);
            config.routes.get("/api/v1/claims", claims::list);
            config.routes.post("/api/v1/claims/{schedule}", claims::claim);
            config.routes.get("/api/v1/programs", catalogue::programs);
            config.routes.get("/api/v1/schema/profile", catalogue::profileSchema);
            config.routes.get(OpenApi.PATH, OpenApi.load()::serve);
            if (deps.pipeline() != null) {
                RulesController admin = new RulesController(deps.pipeline(), adminGuard);
                config.routes.get("/api/v1/rules", admin::status);
                if (deps.records() == null) config.routes.get("/api/v1/rules/history", admin::history);
                config.routes.post("/api/v1/rules/reload", admin::reload);
                config.routes.post("/api/v1/rules/validate", admin::validate);
            }

            if (deps.records() != null) {
                ConsultationController consultations = new ConsultationController(deps.rules(), deps.advisor(), deps.records(),
                        deps.clock(), page, messages, adminGuard, advice);
                config.routes.post("/api/v1/consultations", consultations::save);
                config.routes.get("/api/v1/consultations/{reference}", consultations::read);
                config.routes.get("/api/v1/consultations/{reference}/replay", consultations::replay);
                config.routes.delete("/api/v1/consultations/{reference}", consultations::erase);
                config.routes.get("/c/{reference}", consultations::page);
                config.routes.get("/c/{reference}/qr.svg", consultations::qr);
                config.routes.get("/api/v1/rules/history", ctx -> ctx.json(deps.records().archive().history()));
                config.routes.get("/api/v1/rules/versions/{version}", ctx -> ctx.json(deps.records().archive().version(ctx.pathParam("version"))
                        .orElseThrow(() -> new ApiProblem(404, "ruleset-version-not-found"))));
            }

            // The consultant's pages; their CSS and scripts are plain files in src/main/resources/public.
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.routes.get("/", desk::desk);
            config.routes.post("/", desk::deskWithAnswers);
            config.routes.get("/rules", desk::rulesStatus);
            config.routes.get("/api/v1/ui-texts", desk::uiTexts);
            // The paths and pages that claim schedules declare in the rules. A path is taken before routing, so that
            // any other path under /api/v1 keeps its own 404 or 405; the page route comes last, so fixed pages win.
            config.routes.before(ClaimsController.PREFIX + "{name}", claims::byPath);
            config.routes.get("/{page}", desk::claimPage);

            config.routes.exception(ApiProblem.class, (e, ctx) -> problems.write(ctx, e.status, e.key, e.detailArgs, List.of()));
            config.routes.exception(InvalidInput.class, (e, ctx) -> problems.write(ctx, 400, "invalid-input", List.of(), e.errors()));
            config.routes.exception(EvaluationAborted.class, (e, ctx) -> {
                LOG.warn("evaluation aborted: {}", e.getMessage());
                problems.write(ctx, 500, "rules-failed", List.of(), List.of());
            });
            config.routes.exception(RecordsUnavailable.class, (e, ctx) -> {
                LOG.warn("records database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                problems.write(ctx, 503, "records-unavailable", List.of(), List.of());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 405) ctx.header("Allow", allowed(e));
                problems.writeStatus(ctx, e.getStatus());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                int broken = brokenRequest(e);
                if (broken != 0) {
                    // The client's fault (a body that ended early or came too slowly, a broken chunk): one line, no trace.
                    LOG.info("broken request on {} {}: {}", ctx.method(), ctx.path(), e.getClass().getSimpleName());
                    problems.write(ctx, broken, broken == 408 ? "request-timeout" : "malformed-request", List.of(), List.of());
                    return;
                }
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                problems.write(ctx, 500, "internal", List.of(), List.of());
            });
            config.routes.error(404, ctx -> problems.writeIfEmpty(ctx, 404));
            config.routes.error(405, ctx -> problems.writeIfEmpty(ctx, 405));
        });
    }

    /** The methods a 405's path accepts, as an Allow header ({@code HEAD} wherever {@code GET} is). */
    private static String allowed(HttpResponseException e) {
        List<String> methods = new java.util.ArrayList<>();
        for (String method : e.getDetails().getOrDefault("availableMethods", "").split(",")) {
            String m = method.strip();
            if (m.isEmpty() || methods.contains(m)) continue;
            methods.add(m);
            if (m.equals("GET") && !methods.contains("HEAD")) methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    /**
     * 408 or 400 when the exception says the request itself was broken on the wire (too slow; ended early, a bad
     * chunk): never our fault, never a 500. 0 for anything else.
     */
    private static int brokenRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) return 408;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof org.eclipse.jetty.http.HttpException) return 400;
        }
        return 0;
    }

    /**
     * Times every request under its route template (a raw path could be anything), and logs it: at INFO when it
     * failed (not a 503 while the rules load) or was slow, else at DEBUG, so a busy server does not spend its time
     * writing a line per request.
     */
    private static void requestDone(Context ctx, float ms, ServiceMetrics metrics) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint != null ? endpoint.path : ctx.attribute(ROUTE);
        metrics.request(ctx.method().name(), route == null ? "unmatched" : route, ctx.statusCode(), (long) (ms * 1_000_000));
        if ((ctx.statusCode() >= 500 && ctx.statusCode() != 503) || ms >= SLOW_REQUEST_MS) {
            LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
        }
        RequestIds.clear();
    }

    /** The active ruleset, or a 503 that tells the client when to come back. */
    static Ruleset activeOrUnavailable(ActiveRuleset rules) {
        return rules.current().orElseThrow(() -> new ApiProblem(503, "not-ready"));
    }

    private static void ready(Context ctx, ActiveRuleset rules, Shutdown shutdown) {
        if (shutdown.started()) throw new ApiProblem(503, "stopping");
        Ruleset ruleset = activeOrUnavailable(rules);
        ctx.json(Map.of("status", "READY", "rulesetVersion", ruleset.version()));
    }

    /** Words every error as problem+json (or, for a browser's plain form, as a page) in the caller's language. */
    static final class ProblemWriter {
        private final Messages messages;
        private final AdvicePage page;
        private final DeskController desk;

        ProblemWriter(Messages messages, AdvicePage page, DeskController desk) {
            this.messages = messages;
            this.page = page;
            this.desk = desk;
        }

        void write(Context ctx, int status, String key, List<Object> detailArgs, List<org.policyadvisor.advice.FieldError> errors) {
            Lang lang = Negotiation.lang(ctx);
            Problem problem = Problem.of(messages, lang, status, key, detailArgs,
                    errors.isEmpty() ? null : errors.stream()
                            .map(e -> new Problem.FieldProblem(e.pointer(), messages.get("field." + e.code(), lang, e.args())))
                            .toList(),
                    RequestIds.of(ctx));
            ctx.status(status);
            if (status == 503) ctx.header("Retry-After", "5");
            if (Negotiation.prefersHtml(ctx)) {
                // A refused answer of the desk's plain form: the form again, answers kept, each refusal by its question.
                String again = status == 400 ? desk.deskAgain(ctx, problem.errors(), lang) : null;
                ctx.html(again != null ? again : page.problem(problem, lang));
            } else {
                ctx.contentType(Problem.CONTENT_TYPE).result(Json.bytes(problem));
            }
        }

        void writeStatus(Context ctx, int status) {
            switch (status) {
                case 404 -> write(ctx, 404, "not-found", List.of(), List.of());
                case 405 -> write(ctx, 405, "method-not-allowed", List.of(), List.of());
                case 413 -> write(ctx, 413, "body-too-large", List.of(AdviceController.MAX_BODY_BYTES), List.of());
                case 415 -> write(ctx, 415, "unsupported-media-type", List.of(AdviceController.JSON + ", " + AdviceController.FORM), List.of());
                default -> write(ctx, status >= 500 ? 500 : 400, status >= 500 ? "internal" : "invalid-input", List.of(), List.of());
            }
        }

        void writeIfEmpty(Context ctx, int status) {
            if (ctx.resultInputStream() == null) writeStatus(ctx, status);
        }
    }
}
