package org.policyadvisor.records;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesetCompiler;

/**
 * Rulesets by version for replays: the active one as it serves, an archived one compiled from its stored files.
 * A compiled ruleset costs a build (a second or so) and some megabytes, so only the last few are kept; one pushed
 * out is released after a grace period, as the pipeline does, so a replay still holding it finishes.
 */
final class CompiledVersions implements AutoCloseable {

    static final int KEEP = 3;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final ActiveRuleset active;
    private final RulesArchive archive;
    private final RulesetCompiler compiler;
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "archived-ruleset-release");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Ruleset> compiled = new LinkedHashMap<>(KEEP + 1, 0.75f, true);

    CompiledVersions(ActiveRuleset active, RulesArchive archive, Clock clock) {
        this.active = active;
        this.archive = archive;
        this.compiler = new RulesetCompiler(clock);
    }

    /** The ruleset of {@code version}, or empty when it was never activated here or on a replica sharing the store. */
    Optional<Ruleset> get(String version) {
        Ruleset serving = active.current().orElse(null);
        if (serving != null && serving.version().equals(version)) return Optional.of(serving);
        synchronized (compiled) {
            Ruleset kept = compiled.get(version);
            if (kept != null) return Optional.of(kept);
        }
        Optional<List<RuleFile>> files = archive.files(version);
        if (files.isEmpty()) return Optional.empty();
        // Compiled outside the lock: a replay of another version need not wait. Two replays of one version may both
        // compile it; the second keeps the first's and releases its own.
        Ruleset built = compiler.compile(files.get());
        synchronized (compiled) {
            Ruleset raced = compiled.putIfAbsent(version, built);
            if (raced != null) {
                built.release();
                return Optional.of(raced);
            }
            if (compiled.size() > KEEP) {
                var eldest = compiled.entrySet().iterator();
                Ruleset evicted = eldest.next().getValue();
                eldest.remove();
                releaser.schedule(evicted::release, GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return Optional.of(built);
    }

    int size() {
        synchronized (compiled) {
            return compiled.size();
        }
    }

    @Override
    public void close() {
        releaser.shutdownNow().forEach(Runnable::run);
        synchronized (compiled) {
            compiled.values().forEach(Ruleset::release);
            compiled.clear();
        }
    }
}
