package io.tributary.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server tests run against, found once per JVM: the server named by the
 * environment ({@code TRIBUTARY_TEST_PG_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD},
 * {@code _DATABASE}; defaults 127.0.0.1, 5432, postgres, no password, postgres) when it answers,
 * otherwise an embedded server (zonky) started with {@code wal_level=logical}.
 *
 * <p>Tests never share a database: {@link #createDatabase(String)} makes a fresh one.
 */
public final class TestPostgres {

    private static TestPostgres instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final boolean embedded;

    private TestPostgres(String host, int port, String user, String password, String adminDatabase, boolean embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.embedded = embedded;
    }

    /** The server for this JVM, started on first use when no external one answers. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static TestPostgres locate() {
        String host = env("TRIBUTARY_TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("TRIBUTARY_TEST_PG_PORT", "5432"));
        String user = env("TRIBUTARY_TEST_PG_USER", "postgres");
        String password = env("TRIBUTARY_TEST_PG_PASSWORD", "");
        String database = env("TRIBUTARY_TEST_PG_DATABASE", "postgres");
        TestPostgres external = new TestPostgres(host, port, user, password, database, false);
        if (!"true".equalsIgnoreCase(env("TRIBUTARY_TEST_PG_EMBEDDED", "false"))) {
            try (Connection ignored = external.connect(database)) {
                return external;
            } catch (SQLException e) {
                System.err.println("[test-support] no PostgreSQL at " + host + ":" + port + " (" + e.getMessage()
                        + "); starting an embedded one");
            }
        }
        return startEmbedded();
    }

    private static TestPostgres startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
            return new TestPostgres("127.0.0.1", pg.getPort(), "postgres", "", "postgres", true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Runs statements in the administrative database (e.g. to create roles). */
    public void admin(String... sql) {
        try (Connection c = connect(adminDatabase);
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("admin SQL failed: " + e.getMessage(), e);
        }
    }

    /** Creates a new, empty database whose name starts with {@code prefix}. */
    public TestDatabase createDatabase(String prefix) {
        String name = (prefix + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        admin("CREATE DATABASE " + name);
        return new TestDatabase(this, name);
    }
}
