package org.policyadvisor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.testing.RulesCopy;
import org.policyadvisor.testing.SampleRules;
import org.policyadvisor.web.AdvisorApp;

/** GET /metrics over HTTP, from a server wired as App.main wires it. */
class MetricsHttpTest {

    /** On the sample rules: eligible for their cash grant, and their free advice needs the age. */
    private static final String HK_PROFESSIONAL = """
            {"residency": "HK", "workDistrict": "LUOHU", "grantReceived": false, "asOf": "2026-11-27"}""";

    private static final ServiceMetrics METRICS = new ServiceMetrics();
    private static TestServer server;

    @BeforeAll
    static void start() {
        ActiveRuleset rules = new ActiveRuleset();
        rules.activate(SampleRules.ruleset());
        server = TestServer.startWith(new AdvisorApp.Deps(rules, new Advisor(EvaluationLimits.DEFAULT, METRICS), Clock.systemUTC(),
                null, null, METRICS)); // wired as App.main wires them
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void metrics_come_as_prometheus_text() {
        HttpResponse<String> response = server.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body()).contains("# TYPE http_server_requests_seconds histogram", "jvm_memory_used_bytes");
    }

    @Test
    void each_answer_counts_its_verdicts_per_program_and_status_and_one_run_of_the_rules() {
        String before = server.get("/metrics").body();
        assertThat(server.postJson("/api/v1/advice", HK_PROFESSIONAL).statusCode()).isEqualTo(200);
        assertThat(server.postJson("/api/v1/advice", HK_PROFESSIONAL).statusCode()).isEqualTo(200);
        String after = server.get("/metrics").body();

        String eligible = "advisor_verdicts_total{program=\"cash-grant\",status=\"ELIGIBLE\"}";
        String needsInfo = "advisor_verdicts_total{program=\"free-advice\",status=\"NEEDS_INFO\"}";
        assertThat(value(after, eligible) - value(before, eligible)).isEqualTo(2);
        assertThat(value(after, needsInfo) - value(before, needsInfo)).isEqualTo(2);
        String runs = "advisor_rule_evaluations_total{outcome=\"completed\"}";
        assertThat(value(after, runs) - value(before, runs)).isEqualTo(2);
        assertThat(value(after, "advisor_rule_firings_total")).isGreaterThan(value(before, "advisor_rule_firings_total"));
    }

    @Test
    void latency_is_a_histogram_per_route_template_never_per_raw_path() {
        server.postJson("/api/v1/advice", HK_PROFESSIONAL);
        server.get("/no/such/path/with-a-name-in-it");
        String metrics = server.get("/metrics").body();

        assertThat(metrics).contains(
                "http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/advice\",status=\"200\",le=\"0.02\"}",
                "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}");
        assertThat(metrics).doesNotContain("with-a-name-in-it");
    }

    @Test
    void reloads_are_counted_by_result_and_the_serving_version_is_an_info_gauge(@TempDir Path dir) {
        RulesCopy copy = RulesCopy.of(dir);
        ActiveRuleset active = new ActiveRuleset();
        ServiceMetrics metrics = new ServiceMetrics();
        try (RulesPipeline pipeline = new RulesPipeline(dir, active, Clock.systemUTC(), Duration.ZERO, metrics);
             TestServer server = TestServer.startWith(new AdvisorApp.Deps(active, new Advisor(EvaluationLimits.DEFAULT, metrics),
                     Clock.systemUTC(), pipeline, null, metrics))) {
            assertThat(pipeline.reload().ok()).isTrue();
            Ruleset serving = active.current().orElseThrow();
            copy.add("programs/broken/broken.drl", "package policy;\nrule \"broken\" when Applicant( then end\n");
            assertThat(pipeline.reload().ok()).isFalse();
            String metricsPage = server.get("/metrics").body();

            assertThat(value(metricsPage, "advisor_reloads_total{result=\"succeeded\"}")).isEqualTo(1);
            assertThat(value(metricsPage, "advisor_reloads_total{result=\"refused\"}")).isEqualTo(1);
            assertThat(metricsPage).contains("advisor_ruleset_info{built_at=\"" + serving.builtAt()
                    + "\",version=\"" + serving.version() + "\"} 1");
        }
    }

    /** The sample's value in a Prometheus text page, 0 when absent. */
    private static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void made_up_methods_count_as_one_label_so_the_series_stay_bounded() {
        for (int i = 0; i < 200; i++) {
            org.policyadvisor.testing.RawHttp.exchange(server.port(), "MADEUP" + i + " /api/v1/advice HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        }
        String metrics = server.get("/metrics").body();
        assertThat(metrics).doesNotContain("MADEUP").contains("method=\"OTHER\"");
        long series = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).count();
        assertThat(series).as("request series after 200 made-up methods").isLessThan(30);
    }
}
