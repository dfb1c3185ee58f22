package org.policyadvisor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.reload.Attempt;
import org.policyadvisor.records.Records;
import org.policyadvisor.records.Storage;
import org.policyadvisor.reload.CheckCommand;
import org.policyadvisor.reload.ReloadObserver;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.reload.RulesWatcher;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.web.AdvisorApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration; {@code serve} (the default) builds the first ruleset, watches rules/ and starts the service; {@code check} checks rules/. */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {}

    public static void main(String[] args) {
        Config config = Config.from(System.getenv(), args);
        switch (config.command()) {
            case "serve" -> serve(config);
            // The command line's output is its product: it goes to stdout, for policy staff and scripts.
            case "check" -> System.exit(CheckCommand.run(config.rulesDir(), System.out));
            default -> {
                LOG.error("unknown command '{}'; use: serve (the default) or check [rules-dir]", config.command());
                System.exit(2);
            }
        }
    }

    private static void serve(Config config) {
        ActiveRuleset rules = new ActiveRuleset();
        ServiceMetrics metrics = new ServiceMetrics();
        Advisor advisor = new Advisor(EvaluationLimits.DEFAULT, metrics);
        Records records;
        try {
            records = Records.open(config.records(), rules, Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.error("cannot open the records database ({}): {}", config.records().storage().describe(), e.getMessage());
            System.exit(1);
            return;
        }
        RulesPipeline pipeline = new RulesPipeline(config.rulesDir(), rules, Clock.systemUTC(), RulesPipeline.DEFAULT_GRACE,
                ReloadObserver.both(metrics, records.archive()), records.pastCases());
        // The first build and the HTTP server's start take a second or more each: overlap them on the two cores.
        // Until the rules serve, /ready and the API answer 503 with Retry-After.
        CompletableFuture<Attempt> building = CompletableFuture.supplyAsync(pipeline::reload);
        AdvisorApp.create(new AdvisorApp.Deps(rules, advisor, Clock.systemUTC(), pipeline, config.adminToken(), metrics, records)).start(config.port());
        Attempt first = building.join();
        if (!first.ok()) {
            first.errors().forEach(problem -> LOG.error("{}", problem));
            LOG.error("the rules in {} are broken and there is no earlier ruleset to serve; not starting", config.rulesDir());
            System.exit(1);
        }
        RulesWatcher.start(config.rulesDir(), pipeline, RulesWatcher.QUIET_PERIOD);
        pipeline.reload(); // an edit saved while the first build ran; equal content builds nothing
        LOG.info("serving ruleset {} from {}, watching for changes", rules.current().orElseThrow().version(), config.rulesDir().toAbsolutePath());
    }

    /** Environment variables with defaults; the same names as command-line flags ({@code --port 8080}) win. */
    record Config(int port, Path rulesDir, String adminToken, String command, Records.Settings records) {
        /** {@code [serve | check [rules-dir]] [--flag value]…}; a directory after {@code check} is the rules directory. */
        static Config from(java.util.Map<String, String> env, String[] args) {
            java.util.Map<String, String> values = new java.util.HashMap<>(env);
            java.util.List<String> words = new java.util.ArrayList<>();
            java.util.Map<String, String> flags = java.util.Map.of("--port", "PORT", "--rules-dir", "RULES_DIR", "--admin-token", "ADVISOR_ADMIN_TOKEN",
                    "--data-dir", "DATA_DIR", "--database-url", "DATABASE_URL", "--database-user", "DATABASE_USER",
                    "--database-password", "DATABASE_PASSWORD", "--retention-days", "RETENTION_DAYS", "--impact-days", "IMPACT_DAYS");
            for (int i = 0; i < args.length; i++) {
                String variable = i + 1 < args.length ? flags.get(args[i]) : null;
                if (variable != null) values.put(variable, args[++i]);
                else words.add(args[i]);
            }
            String command = words.isEmpty() ? "serve" : words.get(0);
            if (command.equals("check") && words.size() > 1) values.put("RULES_DIR", words.get(1));
            return new Config(Integer.parseInt(values.getOrDefault("PORT", "8080")),
                    Path.of(values.getOrDefault("RULES_DIR", "./rules")), values.get("ADVISOR_ADMIN_TOKEN"), command,
                    new Records.Settings(new Storage(Path.of(values.getOrDefault("DATA_DIR", "./data")), values.get("DATABASE_URL"),
                            values.get("DATABASE_USER"), values.get("DATABASE_PASSWORD")),
                            Integer.parseInt(values.getOrDefault("RETENTION_DAYS", String.valueOf(Records.Settings.RETENTION_DAYS))),
                            Integer.parseInt(values.getOrDefault("IMPACT_DAYS", String.valueOf(Records.Settings.IMPACT_DAYS)))));
        }
    }
}
