package org.policyadvisor.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.policyadvisor.reload.PastCases;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.Ruleset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consultation records: saved on request only, read back by reference, replayed under any archived ruleset, erased
 * on request and after the retention period. Logs name references, never what a profile holds.
 */
public final class Records implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Records.class);
    /** How many recent records the impact preview decides at most (newest first). */
    static final int IMPACT_LIMIT = 5_000;
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    /** @param retentionDays records older than this are erased; @param impactDays the validate report covers records this recent */
    public record Settings(Storage storage, int retentionDays, int impactDays) {
        public static final int RETENTION_DAYS = 180;
        public static final int IMPACT_DAYS = 90;
    }

    private final Database database;
    private final ConsultationStore store;
    private final RulesArchive archive;
    private final CompiledVersions versions;
    private final LookupLimiter limiter;
    private final Settings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "records-retention");
        thread.setDaemon(true);
        return thread;
    });

    private Records(Database database, Settings settings, ActiveRuleset active, Clock clock, LookupLimiter.Limits limits) {
        this.database = database;
        this.store = new ConsultationStore(database.dataSource());
        this.archive = new RulesArchive(database.dataSource());
        this.versions = new CompiledVersions(active, archive, clock);
        this.limiter = new LookupLimiter(limits, clock);
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens (and migrates) the database; the retention sweep runs at once and then every hour. */
    public static Records open(Settings settings, ActiveRuleset active, Clock clock) {
        return open(settings, active, clock, LookupLimiter.Limits.DEFAULT);
    }

    static Records open(Settings settings, ActiveRuleset active, Clock clock, LookupLimiter.Limits limits) {
        Records records = new Records(Database.open(settings.storage()), settings, active, clock, limits);
        records.sweeper.scheduleWithFixedDelay(records::sweepQuietly, 0, SWEEP_EVERY.toMinutes(), TimeUnit.MINUTES);
        return records;
    }

    /** Saves a consultation: the answers given (only the rules' questions) and the answer's bytes as sent. */
    public Consultation save(Ruleset ruleset, Map<String, Object> answers, LocalDate asOf, String lang, byte[] advice) {
        Consultation consultation = new Consultation(Reference.next(random), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                ruleset.version(), asOf, lang, RecordsJson.bytes(new TreeMap<>(answers)), advice);
        store.save(consultation);
        LOG.info("saved consultation {} under ruleset {}", consultation.displayReference(), ruleset.version());
        return consultation;
    }

    /** The record, if the reference is well-formed, was saved, and is neither erased nor past retention. */
    public Optional<Consultation> find(String typed) {
        return Reference.parse(typed).flatMap(reference -> store.find(reference, retentionCutoff()));
    }

    /** Erases a record now; false when there was none. */
    public boolean erase(String typed) {
        Optional<String> reference = Reference.parse(typed);
        boolean erased = reference.isPresent() && store.delete(reference.get());
        if (erased) LOG.info("erased consultation {} on request", Reference.display(reference.get()));
        return erased;
    }

    /** Zero when this client may look up a reference now, else how long it must wait. */
    public Duration lookupWait(String client) {
        return limiter.tryTake(client);
    }

    /** The ruleset of an archived (or the active) version, compiled once and kept among the last few. */
    public Optional<Ruleset> ruleset(String version) {
        return versions.get(version);
    }

    /** The saved profile as a JSON object. */
    public static JsonNode profile(Consultation consultation) {
        return RecordsJson.tree(consultation.profile());
    }

    /** Per program, what differs between the answer given then and a new one. */
    public static List<AdviceChanges.Change> changes(byte[] then, byte[] now) {
        return AdviceChanges.between(RecordsJson.tree(then), RecordsJson.tree(now));
    }

    public RulesArchive archive() {
        return archive;
    }

    /** The profiles saved in the last {@code impactDays}, for the validate report; none (null) while the database is down. */
    public PastCases pastCases() {
        return () -> {
            try {
                return store.profilesSince(clock.instant().minus(settings.impactDays(), ChronoUnit.DAYS), IMPACT_LIMIT)
                        .stream().map(RecordsJson::tree).toList();
            } catch (RecordsUnavailable e) {
                LOG.warn("the validate report leaves out saved consultations: {}", e.getMessage());
                return null;
            }
        };
    }

    /** Erases every record past retention; returns how many. */
    public int sweep() {
        int erased = store.deleteOlderThan(retentionCutoff());
        if (erased > 0) LOG.info("erased {} consultation(s) older than {} days", erased, settings.retentionDays());
        return erased;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("the retention sweep failed, trying again in {}: {}", SWEEP_EVERY, e.toString());
        }
    }

    private Instant retentionCutoff() {
        return clock.instant().minus(settings.retentionDays(), ChronoUnit.DAYS);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        versions.close();
        database.close();
    }
}
