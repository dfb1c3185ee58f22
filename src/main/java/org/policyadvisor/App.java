package org.policyadvisor;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.ServerConnector;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.advice.EvaluationLimits;
import org.policyadvisor.metrics.ServiceMetrics;
import org.policyadvisor.records.Records;
import org.policyadvisor.records.Storage;
import org.policyadvisor.reload.Attempt;
import org.policyadvisor.reload.ReloadObserver;
import org.policyadvisor.reload.RulesPipeline;
import org.policyadvisor.reload.RulesWatcher;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.web.AdvisorApp;
import org.policyadvisor.web.HttpOptions;
import org.policyadvisor.web.Shutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the settings ({@link Settings}); {@code serve} (the default) builds the first ruleset, watches rules/ and
 * starts the service; {@code check} checks rules/; {@code --help} lists the settings.
 */
public final class App {

    private App() {}

    public static void main(String[] args) {
        // The command line's output is its product: it goes to stdout, for policy staff and scripts.
        if (Settings.wantsHelp(args)) {
            Settings.printHelp(System.out);
            return;
        }
        Settings settings;
        try {
            settings = Settings.from(System.getenv(), args);
        } catch (Settings.Invalid e) {
            System.setProperty("LOG_FORMAT", "text"); // LOG_FORMAT itself may be the bad value
            LoggerFactory.getLogger(App.class).error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        // Before the first logger: logback.xml picks the text or JSON appender by this property.
        System.setProperty("LOG_FORMAT", settings.get(Settings.LOG_FORMAT));
        Logger log = LoggerFactory.getLogger(App.class);
        List<String> words = settings.words();
        String command = words.isEmpty() ? "serve" : words.get(0);
        switch (command) {
            case "serve" -> serve(settings, log);
            case "check" -> System.exit(CheckCommand.run(words.size() > 1 ? Path.of(words.get(1)) : settings.get(Settings.RULES_DIR),
                    settings.get(Settings.CHECK_AGAINST), System.out));
            default -> {
                log.error("unknown command '{}'; use: serve (the default) or check [rules-dir]; --help lists the settings", command);
                System.exit(2);
            }
        }
    }

    private static void serve(Settings settings, Logger log) {
        if (!free(settings.get(Settings.PORT)) || !free(settings.get(Settings.MANAGEMENT_PORT))) {
            busyPort(settings, log); // at once, before the database opens and the rules build
        }
        Path rulesDir = settings.get(Settings.RULES_DIR);
        ActiveRuleset rules = new ActiveRuleset();
        ServiceMetrics metrics = new ServiceMetrics();
        Advisor advisor = new Advisor(EvaluationLimits.DEFAULT, metrics);
        Records.Settings recordSettings = new Records.Settings(new Storage(settings.get(Settings.DATA_DIR), settings.get(Settings.DATABASE_URL),
                settings.get(Settings.DATABASE_USER), settings.get(Settings.DATABASE_PASSWORD)),
                settings.get(Settings.RETENTION_DAYS), settings.get(Settings.IMPACT_DAYS));
        // The first build needs the database only when it archives the result: open it while the rules build.
        CompletableFuture<Records> opened = new CompletableFuture<>();
        RulesPipeline pipeline = new RulesPipeline(rulesDir, rules, Clock.systemUTC(), RulesPipeline.DEFAULT_GRACE,
                ReloadObserver.both(metrics, ReloadObserver.later(() -> opened.join().archive())), () -> opened.join().pastCases().recentProfiles());
        // The HTTP server's start overlaps the build too. Until the rules serve, /ready and the API answer 503.
        CompletableFuture<Attempt> building = CompletableFuture.supplyAsync(pipeline::reload);
        Records records;
        try {
            records = Records.open(recordSettings, rules, Clock.systemUTC());
            opened.complete(records);
        } catch (RuntimeException e) {
            log.error("cannot open the records database ({}): {}", recordSettings.storage().describe(), e.getMessage());
            System.exit(1);
            return;
        }
        Shutdown shutdown = new Shutdown();
        HttpOptions http = new HttpOptions(settings.get(Settings.CORS_ORIGINS), settings.get(Settings.MANAGEMENT_PORT),
                HttpOptions.defaults().drain(), shutdown);
        Javalin app = AdvisorApp.create(new AdvisorApp.Deps(rules, advisor, Clock.systemUTC(), pipeline,
                settings.get(Settings.ADMIN_TOKEN), metrics, records), http);
        try {
            app.start(settings.get(Settings.PORT));
        } catch (JavalinBindException e) {
            busyPort(settings, log); // taken between the check above and now
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown.stop(app), "graceful-stop"));
        log.info("listening on {}", addresses(app));
        Attempt first = building.join();
        if (!first.ok()) {
            first.errors().forEach(problem -> log.error("{}", problem));
            log.error("the rules in {} are broken and there is no earlier ruleset to serve; not starting", rulesDir);
            System.exit(1);
        }
        RulesWatcher.start(rulesDir, pipeline, RulesWatcher.QUIET_PERIOD);
        pipeline.reload(); // an edit saved while the first build ran; equal content builds nothing
        log.info("serving ruleset {} from {}, watching for changes", rules.current().orElseThrow().version(), rulesDir.toAbsolutePath());
    }

    /** Whether a listening socket can be had on this port (all interfaces, as the server binds); null or 0: yes. */
    private static boolean free(Integer port) {
        if (port == null || port == 0) return true;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds: a port left in TIME_WAIT by a stopped server is free
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A busy port, in one line, and exit 1. */
    private static void busyPort(Settings settings, Logger log) {
        log.error("cannot listen on port {}{}: it is in use or not allowed (PORT, MANAGEMENT_PORT)", settings.get(Settings.PORT),
                settings.get(Settings.MANAGEMENT_PORT) == null ? "" : " or " + settings.get(Settings.MANAGEMENT_PORT));
        System.exit(1);
    }

    /** Where the server really listens: {@code 0.0.0.0:8080 (api)} for all interfaces, as bound. */
    private static String addresses(Javalin app) {
        List<String> bound = new ArrayList<>();
        var connectors = app.jettyServer().server().getConnectors();
        for (int i = 0; i < connectors.length; i++) {
            if (connectors[i] instanceof ServerConnector c) {
                String host = c.getHost() == null ? "0.0.0.0" : c.getHost();
                bound.add(host + ":" + c.getLocalPort() + (i == 0 ? " (api)" : " (management)"));
            }
        }
        return String.join(", ", bound);
    }
}
