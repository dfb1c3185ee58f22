package org.policyadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyadvisor.reload.ProgramChanges;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.ruleset.RulesetRejected;

/**
 * The programs published now, which {@code check --against} compares a change with: a checkout of the published
 * rules (compiled as the service compiles them), or the live service's public {@code GET /api/v1/programs}.
 */
final class PublishedPrograms {

    static final String PROGRAMS_PATH = "/api/v1/programs";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The comparison cannot be made; the message is one line for policy staff. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private PublishedPrograms() {}

    /** @return program id to English name, in catalogue order */
    static Map<String, String> read(String against) {
        if (against.startsWith("http://") || against.startsWith("https://")) return fromService(against);
        Path dir = Path.of(against);
        if (!Files.isDirectory(dir)) {
            throw new Unreadable(against + " is neither a folder of published rules nor the service's address (http://… or https://…)");
        }
        return fromDirectory(dir);
    }

    private static Map<String, String> fromDirectory(Path dir) {
        Ruleset published;
        try {
            published = new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(dir));
        } catch (UncheckedIOException e) {
            throw new Unreadable(e.getMessage());
        } catch (RulesetRejected e) {
            RuleProblem first = e.problems().get(0);
            throw new Unreadable("the rules in " + dir + " do not compile (" + e.problems().size() + " problem(s), the first "
                    + first + "); check them on their own first");
        }
        try {
            return ProgramChanges.names(published);
        } finally {
            published.release();
        }
    }

    private static Map<String, String> fromService(String address) {
        URI uri;
        try {
            String base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
            uri = URI.create(base.endsWith(PROGRAMS_PATH) ? base : base + PROGRAMS_PATH);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(address + " is not a web address");
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreadable("the service at " + uri + " cannot be reached: is the address right and the service running?");
        } catch (IllegalArgumentException e) {
            throw new Unreadable(address + " is not a web address");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted while asking " + uri);
        }
        if (response.statusCode() != 200) throw new Unreadable("the service at " + uri + " answered " + response.statusCode() + " instead of its programs");
        Map<String, String> names = new LinkedHashMap<>();
        try {
            for (JsonNode program : JSON.readTree(response.body()).path("programs")) {
                String id = program.path("id").asText(null);
                if (id != null) names.put(id, program.path("name").path("en").asText(id));
            }
        } catch (IOException e) {
            throw new Unreadable("the answer of " + uri + " is not the service's list of programs");
        }
        if (names.isEmpty()) throw new Unreadable("the answer of " + uri + " lists no programs");
        return names;
    }
}
