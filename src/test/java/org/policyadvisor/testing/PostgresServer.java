package org.policyadvisor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.policyadvisor.records.Storage;

/**
 * A real, throwaway PostgreSQL server for the tests: Debian's server binaries ({@code apt-get install postgresql};
 * {@code .ci/run} installs them), a fresh cluster in a temporary directory on a free port, started once per test run
 * and stopped with the JVM. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 * Each {@link #newDatabase()} is an empty database of its own. Without the binaries a developer's run skips the
 * PostgreSQL tests with a loud warning; with {@code CI=true} they fail instead.
 */
public final class PostgresServer {

    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final String USER = "advisor";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The run's server, started on first use; skips (or in CI fails) the calling test when PostgreSQL is missing. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            Path bin = binaries().orElse(null);
            if (bin == null) {
                String problem = "PostgreSQL server binaries are missing under " + DEBIAN + ": apt-get install -y postgresql";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("The PostgreSQL tests are mandatory in CI. " + problem);
                System.err.println("\n" + "!".repeat(100) + "\n!!! POSTGRESQL TESTS SKIPPED: " + problem + "\n" + "!".repeat(100) + "\n");
                Assumptions.abort(problem);
            }
            shared = start(bin);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** A new, empty database on the server. */
    public Storage newDatabase() {
        String name = "records_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement create = admin.createStatement()) {
            create.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return new Storage(null, url(name), USER, "");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN)) return Optional.empty();
        try (Stream<Path> versions = Files.list(DEBIAN)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static PostgresServer start(Path bin) {
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            // As root the cluster must belong to postgres, in a directory postgres may enter.
            Path dataDir = root ? Path.of(run(List.of("runuser", "-u", "postgres", "--", "mktemp", "-d", "/tmp/advisor-pg.XXXXXX")).strip())
                    : Files.createTempDirectory("advisor-pg");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            PostgresServer server = new PostgresServer(bin, dataDir, port, root);
            server.pg("initdb", "-D", dataDir.resolve("data").toString(), "-U", USER, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
            server.pg("pg_ctl", "-D", dataDir.resolve("data").toString(), "-l", dataDir.resolve("log").toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            pg("pg_ctl", "-D", dataDir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            run(List.of("rm", "-rf", dataDir.toString()));
        } catch (RuntimeException ignored) {
            // the JVM is exiting; a leftover temporary directory is all that remains
        }
    }

    private void pg(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) command.addAll(List.of("runuser", "-u", "postgres", "--"));
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
