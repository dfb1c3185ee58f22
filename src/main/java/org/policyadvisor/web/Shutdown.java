package org.policyadvisor.web;

import io.javalin.Javalin;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A graceful stop, as on SIGTERM: /ready answers 503 from the first moment and the service goes on answering for
 * {@link #NOT_READY_FIRST}, so that whoever polls /ready sees it (Jetty closes idle keep-alive connections as soon as
 * it stops, and a refused connection says less); then Jetty stops accepting connections and waits for the requests
 * in flight, at most the drain time, before it closes.
 */
public final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    static final Duration NOT_READY_FIRST = Duration.ofSeconds(2);

    private volatile boolean started;

    /** True once a stop has begun. */
    public boolean started() {
        return started;
    }

    public void stop(Javalin app) {
        started = true;
        LOG.info("stopping: not ready any more; answering for {} s more, then finishing the requests in flight", NOT_READY_FIRST.toSeconds());
        long begin = System.nanoTime();
        try {
            Thread.sleep(NOT_READY_FIRST.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop now
        }
        app.stop();
        LOG.info("stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }
}
