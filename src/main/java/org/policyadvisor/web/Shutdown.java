package org.policyadvisor.web;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A graceful stop, as on SIGTERM: /ready answers 503 from the first moment (load balancers stop sending), then Jetty
 * stops accepting connections and waits for the requests in flight, at most the drain time, before it closes.
 */
public final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private volatile boolean started;

    /** True once a stop has begun. */
    public boolean started() {
        return started;
    }

    public void stop(Javalin app) {
        started = true;
        LOG.info("stopping: not ready any more, finishing the requests in flight");
        long begin = System.nanoTime();
        app.stop();
        LOG.info("stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }
}
