package org.policyadvisor.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Locale;
import org.policyadvisor.advice.ProfileBinder;
import org.policyadvisor.catalogue.Lang;

/** Picks the answer's language and format from the request. */
final class Negotiation {

    static final String BODY_LANG = "bodyLang";

    private Negotiation() {}

    /** Notes a JSON body's {@code lang}, which {@link #lang} takes after the query's. */
    static void bodyLang(Context ctx, JsonNode body) {
        JsonNode lang = body.get(ProfileBinder.LANG);
        if (lang != null && lang.isTextual()) Lang.parse(lang.asText()).ifPresent(l -> ctx.attribute(BODY_LANG, l));
    }

    /** {@code lang} from the query, then the body, then Accept-Language, then the default. */
    static Lang lang(Context ctx) {
        Lang fromQuery = Lang.parse(String.valueOf(queryParam(ctx, "lang"))).orElse(null);
        if (fromQuery != null) return fromQuery;
        Lang fromBody = ctx.attribute(BODY_LANG);
        if (fromBody != null) return fromBody;
        return Lang.fromAcceptLanguage(ctx.header("Accept-Language")).orElse(Lang.DEFAULT);
    }

    /** A query parameter, or null when it is absent or the query string cannot be decoded ({@code ?lang=%zz}). */
    static String queryParam(Context ctx, String name) {
        try {
            return ctx.queryParam(name);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * The request body's media type without its parameters, lower case ({@code application/json; charset=utf-8} is
     * {@code application/json}); "" when there is none. Compared exactly: {@code application/jsonx} is not JSON.
     */
    static String mediaType(Context ctx) {
        String header = ctx.header("Content-Type");
        if (header == null) return "";
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * True when the client ranks text/html strictly above JSON, as a browser submitting a plain form does. Never
     * throws: a malformed Accept header ({@code ;}, {@code ,,}, {@code q=abc}) simply does not prefer HTML, since
     * this also decides how an error is worded.
     */
    static boolean prefersHtml(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null) return false;
        double html = 0;
        double json = 0;
        double any = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts.length == 0) continue;
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            switch (type) {
                case "text/html", "application/xhtml+xml" -> html = Math.max(html, q);
                case "application/json", "application/problem+json", "application/*" -> json = Math.max(json, q);
                case "*/*" -> any = Math.max(any, q);
                default -> { }
            }
        }
        return html > Math.max(json, any);
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].strip();
            if (p.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
