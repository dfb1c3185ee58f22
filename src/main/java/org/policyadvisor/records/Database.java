package org.policyadvisor.records;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A pooled connection to the records database, its schema brought up to date by Flyway's migrations. */
final class Database implements AutoCloseable {

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    static Database open(Storage storage) {
        if (storage.embedded()) {
            try {
                Files.createDirectories(storage.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + storage.dataDir(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(storage.jdbcUrl());
        if (storage.user() != null) config.setUsername(storage.user());
        if (storage.password() != null) config.setPassword(storage.password());
        config.setPoolName("records");
        // Saving and looking up are short statements; the HTTP pool has 16 threads.
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        // A database that is down answers 503 within seconds rather than holding a request thread for Hikari's 30.
        config.setConnectionTimeout(5_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            // Flyway takes a lock on PostgreSQL, so replicas starting together migrate once.
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
