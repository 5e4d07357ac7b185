package io.eventfold.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Gives a database the services' own roles and schemas ({@code db/eventfold-roles.sql}, which docker-compose runs
 * too): each service then connects as the role its {@code application.properties} names, never as a superuser.
 */
public final class ServiceRoles {

    public static final String COMMAND = "eventfold_command";
    public static final String PROJECTION = "eventfold_projection";
    public static final String QUERY = "eventfold_query";

    private static final String SCRIPT = "/db/eventfold-roles.sql";

    private ServiceRoles() {
    }

    /** Roles are the server's, not the database's: two databases prepared at once would both create them. */
    public static synchronized void prepare(String jdbcUrl) {
        try (var connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "");
             var statement = connection.createStatement()) {
            statement.execute(script());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the services' roles in " + jdbcUrl, e);
        }
    }

    private static String script() {
        try (var in = ServiceRoles.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
