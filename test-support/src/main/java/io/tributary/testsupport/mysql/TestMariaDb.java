package io.tributary.testsupport.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The MariaDB (or MySQL) server tests run against: the one named by the environment
 * ({@code TRIBUTARY_TEST_MYSQL_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}; defaults
 * 127.0.0.1, 3306, root, no password). Nothing is skipped: when no server answers, {@link #get()}
 * fails with what to start. Tests never share a database: {@link #createDatabase} makes a fresh one,
 * dropped by {@link Database#close()}; users they create go with {@link #createUser}/{@link #dropUser}.
 */
public final class TestMariaDb {

    private static TestMariaDb instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private TestMariaDb(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * The server for this JVM.
     *
     * @throws IllegalStateException when no server answers, saying where it looked
     */
    public static synchronized TestMariaDb get() {
        if (instance == null) {
            TestMariaDb server = new TestMariaDb(
                    env("TRIBUTARY_TEST_MYSQL_HOST", "127.0.0.1"),
                    Integer.parseInt(env("TRIBUTARY_TEST_MYSQL_PORT", "3306")),
                    env("TRIBUTARY_TEST_MYSQL_USER", "root"),
                    env("TRIBUTARY_TEST_MYSQL_PASSWORD", ""));
            try (Connection ignored = server.connect("")) {
                instance = server;
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "No MariaDB/MySQL server answers at " + server.host + ":" + server.port
                                + " as '" + server.user + "' (" + e.getMessage()
                                + "). The MySQL source's tests need one: start it "
                                + "(e.g. start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd) or point "
                                + "TRIBUTARY_TEST_MYSQL_HOST/_PORT/_USER/_PASSWORD at one",
                        e);
            }
        }
        return instance;
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

    /** A connection to {@code database} ({@code ""}: none) as the administrative user. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5000");
        props.setProperty("allowMultiQueries", "false");
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/" + database, props);
    }

    /** Runs statements as the administrative user, outside any database. */
    public void admin(String... sql) {
        try (Connection c = connect("");
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("admin SQL failed: " + e.getMessage(), e);
        }
    }

    /** Creates a new, empty database (utf8mb4) whose name starts with {@code prefix}. */
    public Database createDatabase(String prefix) {
        String name = (prefix + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        admin("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new Database(name);
    }

    /** Creates a user who logs in from anywhere with {@code password}; returns its name. */
    public String createUser(String prefix, String password) {
        String name =
                (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toLowerCase(Locale.ROOT);
        admin("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password.replace("'", "''") + "'");
        return name;
    }

    public void dropUser(String name) {
        admin("DROP USER IF EXISTS '" + name + "'@'%'");
    }

    /** A database created for one test class; dropped on close. */
    public final class Database implements AutoCloseable {

        private final String name;

        private Database(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public TestMariaDb server() {
            return TestMariaDb.this;
        }

        public Connection connect() throws SQLException {
            return TestMariaDb.this.connect(name);
        }

        /** Runs statements in this database, each in auto-commit. */
        public void execute(String... sql) {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.execute(statement);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("SQL failed in " + name + ": " + e.getMessage(), e);
            }
        }

        /** Runs a query and returns every row as an array of objects. */
        public List<Object[]> query(String sql) {
            try (Connection c = connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("Query failed in " + name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            admin("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }
}
