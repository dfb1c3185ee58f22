package org.policyadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.RealRules;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.records.Records;
import org.policyadvisor.records.Storage;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;

/**
 * GET /api/v1/openapi.json, linted by a real OpenAPI 3.1 parser (swagger-parser, resolving the profile schema from
 * the running server), and complete: every route the app registers, wired as App wires it, is described.
 */
class OpenApiTest {

    @TempDir
    static Path tmp;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.wiredAsApp(tmp, new HttpOptions(List.of("https://partner.example"), null, Duration.ofSeconds(5), new Shutdown()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readLocation(server.uri(OpenApi.PATH).toString(), null, options);
    }

    @Test
    void the_description_is_valid_openapi_3_1_and_refers_to_the_rules_generated_profile_schema() throws Exception {
        assertThat(server.get(OpenApi.PATH).headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        SwaggerParseResult result = parse();
        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.1");
        // Not a copy: a reference to the schema the active rules generate (resolved above from the running server).
        com.fasterxml.jackson.databind.JsonNode raw = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.get(OpenApi.PATH).body());
        assertThat(raw.at("/paths/~1api~1v1~1advice/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("/api/v1/schema/profile");
        assertThat(server.get("/api/v1/schema/profile").statusCode()).isEqualTo(200);
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearerAuth");
    }

    @Test
    void every_registered_route_is_described_with_its_method_and_responses() {
        Map<String, PathItem> paths = parse().getOpenAPI().getPaths();
        List<String> routes = server.routes().stream()
                .filter(r -> !r.startsWith("OPTIONS ") && !r.startsWith("HEAD "))
                .toList();
        assertThat(routes).contains("POST /api/v1/advice", "GET /metrics", "POST /api/v1/rules/validate");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            PathItem item = paths.get(path);
            assertThat(item).as("%s is missing from %s", route, OpenApi.RESOURCE).isNotNull();
            var operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
            assertThat(operation).as("%s has no %s operation in %s", path, method, OpenApi.RESOURCE).isNotNull();
            assertThat(operation.getResponses()).as(route).isNotEmpty();
        }
    }
}
