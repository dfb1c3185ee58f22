package org.policyadvisor.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.policyadvisor.reload.Attempt;
import org.policyadvisor.reload.ReloadObserver;
import org.policyadvisor.ruleset.RuleFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every attempt of the rules pipeline, and every activated ruleset's files by version: kept in the database, so the
 * history survives restarts and replicas share it, and any record can be replayed under the rules that answered it.
 */
public final class RulesArchive implements ReloadObserver {

    private static final Logger LOG = LoggerFactory.getLogger(RulesArchive.class);
    static final int HISTORY_SIZE = 200;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource db;

    RulesArchive(DataSource db) {
        this.db = db;
    }

    /** {@code GET /api/v1/rules/history}: newest first. */
    public record History(List<Activation> activations, List<JsonNode> attempts) {}

    public record Activation(String version, Instant activatedAt, int files) {}

    /** {@code GET /api/v1/rules/versions/{version}}. */
    public record Version(String version, List<FileEntry> files) {}

    public record FileEntry(String path, String sha256, int bytes) {}

    @Override
    public void reloaded(boolean activated) {}

    /** Never fails the pipeline: a database that is down loses the entry, not the reload. */
    @Override
    public void attempted(Attempt attempt, List<RuleFile> files) {
        try {
            if (attempt.result() == Attempt.Result.ACTIVATED) archive(attempt.version(), files);
            try (Connection connection = db.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into ruleset_event (at, version, result, ok, files, report) values (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, ConsultationStore.utc(attempt.at()));
                insert.setString(2, attempt.version());
                insert.setString(3, attempt.result().name());
                insert.setBoolean(4, attempt.ok());
                insert.setInt(5, files.size());
                insert.setBytes(6, RecordsJson.bytes(attempt));
                insert.executeUpdate();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not record the attempt on ruleset {} in the records database: {}", attempt.version(), e.toString());
        }
    }

    /** Stores a version's files once; a replica that archived the same version first wins. */
    void archive(String version, List<RuleFile> files) throws SQLException {
        try (Connection connection = db.getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from ruleset_file where version = ?")) {
                exists.setString(1, version);
                exists.setMaxRows(1);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) return;
                }
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into ruleset_file (version, path, content) values (?, ?, ?)")) {
                for (RuleFile file : files) {
                    insert.setString(1, version);
                    insert.setString(2, file.path());
                    insert.setBytes(3, file.content());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (!isUniqueViolation(e)) throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** An archived version's files, in path order. */
    public Optional<List<RuleFile>> files(String version) {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("select path, content from ruleset_file where version = ? order by path")) {
            select.setString(1, version);
            List<RuleFile> files = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) files.add(new RuleFile(rows.getString(1), rows.getBytes(2)));
            }
            return files.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(files));
        } catch (SQLException e) {
            throw new RecordsUnavailable("cannot read archived ruleset " + version, e);
        }
    }

    public Optional<Version> version(String version) {
        return files(version).map(files -> new Version(version,
                files.stream().map(f -> new FileEntry(f.path(), f.sha256(), f.content().length)).toList()));
    }

    public History history() {
        List<Activation> activations = new ArrayList<>();
        List<JsonNode> attempts = new ArrayList<>();
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select at, version, result, files, report from ruleset_event order by at desc, id desc")) {
            select.setMaxRows(HISTORY_SIZE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (Attempt.Result.ACTIVATED.name().equals(rows.getString(3))) {
                        Activation activation = new Activation(rows.getString(2), rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getInt(4));
                        // Replicas each activate the same files: one entry per change of version, at its first activation.
                        int last = activations.size() - 1;
                        if (last >= 0 && activations.get(last).version().equals(activation.version())) activations.set(last, activation);
                        else activations.add(activation);
                    }
                    attempts.add(RecordsJson.tree(rows.getBytes(5)));
                }
            }
            return new History(activations, attempts);
        } catch (SQLException e) {
            throw new RecordsUnavailable("cannot read the rules history", e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) return true;
        }
        return e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState());
    }
}
