package io.tributary.readers.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens connections to the MySQL or MariaDB server with MariaDB Connector/J, the same way for
 * check, discover and reads: bounded connect and login time, TLS as {@code ssl_mode} says, and a
 * session in which values print the way the readers parse them.
 */
final class MySqlSession {

    private MySqlSession() {}

    /**
     * A connection in auto-commit whose session is set for reading.
     *
     * @throws MySqlConnectionException when the server cannot be reached or refuses the login, classified
     */
    static Connection open(MySqlSourceSettings settings) {
        try {
            return prepare(connect(settings, settings.sslMode().driverMode()));
        } catch (SQLException e) {
            if (settings.sslMode() == MySqlSslMode.PREFERRED && tlsUnavailable(e)) {
                // Connector/J has no "TLS if offered": the server said it has none, so connect without it
                try {
                    return prepare(connect(settings, "disable"));
                } catch (SQLException plain) {
                    throw MySqlConnectionException.classify(plain, settings);
                }
            }
            throw MySqlConnectionException.classify(e, settings);
        }
    }

    private static boolean tlsUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("ssl not enabled")
                    || m.contains("ssl is not enabled")
                    || m.contains("doesn't support ssl")) {
                return true;
            }
        }
        return false;
    }

    private static Connection connect(MySqlSourceSettings settings, String sslMode) throws SQLException {
        Properties p = new Properties();
        p.putAll(settings.jdbcParams());
        p.setProperty("user", settings.username());
        if (settings.password() != null) {
            p.setProperty("password", settings.password());
        }
        p.setProperty("sslMode", sslMode);
        if (settings.caCertificate() != null) {
            p.setProperty("serverSslCert", settings.caCertificate());
        }
        String timeoutMillis = String.valueOf(settings.connectTimeoutSeconds() * 1000L);
        p.setProperty("connectTimeout", timeoutMillis);
        // The socket timeout also bounds the handshake of a server that accepts TCP but never answers;
        // it is lifted once logged in, since a streamed read may wait long on the destination.
        p.setProperty("socketTimeout", timeoutMillis);
        // text protocol: every value arrives as the server prints it, which the readers parse exactly
        p.setProperty("useServerPrepStmts", "false");
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), p);
        try {
            c.setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static Connection prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // TIMESTAMP values print in UTC; net_write_timeout: the server drops a streaming client that
            // reads nothing for that long (60 s by default), which a slow destination chunk can reach.
            s.execute(
                    "SET SESSION time_zone = '+00:00', SESSION net_write_timeout = 3600, SESSION net_read_timeout = 3600");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
