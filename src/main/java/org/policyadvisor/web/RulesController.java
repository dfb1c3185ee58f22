package org.policyadvisor.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.policyadvisor.reload.RulesPipeline;

/** The rules administration API: status and history for anyone, reload and validate for the admin token. */
final class RulesController {

    private final RulesPipeline pipeline;
    private final AdminGuard admin;

    RulesController(RulesPipeline pipeline, AdminGuard admin) {
        this.pipeline = pipeline;
        this.admin = admin;
    }

    void status(Context ctx) {
        ctx.json(pipeline.status());
    }

    /** Newest first; without a records database, the activations since this process started. */
    void history(Context ctx) {
        List<RulesPipeline.Activation> newestFirst = new ArrayList<>(pipeline.history());
        Collections.reverse(newestFirst);
        ctx.json(Map.of("activations", newestFirst));
    }

    void reload(Context ctx) {
        requireAdmin(ctx);
        ctx.json(pipeline.reload());
    }

    void validate(Context ctx) {
        requireAdmin(ctx);
        ctx.json(pipeline.validate(CandidateUpload.read(ctx)));
    }

    private void requireAdmin(Context ctx) {
        admin.require(ctx);
    }
}
