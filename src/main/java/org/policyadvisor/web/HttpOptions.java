package org.policyadvisor.web;

import java.time.Duration;
import java.util.List;

/**
 * How the HTTP server is exposed: the origins whose pages may call the public API ({@code CORS_ORIGINS}), the
 * separate port of /metrics and the rules administration ({@code MANAGEMENT_PORT}; null: the main port serves them)
 * and how long a stop waits for requests in flight.
 */
public record HttpOptions(List<String> corsOrigins, Integer managementPort, Duration drain, Shutdown shutdown) {

    /** What tests and a plain {@code create(deps)} get: no CORS, one port, a 20 s drain. */
    public static HttpOptions defaults() {
        return new HttpOptions(List.of(), null, Duration.ofSeconds(20), new Shutdown());
    }

    public HttpOptions {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
