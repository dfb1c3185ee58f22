package org.policyadvisor.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Answers 408 (problem+json, by {@link ProblemErrorHandler}) to a request whose body falls behind
 * {@code minBytesPerSecond} once a short grace after its headers is over, or stops until the connection's idle
 * timeout. It sits in front of Jetty's {@code EagerContentHandler}, which reads bodies ahead without a thread.
 * <p>
 * Why not Jetty's {@code MinimumDataRateHandler}: in Jetty 12.1.12 it divides the bytes that the handler read for
 * <em>all</em> requests since the server started by this request's time, so once a server has read a few kilobytes
 * it cuts nobody off; and an idle timeout while a body is read ahead is a transient failure that the read-ahead
 * skips, so a client that stops sending would hold its connection for ever.
 * <p>
 * The rate is checked when the body asks for more, right after data arrived: no read is pending then, so the 408 is
 * written whole before Jetty closes the connection (the rest of the body is never read).
 */
final class SlowBodyCutOff extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(SlowBodyCutOff.class);

    private final long minBytesPerSecond;
    private final long graceNanos;

    SlowBodyCutOff(long minBytesPerSecond, Duration grace) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Watched(request, response, callback), response, callback);
    }

    /** The request as the read-ahead sees it; Jetty calls read and demand one after the other, never at once. */
    private final class Watched extends Request.Wrapper {
        private final Response response;
        private final Callback callback;
        private long bytes;
        private boolean cutOff;

        Watched(Request request, Response response, Callback callback) {
            super(request);
            this.response = response;
            this.callback = callback;
        }

        @Override
        public Content.Chunk read() {
            if (cutOff) return null;
            Content.Chunk chunk = super.read();
            if (chunk == null) return null;
            if (Content.Chunk.isFailure(chunk, false) && chunk.getFailure() instanceof TimeoutException) {
                chunk.release();
                cutOff("stopped (idle timeout)");
                return null;
            }
            bytes += chunk.remaining();
            return chunk;
        }

        @Override
        public void demand(Runnable more) {
            if (cutOff) return; // answered already: the read-ahead waits for nothing
            long late = NanoTime.since(getHeadersNanoTime()) - graceNanos;
            if (late > 0 && bytes * 1_000_000_000L < minBytesPerSecond * late) {
                cutOff("slower than " + minBytesPerSecond + " B/s");
                return;
            }
            super.demand(more);
        }

        private void cutOff(String why) {
            cutOff = true;
            String requestId = RequestIds.accept(getHeaders().get(RequestIds.HEADER));
            response.getHeaders().put(RequestIds.HEADER, requestId);
            MDC.put(RequestIds.MDC_KEY, requestId);
            // SlowBodyCutOff.LOG, not LOG: in a Request.Wrapper a bare LOG is Jetty's inherited Request.LOG.
            SlowBodyCutOff.LOG.info("request body {} after {} bytes: 408 on {} {}", why, bytes, getMethod(), getHttpURI().getPath());
            MDC.remove(RequestIds.MDC_KEY);
            Response.writeError(getWrapped(), response, callback, HttpStatus.REQUEST_TIMEOUT_408);
        }
    }
}
