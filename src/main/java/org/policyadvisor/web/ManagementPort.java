package org.policyadvisor.web;

import io.javalin.http.Context;
import org.eclipse.jetty.server.ServerConnector;

/**
 * With {@code MANAGEMENT_PORT} set, /metrics and the rules administration answer only there, and the public port
 * answers only the rest, so a Service that exposes the public port exposes neither. /health and /ready answer on
 * both, for probes. Without it, everything is on the one port.
 */
final class ManagementPort {

    private final Integer port;
    private volatile ServerConnector connector;

    ManagementPort(Integer port) {
        this.port = port;
    }

    Integer port() {
        return port;
    }

    ServerConnector bound(ServerConnector connector) {
        this.connector = connector;
        return connector;
    }

    /** The calls that belong on the management port: metrics, the rules administration, erasing a record. */
    static boolean manages(String method, String path) {
        return path.equals("/metrics") || path.equals("/api/v1/rules") || path.startsWith("/api/v1/rules/")
                || (method.equals("DELETE") && path.startsWith("/api/v1/consultations/"));
    }

    private static boolean probe(String path) {
        return path.equals("/health") || path.equals("/ready");
    }

    /** 404, as if absent, for a path asked on the wrong port. */
    void check(Context ctx) {
        if (connector == null || probe(ctx.path())) return;
        boolean onManagement = ctx.req().getLocalPort() == connector.getLocalPort();
        if (manages(ctx.method().name(), ctx.path()) != onManagement) throw new ApiProblem(404, "not-found");
    }
}
