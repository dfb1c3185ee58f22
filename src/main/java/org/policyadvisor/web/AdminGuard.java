package org.policyadvisor.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Admin calls need {@code Authorization: Bearer <ADVISOR_ADMIN_TOKEN>}. */
final class AdminGuard {

    private final byte[] adminToken;

    AdminGuard(String adminToken) {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** 403 when the service has no admin token at all, 401 when the caller's is missing or wrong. */
    void require(Context ctx) {
        if (adminToken == null) throw new ApiProblem(403, "admin-disabled");
        String header = ctx.header("Authorization");
        String prefix = "Bearer ";
        boolean ok = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8), adminToken);
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "unauthorized");
        }
    }
}
