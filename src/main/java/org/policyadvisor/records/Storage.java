package org.policyadvisor.records;

import java.nio.file.Path;

/**
 * Where records and the ruleset archive live: an embedded H2 file under {@code dataDir} unless {@code url} names
 * another database (PostgreSQL, shared by replicas).
 */
public record Storage(Path dataDir, String url, String user, String password) {

    public static Storage embedded(Path dataDir) {
        return new Storage(dataDir, null, null, null);
    }

    String jdbcUrl() {
        if (url != null && !url.isBlank()) return url;
        // One file, advisor.mv.db, owned by one process (replicas share PostgreSQL instead).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("advisor");
    }

    /** Where, for a log line: the URL without its query (which may carry a password). */
    public String describe() {
        String where = jdbcUrl();
        int query = where.indexOf('?');
        return query < 0 ? where : where.substring(0, query);
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
