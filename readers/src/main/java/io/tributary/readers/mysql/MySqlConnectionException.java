package io.tributary.readers.mysql;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A connection to the MySQL or MariaDB server that failed, told apart by what the user must fix:
 * the address, the password, the database name, the privileges or TLS. The message is the one to
 * show; the driver's error is attached as suppressed (sync results report an error's root cause).
 */
final class MySqlConnectionException extends RuntimeException {

    /** What went wrong. */
    enum Kind {
        UNREACHABLE,
        AUTHENTICATION,
        UNKNOWN_DATABASE,
        PRIVILEGE,
        TLS,
        OTHER
    }

    /** MySQL's error codes, the same in MariaDB. */
    private static final int ACCESS_DENIED = 1045;

    private static final int DB_ACCESS_DENIED = 1044;
    private static final int BAD_DB = 1049;
    private static final int HOST_NOT_PRIVILEGED = 1130;

    private final Kind kind;

    private MySqlConnectionException(Kind kind, String message, SQLException cause) {
        super(message);
        this.kind = kind;
        if (cause != null) {
            addSuppressed(cause);
        }
    }

    Kind kind() {
        return kind;
    }

    /** The failure of connecting with {@code settings}, classified. */
    static MySqlConnectionException classify(SQLException e, MySqlSourceSettings settings) {
        String where = "MySQL at " + settings.address();
        String user = "'" + settings.username() + "'";
        String text = messages(e).toLowerCase(Locale.ROOT);
        int code = e.getErrorCode();
        if (code == ACCESS_DENIED) {
            return new MySqlConnectionException(
                    Kind.AUTHENTICATION,
                    where + ": the server refused user " + user
                            + " (wrong password, or no such user for this client host); check username and password",
                    e);
        }
        if (code == BAD_DB) {
            return new MySqlConnectionException(
                    Kind.UNKNOWN_DATABASE,
                    where + ": database '" + settings.database()
                            + "' does not exist; check database (names are case-sensitive on most servers)",
                    e);
        }
        if (code == DB_ACCESS_DENIED) {
            return new MySqlConnectionException(
                    Kind.PRIVILEGE,
                    where + ": user " + user + " may not use database '"
                            + settings.database() + "' (or it does not exist); run GRANT SELECT ON `"
                            + settings.database()
                            + "`.* TO " + user + "@'%'",
                    e);
        }
        if (code == HOST_NOT_PRIVILEGED) {
            return new MySqlConnectionException(
                    Kind.AUTHENTICATION,
                    where + ": the server does not let user " + user
                            + " connect from this host; create the user for this client's host (e.g. " + user + "@'%')",
                    e);
        }
        if (text.contains("ssl not enabled")
                || text.contains("ssl is required")
                || text.contains("sslhandshake")
                || text.contains("certificate")
                || text.contains("pkix")) {
            return new MySqlConnectionException(
                    Kind.TLS,
                    where + ": TLS failed (" + firstLine(e) + "); with ssl_mode "
                            + settings.sslMode().settingValue() + " the server must offer TLS"
                            + (settings.sslMode().verifiesCertificate()
                                    ? " with a certificate signed by ca_certificate"
                                    : "")
                            + ": enable TLS on the server, fix ca_certificate, or choose another ssl_mode",
                    e);
        }
        if (has(e, UnknownHostException.class) || text.contains("name or service not known")) {
            return new MySqlConnectionException(
                    Kind.UNREACHABLE, where + ": unknown host '" + settings.host() + "'; check host", e);
        }
        boolean timedOut = has(e, SocketTimeoutException.class);
        if (!timedOut
                && (has(e, ConnectException.class)
                        || has(e, NoRouteToHostException.class)
                        || text.contains("connection refused"))) {
            return new MySqlConnectionException(
                    Kind.UNREACHABLE,
                    where + " cannot be reached (" + firstLine(e)
                            + "); check host and port, and that the server listens on TCP",
                    e);
        }
        if (timedOut || text.contains("timed out") || text.contains("read timeout")) {
            return new MySqlConnectionException(
                    Kind.UNREACHABLE,
                    where + " cannot be reached: no answer within "
                            + settings.connectTimeoutSeconds()
                            + " s; check host and port, and that a firewall lets the "
                            + "connection through (or raise connect_timeout_seconds)",
                    e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return new MySqlConnectionException(
                    Kind.UNREACHABLE, where + " cannot be reached (" + firstLine(e) + "); check host and port", e);
        }
        return new MySqlConnectionException(Kind.OTHER, where + ": " + firstLine(e), e);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString();
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
