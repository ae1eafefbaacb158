package io.tributary.postgres;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * A PostgreSQL connection that could not be opened or used, with a {@link Kind} and a message that
 * names the server and says what to change. The message never contains the password.
 */
public class PostgresConnectionException extends RuntimeException {

    /** What went wrong, so callers (check, tests) can tell the cases apart without parsing messages. */
    public enum Kind {
        /** Host unknown, connection refused, or no answer within the connect timeout. */
        UNREACHABLE,
        /** Wrong password, unknown role, or no pg_hba.conf entry for this client. */
        AUTHENTICATION,
        /** The database does not exist on the server. */
        MISSING_DATABASE,
        /** TLS could not be negotiated or the server certificate was not trusted. */
        SSL,
        /** Connected, but the user lacks a privilege it needs. */
        PRIVILEGE,
        /** Anything else the server or driver reported. */
        OTHER
    }

    private final Kind kind;

    /**
     * @param cause the driver's error; kept as a suppressed exception rather than the cause, so that
     *     code reporting an error's root cause (as sync results do) shows this message
     */
    public PostgresConnectionException(Kind kind, String message, Throwable cause) {
        super(message);
        this.kind = kind;
        if (cause != null) {
            addSuppressed(cause);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Turns a driver error raised while connecting to {@code config} into a classified exception. */
    public static PostgresConnectionException classify(SQLException e, PostgresConnectionConfig config) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "PostgreSQL at " + config.address();
        String server = e.getMessage() == null ? e.toString() : e.getMessage();
        Throwable root = rootCause(e);
        if (state.equals("28P01")) {
            return new PostgresConnectionException(
                    Kind.AUTHENTICATION,
                    where + ": password authentication failed for user '" + config.username()
                            + "'; check the username and password",
                    e);
        }
        if (state.equals("28000")) {
            return new PostgresConnectionException(
                    Kind.AUTHENTICATION,
                    where + ": the server refused user '"
                            + config.username() + "' (" + server
                            + "); check the username, and that pg_hba.conf lets this "
                            + "client connect",
                    e);
        }
        if (state.equals("3D000")) {
            return new PostgresConnectionException(
                    Kind.MISSING_DATABASE,
                    where + ": database '" + config.database()
                            + "' does not exist; check the database name (or create it)",
                    e);
        }
        if (state.equals("42501")) {
            return new PostgresConnectionException(
                    Kind.PRIVILEGE, where + ": user '" + config.username() + "' lacks a privilege: " + server, e);
        }
        if (server.contains("hostname") && server.contains("could not be verified")) {
            return new PostgresConnectionException(
                    Kind.SSL,
                    where + ": TLS failed with ssl_mode " + config.sslMode().wireName()
                            + ": the server's certificate does not name host '" + config.host()
                            + "'; connect with a host name the "
                            + "certificate lists, or use ssl_mode verify-ca (which checks the CA only); check ssl_root_cert too",
                    e);
        }
        if (root instanceof SSLException || root instanceof CertificateException || server.contains("SSL")) {
            return new PostgresConnectionException(
                    Kind.SSL,
                    where + ": TLS failed with ssl_mode "
                            + config.sslMode().wireName() + " (" + server + (root != e ? "; " + root.getMessage() : "")
                            + "); check ssl_mode and ssl_root_cert, or use ssl_mode prefer/disable when the server has no TLS",
                    e);
        }
        if (root instanceof UnknownHostException) {
            return new PostgresConnectionException(
                    Kind.UNREACHABLE,
                    where + ": host '" + config.host() + "' is not known (DNS lookup failed); check host",
                    e);
        }
        if (root instanceof ConnectException
                || root instanceof NoRouteToHostException
                || root instanceof SocketTimeoutException
                || state.startsWith("08")) {
            return new PostgresConnectionException(
                    Kind.UNREACHABLE,
                    where + " cannot be reached ("
                            + (root != e && root.getMessage() != null ? root.getMessage() : server) + ") within "
                            + config.connectTimeoutSeconds() + " s; check host and port, that the server runs and "
                            + "accepts TCP connections (listen_addresses), and any firewall in between",
                    e);
        }
        return new PostgresConnectionException(
                Kind.OTHER, where + ": " + server + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
