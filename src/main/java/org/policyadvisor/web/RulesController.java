package org.policyadvisor.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.policyadvisor.reload.RulesPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rules administration API: status and history for anyone, reload and validate for the admin token. */
final class RulesController {

    private static final Logger LOG = LoggerFactory.getLogger(RulesController.class);

    private final RulesPipeline pipeline;
    private final byte[] adminToken;

    RulesController(RulesPipeline pipeline, String adminToken) {
        this.pipeline = pipeline;
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    void status(Context ctx) {
        ctx.json(pipeline.status());
    }

    void history(Context ctx) {
        ctx.json(Map.of("activations", pipeline.history()));
    }

    void reload(Context ctx) {
        requireAdmin(ctx);
        ctx.json(pipeline.reload());
    }

    void validate(Context ctx) {
        requireAdmin(ctx);
        ctx.json(pipeline.validate(CandidateUpload.read(ctx)));
    }

    /**
     * 403 when the service has no admin token at all, 401 when the caller's is missing or wrong; each refusal is one
     * WARN line (method, path, status, client address; never the token), so an operator sees who knocked.
     */
    private void requireAdmin(Context ctx) {
        if (adminToken == null) {
            LOG.warn("admin call refused: {} {} 403 (no ADVISOR_ADMIN_TOKEN set) from {}", ctx.method(), ctx.path(), ctx.ip());
            throw new ApiProblem(403, "admin-disabled");
        }
        String header = ctx.header("Authorization");
        String prefix = "Bearer ";
        boolean ok = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8), adminToken);
        if (!ok) {
            LOG.warn("admin call refused: {} {} 401 ({} token) from {}", ctx.method(), ctx.path(), header == null ? "no" : "wrong", ctx.ip());
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "unauthorized");
        }
    }
}
