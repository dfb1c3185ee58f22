package org.policyadvisor.web;

import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * {@code CORS_ORIGINS}: pages on those origins may call the API from a browser. Javalin's CORS plugin answers each
 * listed origin with the {@code Access-Control-Allow-*} headers (an unlisted one gets none, so its browser refuses);
 * a preflight is answered 204 No Content.
 */
final class CrossOrigin {

    /** Browsers may cache a preflight this long (seconds). */
    private static final int MAX_AGE = 600;

    private CrossOrigin() {}

    static void apply(JavalinConfig config, List<String> origins) {
        if (origins.isEmpty()) return;
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            rule.path = "/api/*";
            rule.maxAge = MAX_AGE;
            rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            rule.exposeHeader(RequestIds.HEADER);
            rule.exposeHeader("Location");
        }));
        config.routes.options("/api/*", ctx -> ctx.status(204));
    }
}
