package org.policyadvisor.web;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A request id for every request: the caller's {@code X-Request-Id} when it is sane (so a partner can follow its own
 * id through our logs), else a new one. It is echoed in the response header, in every problem+json, and in each log
 * line written while the request runs (MDC {@code requestId}).
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "requestId";
    /** Short and plain: anything else (line breaks, quotes, 10 KB) could forge or flood log lines. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    static void assign(Context ctx) {
        MDC.put(MDC_KEY, of(ctx));
    }

    /** The request's id; a new one if it has none yet (a request that failed before the before-handlers ran). */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = accept(ctx.header(HEADER));
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }

    static void clear() {
        MDC.remove(MDC_KEY);
    }

    /** The given id when sane, else a new random one. */
    static String accept(String given) {
        if (given != null && SANE.matcher(given).matches()) return given;
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
