package org.policyadvisor.reload;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.policyadvisor.advice.Advisor;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RuleProblem;
import org.policyadvisor.ruleset.Ruleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.ruleset.SourceDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read, safety check, compile, scenario tests, then one atomic swap; otherwise the last good ruleset keeps serving
 * and the attempt says why. The replaced ruleset is released after a grace period, so requests that read it just
 * before the swap finish on it, and memory stays flat across reloads. One build at a time.
 */
public final class RulesPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesPipeline.class);
    /** Longer than any request can hold a ruleset (an evaluation is bounded well below this). */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final int HISTORY_SIZE = 500;
    private static final int MAX_READS = 5;

    private final Path dir;
    private final ActiveRuleset active;
    private final CandidateBuilder builder;
    private final ImpactPreview impact;
    private final Clock clock;
    private final Duration grace;
    private final ReloadObserver observer;
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ruleset-release");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong builds = new AtomicLong();
    private final Deque<Activation> history = new ArrayDeque<>();
    private volatile Attempt lastAttempt;
    private Attempt activeAttempt;

    /** One activation: which version started serving when. */
    public record Activation(String version, Instant activatedAt, int files) {}

    /** {@code GET /api/v1/rules}. */
    public record Status(String version, Instant activatedAt, List<FileDigest> files, Attempt lastAttempt) {}

    public record FileDigest(String path, String sha256) {}

    /** {@code POST /api/v1/rules/validate}: the report of {@code lastAttempt}'s shape, plus what would change. */
    public record Validation(@JsonUnwrapped Attempt report, ImpactPreview.Impact impact) {}

    public RulesPipeline(Path dir, ActiveRuleset active, Clock clock, Duration grace) {
        this(dir, active, clock, grace, ReloadObserver.NONE);
    }

    public RulesPipeline(Path dir, ActiveRuleset active, Clock clock, Duration grace, ReloadObserver observer) {
        this(dir, active, clock, grace, observer, PastCases.NONE);
    }

    /** @param pastCases real cases the validate report's impact covers besides the scenarios */
    public RulesPipeline(Path dir, ActiveRuleset active, Clock clock, Duration grace, ReloadObserver observer, PastCases pastCases) {
        this.dir = dir;
        this.active = active;
        Advisor advisor = new Advisor(CandidateBuilder.CHECK_LIMITS);
        this.builder = new CandidateBuilder(advisor, clock, SourceDocuments.beside(dir));
        this.impact = new ImpactPreview(advisor, pastCases, clock);
        this.clock = clock;
        this.grace = grace;
        this.observer = observer;
    }

    /** Re-reads the rules directory and activates it if it is new and good. */
    public synchronized Attempt reload() {
        List<RuleFile> files;
        try {
            files = readSettled(dir);
        } catch (UncheckedIOException e) {
            Attempt unreadable = new Attempt(clock.instant(), false, Attempt.Result.REFUSED, null,
                    List.of(RuleProblem.in(null, e.getMessage())), 0, 0, List.of(), 0);
            lastAttempt = unreadable;
            return unreadable;
        }
        return publish(files);
    }

    /** Activates {@code files} if they pass; content equal to what serves, or to what was just refused, builds nothing. */
    public synchronized Attempt publish(List<RuleFile> files) {
        String version = RulesetCompiler.version(files);
        Ruleset serving = active.current().orElse(null);
        if (serving != null && serving.version().equals(version)) {
            Attempt unchanged = activeAttempt != null ? activeAttempt.as(Attempt.Result.UNCHANGED, clock.instant())
                    : new Attempt(clock.instant(), true, Attempt.Result.UNCHANGED, version, List.of(), 0, 0, List.of(), 0);
            if (lastAttempt == null || !lastAttempt.ok()) lastAttempt = unchanged; // the directory is back to what serves
            return unchanged;
        }
        if (lastAttempt != null && !lastAttempt.ok() && version.equals(lastAttempt.version())) return lastAttempt;

        Candidate candidate = builder.build(files);
        builds.incrementAndGet();
        Attempt attempt = candidate.attempt();
        if (attempt.ok()) {
            attempt = attempt.as(Attempt.Result.ACTIVATED, attempt.at());
            Ruleset replaced = active.activate(candidate.ruleset());
            activeAttempt = attempt;
            remember(new Activation(version, attempt.at(), files.size()));
            retire(replaced);
            LOG.info("serving ruleset {} ({} scenarios passed, built in {} ms)", version, attempt.testsRun(), attempt.buildMillis());
        } else {
            if (candidate.ruleset() != null) candidate.ruleset().release();
            LOG.warn("refused ruleset {}: {} problem(s), {} of {} scenarios failed; still serving {}", version,
                    attempt.errors().size(), attempt.testsFailed(), attempt.testsRun(), serving == null ? "nothing" : serving.version());
            attempt.errors().forEach(problem -> LOG.warn("  {}", problem));
        }
        lastAttempt = attempt;
        observer.attempted(attempt, files);
        observer.reloaded(attempt.ok());
        return attempt;
    }

    /** Checks and tests a candidate without activating it, and previews what it would change against what serves. */
    public synchronized Validation validate(List<RuleFile> files) {
        Candidate candidate = builder.build(files);
        builds.incrementAndGet();
        try {
            Ruleset serving = active.current().orElse(null);
            ImpactPreview.Impact preview = candidate.ruleset() != null && serving != null ? impact.compare(serving, candidate.ruleset()) : null;
            return new Validation(candidate.attempt(), preview);
        } finally {
            if (candidate.ruleset() != null) candidate.ruleset().release();
        }
    }

    /**
     * The gate alone, for {@code check} on the command line: the same checks and scenarios as a reload of {@code dir},
     * nothing activated.
     */
    public static Checked check(Path dir, List<RuleFile> files) {
        Candidate candidate = new CandidateBuilder(new Advisor(CandidateBuilder.CHECK_LIMITS), Clock.systemUTC(), SourceDocuments.beside(dir))
                .build(files);
        if (candidate.ruleset() == null) return new Checked(candidate.attempt(), null);
        try {
            return new Checked(candidate.attempt(), ProgramChanges.names(candidate.ruleset()));
        } finally {
            candidate.ruleset().release();
        }
    }

    /**
     * What {@code check} found.
     *
     * @param programs the candidate's programs by id with their English names; null when it did not compile
     */
    public record Checked(Attempt attempt, Map<String, String> programs) {}

    public Status status() {
        Ruleset serving = active.current().orElse(null);
        if (serving == null) return new Status(null, null, List.of(), lastAttempt);
        Instant activatedAt = history().stream().filter(a -> a.version().equals(serving.version()))
                .reduce((first, second) -> second).map(Activation::activatedAt).orElse(serving.builtAt());
        return new Status(serving.version(), activatedAt,
                serving.files().stream().map(f -> new FileDigest(f.path(), f.sha256())).toList(), lastAttempt);
    }

    /** The versions activated since start, oldest first (the last {@value #HISTORY_SIZE}). */
    public List<Activation> history() {
        synchronized (history) { // not the build lock: status calls must not wait for a build
            return List.copyOf(history);
        }
    }

    public Attempt lastAttempt() {
        return lastAttempt;
    }

    /** How many candidates have been built (compiled, or refused by a check); equal content builds nothing. */
    public long builds() {
        return builds.get();
    }

    /** Reads until two reads in a row agree, so a read that crossed a write in progress is not built. */
    static List<RuleFile> readSettled(Path dir) {
        List<RuleFile> files = RulesDirectory.read(dir);
        for (int i = 1; i < MAX_READS; i++) {
            List<RuleFile> again = RulesDirectory.read(dir);
            if (RulesetCompiler.version(again).equals(RulesetCompiler.version(files))) return again;
            files = again;
        }
        return files;
    }

    private void remember(Activation activation) {
        synchronized (history) {
            history.addLast(activation);
            if (history.size() > HISTORY_SIZE) history.removeFirst();
        }
    }

    private void retire(Ruleset replaced) {
        if (replaced == null) return;
        if (grace.isZero()) {
            replaced.release();
        } else {
            releaser.schedule(replaced::release, grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Releases what is waiting for its grace period to end; the active ruleset stays with its owner. */
    @Override
    public void close() {
        releaser.shutdownNow().forEach(Runnable::run);
    }
}
