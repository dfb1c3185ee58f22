package org.policyadvisor.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.JettyConfig;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Jetty set up for hostile and slow clients and for a graceful stop. Request bodies are read without holding a
 * thread (all of a body arrives before a handler runs), so clients that trickle a body cannot starve /health and
 * /ready of threads; a body slower than {@link #MIN_READ_BYTES_PER_SECOND} after {@link #BODY_GRACE}, or one that
 * stops for {@link #IDLE_TIMEOUT}, is answered 408 ({@link SlowBodyCutOff}); an idle connection is closed after
 * {@link #IDLE_TIMEOUT}, which also ends a response that its client stopped reading; Jetty's own errors are
 * problem+json; a stop drains the requests in flight.
 */
final class JettyLimits {

    /** Far below any real client (a 2 KB profile in a tenth of a second is 20,000 B/s), far above a trickle. */
    static final long MIN_READ_BYTES_PER_SECOND = 64;
    /** A body may start late or stall briefly (a lost packet) before its rate counts. */
    static final Duration BODY_GRACE = Duration.ofSeconds(2);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** The largest body read ahead; a larger one is refused with 413 before a handler runs. */
    static final long MAX_BUFFERED_BODY = AdviceController.MAX_BODY_BYTES + 16 * 1024;

    private JettyLimits() {}

    static void apply(JavalinConfig config, ProblemErrorHandler errors, ManagementPort management, Duration drain) {
        JettyConfig jetty = config.jetty;
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(errors);
            server.setStopTimeout(drain.toMillis());
            // insertHandler puts each in front of the last: Graceful, then SlowBodyCutOff, then EagerContent.
            server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(MAX_BUFFERED_BODY, -1, true)));
            server.insertHandler(new SlowBodyCutOff(MIN_READ_BYTES_PER_SECOND, BODY_GRACE));
            server.insertHandler(new GracefulHandler());
        });
        // The port is read when the server starts: Javalin.start(port) sets it after this configuration ran.
        config.jetty.addConnector((server, http) -> connector(server, http, jetty.host, jetty.port));
        if (management.port() != null) {
            config.jetty.addConnector((server, http) -> management.bound(connector(server, http, jetty.host, management.port())));
        }
    }

    private static ServerConnector connector(org.eclipse.jetty.server.Server server, org.eclipse.jetty.server.HttpConfiguration http,
                                             String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return connector;
    }
}
