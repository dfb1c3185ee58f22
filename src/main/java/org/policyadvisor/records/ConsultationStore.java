package org.policyadvisor.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The consultation table: save, read, erase, and the recent profiles for the impact preview. */
final class ConsultationStore {

    private final DataSource db;

    ConsultationStore(DataSource db) {
        this.db = db;
    }

    void save(Consultation c) {
        try (Connection connection = db.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into consultation (reference, created_at, ruleset_version, as_of, lang, profile, advice) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, c.reference());
            insert.setObject(2, utc(c.createdAt()));
            insert.setString(3, c.rulesetVersion());
            insert.setObject(4, c.asOf());
            insert.setString(5, c.lang());
            insert.setBytes(6, c.profile());
            insert.setBytes(7, c.advice());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new RecordsUnavailable("cannot save consultation " + c.reference(), e);
        }
    }

    /** The record, unless it was erased or is older than {@code notBefore} (past retention, not yet swept). */
    Optional<Consultation> find(String reference, Instant notBefore) {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select created_at, ruleset_version, as_of, lang, profile, advice from consultation where reference = ? and created_at >= ?")) {
            select.setString(1, reference);
            select.setObject(2, utc(notBefore));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) return Optional.empty();
                return Optional.of(new Consultation(reference, row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                        row.getObject(3, LocalDate.class), row.getString(4), row.getBytes(5), row.getBytes(6)));
            }
        } catch (SQLException e) {
            throw new RecordsUnavailable("cannot read consultation " + reference, e);
        }
    }

    boolean delete(String reference) {
        try (Connection connection = db.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from consultation where reference = ?")) {
            delete.setString(1, reference);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new RecordsUnavailable("cannot erase consultation " + reference, e);
        }
    }

    /** Erases every record created before {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff) {
        try (Connection connection = db.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from consultation where created_at < ?")) {
            delete.setObject(1, utc(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new RecordsUnavailable("cannot erase old consultations", e);
        }
    }

    /** The profiles saved since {@code since}, newest first, at most {@code limit}. */
    List<byte[]> profilesSince(Instant since, int limit) {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select profile from consultation where created_at >= ? order by created_at desc")) {
            select.setObject(1, utc(since));
            select.setMaxRows(limit);
            List<byte[]> profiles = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) profiles.add(rows.getBytes(1));
            }
            return profiles;
        } catch (SQLException e) {
            throw new RecordsUnavailable("cannot read recent consultations", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
