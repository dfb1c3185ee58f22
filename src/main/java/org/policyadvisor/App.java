package org.policyadvisor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.ruleset.RulesetRejected;
import org.policyadvisor.web.AdvisorApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, builds the first ruleset and starts the service. */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {}

    public static void main(String[] args) {
        Config config = Config.from(System.getenv(), args);
        ActiveRuleset rules = new ActiveRuleset();
        ServiceMetrics metrics = new ServiceMetrics();
        Advisor advisor = new Advisor(EvaluationLimits.DEFAULT, metrics);
        // The first build and the HTTP server's start take a second or more each: overlap them on the two cores.
        // Until the rules serve, /ready and the API answer 503 with Retry-After.
        CompletableFuture<Ruleset> first = CompletableFuture.supplyAsync(
                () -> new RulesetCompiler(Clock.systemUTC()).compile(RulesDirectory.read(config.rulesDir())));
        AdvisorApp.create(new AdvisorApp.Deps(rules, advisor, Clock.systemUTC(), metrics)).start(config.port());
        try {
            Ruleset ruleset = first.join();
            rules.activate(ruleset);
            LOG.info("serving ruleset {} from {}", ruleset.version(), config.rulesDir().toAbsolutePath());
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof RulesetRejected rejected)) throw e;
            rejected.problems().stream().map(RuleProblem::toString).forEach(LOG::error);
            LOG.error("the rules in {} are broken and there is no earlier ruleset to serve; not starting", config.rulesDir());
            System.exit(1);
        }
    }

    /** Environment variables with defaults; the same names as command-line flags ({@code --port 8080}) win. */
    record Config(int port, Path rulesDir, String adminToken) {
        static Config from(java.util.Map<String, String> env, String[] args) {
            java.util.Map<String, String> values = new java.util.HashMap<>(env);
            for (int i = 0; i + 1 < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> values.put("PORT", args[++i]);
                    case "--rules-dir" -> values.put("RULES_DIR", args[++i]);
                    case "--admin-token" -> values.put("ADVISOR_ADMIN_TOKEN", args[++i]);
                    default -> { }
                }
            }
            return new Config(Integer.parseInt(values.getOrDefault("PORT", "8080")),
                    Path.of(values.getOrDefault("RULES_DIR", "./rules")), values.get("ADVISOR_ADMIN_TOKEN"));
        }
    }
}
