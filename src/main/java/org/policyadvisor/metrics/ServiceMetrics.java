package org.policyadvisor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.policyadvisor.advice.EvaluationObserver;
import org.policyadvisor.advice.ProgramStatus;
import org.policyadvisor.reload.ReloadObserver;
import org.policyadvisor.ruleset.Ruleset;

/**
 * The service's metrics, scraped as Prometheus text from GET /metrics: request latency per route template, verdicts
 * per program and status, runs of the rules, reloads, and the active ruleset's version. Meters are looked up once
 * and kept, so recording costs a map lookup, not a registration.
 */
public final class ServiceMetrics implements EvaluationObserver, ReloadObserver {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Latency buckets (seconds) around the targets: p99 under 20 ms for an answer. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<RequestKey, Timer> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter[]> verdicts = new ConcurrentHashMap<>();
    private final Counter evaluations;
    private final Counter abortedEvaluations;
    private final Counter firings;
    private final Counter reloadsSucceeded;
    private final Counter reloadsRefused;
    private final MultiGauge activeRuleset;
    private volatile String activeVersion;

    private record RequestKey(String method, String route, int status) {}

    public ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        evaluations = Counter.builder("advisor.rule.evaluations").description("Runs of the rules for one applicant")
                .tag("outcome", "completed").register(registry);
        abortedEvaluations = Counter.builder("advisor.rule.evaluations").description("Runs of the rules for one applicant")
                .tag("outcome", "aborted").register(registry);
        firings = Counter.builder("advisor.rule.firings").description("Condition rules that fired").register(registry);
        reloadsSucceeded = Counter.builder("advisor.reloads").description("Rule reloads, by result")
                .tag("result", "succeeded").register(registry);
        reloadsRefused = Counter.builder("advisor.reloads").description("Rule reloads, by result")
                .tag("result", "refused").register(registry);
        activeRuleset = MultiGauge.builder("advisor.ruleset.info").description("The ruleset serving now (value 1)").register(registry);
    }

    /** The methods counted by name; any other (a client may send any token as a method) counts as {@code OTHER}. */
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    /**
     * One HTTP request; {@code route} is the route template (never the raw path, which could carry anything) and the
     * method one of a closed set, so the number of series stays bounded whatever clients send.
     */
    public void request(String method, String route, int status, long nanos) {
        String label = METHODS.contains(method) ? method : "OTHER";
        int code = status >= 100 && status <= 599 ? status : 0;
        requests.computeIfAbsent(new RequestKey(label, route, code), key -> Timer.builder("http.server.requests")
                        .description("HTTP requests by route template")
                        .tags("method", key.method(), "route", key.route(), "status", Integer.toString(key.status()))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One program's verdict in an answer given to a client. */
    public void verdict(String program, ProgramStatus status) {
        verdicts.computeIfAbsent(program, id -> {
            Counter[] byStatus = new Counter[ProgramStatus.values().length];
            for (ProgramStatus s : ProgramStatus.values()) {
                byStatus[s.ordinal()] = Counter.builder("advisor.verdicts").description("Program verdicts in answers")
                        .tags("program", id, "status", s.name()).register(registry);
            }
            return byStatus;
        })[status.ordinal()].increment();
    }

    @Override
    public void evaluated(int rulesFired, boolean aborted) {
        (aborted ? abortedEvaluations : evaluations).increment();
        firings.increment(rulesFired);
    }

    @Override
    public void reloaded(boolean activated) {
        (activated ? reloadsSucceeded : reloadsRefused).increment();
    }

    /** The metrics in Prometheus text format, with the info gauge set to the ruleset serving now (null: none yet). */
    public synchronized String scrape(Ruleset active) {
        String version = active == null ? null : active.version();
        if (!Objects.equals(version, activeVersion)) {
            activeVersion = version;
            activeRuleset.register(version == null ? List.of()
                    : List.of(MultiGauge.Row.of(Tags.of("version", version, "built_at", active.builtAt().toString()), 1)), true);
        }
        return registry.scrape();
    }
}
