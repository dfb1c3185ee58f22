package org.policyadvisor.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.policyadvisor.TestServer;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.reload.ReloadObserver;
import org.policyadvisor.reload.RulesFixture;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.web.AdvisorApp;

/** One instance of the service as App wires it (rules pipeline, records, admin token) on a rules directory and a database. */
final class Service implements AutoCloseable {

    static final String TOKEN = "records-admin-token";

    final Path rulesDir;
    final ActiveRuleset active = new ActiveRuleset();
    final Records records;
    final RulesPipeline pipeline;
    final TestServer server;

    Service(Path rulesDir, Storage storage, Clock clock, LookupLimiter.Limits limits) {
        this.rulesDir = rulesDir;
        records = Records.open(new Records.Settings(storage, 180, 90), active, clock, limits);
        pipeline = new RulesPipeline(rulesDir, active, clock, Duration.ZERO, ReloadObserver.both(ReloadObserver.NONE, records.archive()),
                records.pastCases());
        assertThat(pipeline.reload().ok()).isTrue();
        server = TestServer.startWith(new AdvisorApp.Deps(active, new Advisor(EvaluationLimits.DEFAULT), clock, pipeline, TOKEN,
                new org.policyadvisor.metrics.ServiceMetrics(), records));
    }

    /** Writes the rules into the directory and reloads them; true when they were activated. */
    boolean publish(Map<String, String> files) {
        RulesFixture.write(rulesDir, files);
        return pipeline.reload().ok();
    }

    String version() {
        return active.current().orElseThrow().version();
    }

    @Override
    public void close() {
        server.close();
        pipeline.close();
        records.close();
        active.current().ifPresent(Ruleset::release);
    }
}
