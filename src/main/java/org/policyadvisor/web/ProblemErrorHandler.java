package org.policyadvisor.web;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.policyadvisor.catalogue.Lang;

/**
 * Jetty's own error answers (a request it refuses before the application sees it: a malformed request line or
 * header, headers or a URI too long, a body that ends early or arrives too slowly, a stop in progress) as
 * problem+json like every other error, instead of Jetty's HTML page. Never quotes the request or the cause.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final Messages messages;

    ProblemErrorHandler(Messages messages) {
        this.messages = messages;
    }

    /** Jetty writes an error body only for GET, POST and HEAD; a PUT or DELETE refused gets problem+json too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        Lang lang = Lang.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)).orElse(Lang.DEFAULT);
        String key = key(code);
        String given = response.getHeaders().get(RequestIds.HEADER); // set by whoever logged the refusal, e.g. SlowBodyCutOff
        String requestId = given != null ? given : RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        List<Object> args = switch (code) {
            case 413 -> List.of(AdviceController.MAX_BODY_BYTES);
            case 415 -> List.of(AdviceController.JSON + ", " + AdviceController.FORM);
            default -> List.of();
        };
        Problem problem = Problem.of(messages, lang, code, key, args, null, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        if (code == 503) response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        response.write(true, ByteBuffer.wrap(Json.bytes(problem)), callback);
    }

    private static String key(int code) {
        return switch (code) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 408 -> "request-timeout";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "stopping";
            default -> code >= 500 ? "internal" : "malformed-request";
        };
    }
}
