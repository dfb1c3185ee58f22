package org.policyadvisor.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Admin calls need {@code Authorization: Bearer <ADVISOR_ADMIN_TOKEN>}. */
final class AdminGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AdminGuard.class);

    private final byte[] adminToken;

    AdminGuard(String adminToken) {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * 403 when the service has no admin token at all, 401 when the caller's is missing or wrong. Each refusal is one
     * WARN line (method, path, status, why, client address; never the token), so an operator sees who knocked.
     */
    void require(Context ctx) {
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
