package org.policyadvisor.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 description of every call, kept as a resource beside the code
 * ({@code api/openapi.json}). The profile's schema is not copied into it: it refers to /api/v1/schema/profile, which
 * the active rules generate. {@code OpenApiTest} lints it and fails when a route is missing from it.
 */
final class OpenApi {

    static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "/api/openapi.json";

    private final byte[] document;

    private OpenApi(byte[] document) {
        this.document = document;
    }

    static OpenApi load() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            return new OpenApi(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
