package org.policyadvisor;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.ServerConnector;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.claims.ClaimsFixture;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.testing.CompiledOnce;
import org.policyadvisor.testing.MentorRules;
import org.policyadvisor.web.AdvisorApp;
import org.policyadvisor.web.HttpOptions;

/** The real service on a random port, and a plain HTTP client to talk to it. */
public final class TestServer implements AutoCloseable {

    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final ActiveRuleset rules;

    private TestServer(AdvisorApp.Deps deps) {
        this(deps, HttpOptions.defaults());
    }

    private TestServer(AdvisorApp.Deps deps, HttpOptions options) {
        rules = deps.rules();
        app = AdvisorApp.create(deps, options).start(0);
    }

    private Runnable onClose = () -> { };

    /**
     * The service wired as App wires it, on the real rules: metrics, a rules pipeline on {@code dir}/rules (admin
     * token "token") and consultation records in an embedded database under {@code dir}/data, closed with the server.
     */
    public static TestServer wiredAsApp(java.nio.file.Path dir, HttpOptions options) {
        ActiveRuleset active = new ActiveRuleset();
        active.activate(RealRules.ruleset());
        org.policyadvisor.metrics.ServiceMetrics metrics = new org.policyadvisor.metrics.ServiceMetrics();
        org.policyadvisor.records.Records records = org.policyadvisor.records.Records.open(new org.policyadvisor.records.Records.Settings(
                org.policyadvisor.records.Storage.embedded(dir.resolve("data")), 180, 90), active, Clock.systemUTC());
        org.policyadvisor.reload.RulesPipeline pipeline = new org.policyadvisor.reload.RulesPipeline(dir.resolve("rules"), active,
                Clock.systemUTC(), org.policyadvisor.reload.RulesPipeline.DEFAULT_GRACE, metrics);
        TestServer server = new TestServer(new AdvisorApp.Deps(active, new Advisor(EvaluationLimits.DEFAULT, metrics), Clock.systemUTC(),
                pipeline, "token", metrics, records), options);
        server.onClose = records::close;
        return server;
    }

    private TestServer(Ruleset ruleset) {
        this(new AdvisorApp.Deps(new ActiveRuleset(), new Advisor(EvaluationLimits.DEFAULT), Clock.systemUTC()));
        if (ruleset != null) rules.activate(ruleset);
    }

    /** A server with the given wiring (for example with a rules pipeline and an admin token). */
    public static TestServer startWith(AdvisorApp.Deps deps) {
        return new TestServer(deps);
    }

    /** A server with the given wiring and HTTP options (CORS origins, a management port). */
    public static TestServer startWith(AdvisorApp.Deps deps, HttpOptions options) {
        return new TestServer(deps, options);
    }

    private static final Map<Path, TestServer> SHARED = new ConcurrentHashMap<>();

    /**
     * One server on the real rules for every test that only reads them, started once per test run and stopped
     * with the JVM: each test class need not start and stop its own.
     */
    public static TestServer shared() {
        return sharedOn(RealRules.DIR);
    }

    /** Like {@link #shared()}, but on the tests' own copy of the mentor schedule ({@link MentorRules}). */
    public static TestServer mentorFixture() {
        return sharedOn(MentorRules.DIR);
    }

    /** Like {@link #shared()}, but on the claims fixture ({@link ClaimsFixture}). */
    public static TestServer claimsFixture() {
        return sharedOn(ClaimsFixture.DIR);
    }

    private static TestServer sharedOn(Path rules) {
        return SHARED.computeIfAbsent(rules, dir -> new TestServer(CompiledOnce.of(dir)));
    }

    public static TestServer start(Ruleset ruleset) {
        return new TestServer(ruleset);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    /** Every route the app registered, as "METHOD path" (HTTP methods only, not before/after handlers). */
    public java.util.List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    /** The main port. */
    public int port() {
        return app.port();
    }

    /** The port of the management connector (MANAGEMENT_PORT), the server's second. */
    public int managementPort() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[1]).getLocalPort();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        return send(request, headers);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", json, headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) request.headers(headers);
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        onClose.run();
    }
}
