package org.policyadvisor.web;

import io.javalin.Javalin;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.policyadvisor.advice.AdviceRequest;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.bench.Bench;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.Ruleset;

/**
 * The control for bench/http.sh: the same server set-up (Javalin, Jetty pool of 16) answering POST /api/v1/advice
 * with the full profile's answer written once at start-up, so no binding, rules or JSON per request. Its req/s is
 * the ceiling of the HTTP stack for an answer of that size on this machine. Run with bench/run.sh ceiling [port].
 */
public final class AnswerCeiling {

    private AnswerCeiling() {}

    public static void main(String[] args) throws Exception {
        Ruleset ruleset = Bench.realRules();
        AdviceRequest profile = Bench.fullProfile(ruleset.catalogue());
        byte[] answer = new EncodedTexts(ruleset).writer()
                .writeValueAsBytes(new Advisor(EvaluationLimits.DEFAULT).advise(ruleset, profile, profile.asOf(), Lang.EN));
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.threadPool = new QueuedThreadPool(16, 4);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
            config.routes.post("/api/v1/advice", ctx -> ctx.contentType(AdviceController.JSON).result(answer));
        }).start(args.length > 0 ? Integer.parseInt(args[0]) : 18090);
    }
}
