package io.eventfold.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real PostgreSQL server from the zonky binaries. With a kept data directory it is the same database
 * after a restart; with {@code clean} it starts empty.
 *
 * <p>A commit is acknowledged only once its WAL is written ({@code synchronous_commit=on}): zonky's builder
 * turns that off, and then a crash of any one backend (PostgreSQL then resets every connection and replays its
 * WAL) drops the last commits that clients were already told had succeeded. Callers may still pass settings.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Fails closed: a port in use, a data directory owned by a live process, or a server on the port that is not
     * the one of this directory (pg_ctl's failure to start is only logged) ends in an exception, not a server.
     */
    public static PostgresServer start(Path dataDirectory, int port, boolean clean, Map<String, String> settings) {
        if (Files.isDirectory(dataDirectory)) {
            LeftOverPostmaster.clear(dataDirectory);
        }
        FreePort.require(port, "PostgreSQL");
        EmbeddedPostgres postgres;
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("synchronous_commit", "on");
            settings.forEach(builder::setServerConfig);
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start in " + dataDirectory + " on port " + port, e);
        }
        var server = new PostgresServer(postgres);
        try {
            requireServes(port, dataDirectory);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The server answering on the port must be the one of this data directory, not one started elsewhere. */
    static void requireServes(int port, Path dataDirectory) {
        var url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (var connection = DriverManager.getConnection(url, USER, "");
             var show = connection.createStatement();
             var result = show.executeQuery("show data_directory")) {
            result.next();
            var served = Path.of(result.getString(1));
            if (!LeftOverPostmaster.samePath(served, dataDirectory)) {
                throw new IllegalStateException("PostgreSQL on port " + port + " serves " + served + ", not "
                        + dataDirectory + ": port " + port + " is " + PortHolder.describe(port));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on port " + port + " cannot be asked for its data", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists, so a restart with kept data finds it again. */
    public String ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
            return jdbcUrl(database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
