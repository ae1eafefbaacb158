package io.tributary.postgres;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConnectorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How to reach one PostgreSQL database: the connection fields the PostgreSQL source and destination
 * share (declared once here), validated into an immutable value that opens JDBC connections with
 * bounded connect and login timeouts and turns connection failures into
 * {@link PostgresConnectionException}s that say what to fix.
 *
 * <p>Only {@code java.sql} is used, so this module needs no JDBC driver; the PostgreSQL driver
 * (pgjdbc) must be on the class path of whoever connects.
 *
 * @param sslRootCert path of the CA certificate file (PEM), or {@code null}
 * @param jdbcParams extra pgjdbc connection properties from {@code jdbc_url_params}
 */
public record PostgresConnectionConfig(
        String host,
        int port,
        String database,
        String username,
        String password,
        SslMode sslMode,
        String sslRootCert,
        Map<String, String> jdbcParams,
        int connectTimeoutSeconds) {

    /** The {@code ssl_mode} values, as libpq and pgjdbc spell them. */
    public enum SslMode implements ConfigField.Choice {
        DISABLE,
        PREFER,
        REQUIRE,
        VERIFY_CA,
        VERIFY_FULL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @Override
        public String settingValue() {
            return wireName();
        }
    }

    public static final ConfigField<String> HOST =
            ConfigField.string("host").required().describe("Host name or IP address of the PostgreSQL server");
    public static final ConfigField<Long> PORT =
            ConfigField.integer("port").defaultsTo(5432L).between(1, 65535).describe("Port of the PostgreSQL server");
    public static final ConfigField<String> DATABASE =
            ConfigField.string("database").required().describe("Name of the database");
    public static final ConfigField<String> USERNAME =
            ConfigField.string("username").required().describe("User to connect as");
    public static final ConfigField<String> PASSWORD =
            ConfigField.string("password").secret().describe("Password of the user");
    public static final ConfigField<SslMode> SSL_MODE = ConfigField.choice("ssl_mode", SslMode.class)
            .defaultsTo(SslMode.PREFER)
            .describe("disable: no TLS; prefer: TLS when the server offers it; require: TLS only; "
                    + "verify-ca / verify-full: TLS with the server certificate checked against ssl_root_cert "
                    + "(verify-full also checks the host name)");
    public static final ConfigField<String> SSL_ROOT_CERT = ConfigField.string("ssl_root_cert")
            .describe("CA certificate (PEM) for verify-ca and verify-full: a file path or the PEM text itself");
    public static final ConfigField<String> JDBC_URL_PARAMS = ConfigField.string("jdbc_url_params")
            .describe("Extra pgjdbc connection properties as key=value pairs joined by '&', "
                    + "e.g. options=-c%20statement_timeout=0&tcpKeepAlive=true");
    public static final ConfigField<Long> CONNECT_TIMEOUT_SECONDS = ConfigField.integer("connect_timeout_seconds")
            .defaultsTo(10L)
            .between(1, 600)
            .describe("How long to wait for the server to accept a connection and log in");

    /** Properties a user may not set through {@code jdbc_url_params}: they have their own fields. */
    private static final Set<String> RESERVED = Set.of("user", "password", "sslmode", "sslrootcert", "ssl");

    public PostgresConnectionConfig {
        jdbcParams = Map.copyOf(jdbcParams == null ? Map.of() : jdbcParams);
    }

    /** The connection fields, in the order a form shows them; a connector adds its own after these. */
    public static List<ConfigField<?>> fields() {
        return List.of(
                HOST,
                PORT,
                DATABASE,
                USERNAME,
                PASSWORD,
                SSL_MODE,
                SSL_ROOT_CERT,
                JDBC_URL_PARAMS,
                CONNECT_TIMEOUT_SECONDS);
    }

    /**
     * Reads the connection fields of a validated configuration.
     *
     * @throws ConfigException when fields contradict each other (e.g. verify-full without a CA certificate)
     */
    public static PostgresConnectionConfig from(ConnectorConfig config) {
        List<String> problems = new ArrayList<>();
        SslMode ssl = SSL_MODE.get(config);
        String rootCert = SSL_ROOT_CERT.optional(config).map(String::trim).orElse(null);
        if ((ssl == SslMode.VERIFY_CA || ssl == SslMode.VERIFY_FULL) && rootCert == null) {
            problems.add("ssl_mode: " + ssl.wireName() + " checks the server certificate, so it needs ssl_root_cert "
                    + "(the CA certificate as a PEM file path or text); or use ssl_mode require");
        }
        if (rootCert != null && !rootCert.contains("-----BEGIN") && !Files.isReadable(Path.of(rootCert))) {
            problems.add("ssl_root_cert: no readable file at '" + rootCert + "'; give a PEM file path or the PEM text");
        }
        Map<String, String> params =
                parseParams(JDBC_URL_PARAMS.optional(config).orElse(""), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new PostgresConnectionConfig(
                HOST.get(config).trim(),
                PORT.intValue(config),
                DATABASE.get(config),
                USERNAME.get(config),
                PASSWORD.optional(config).orElse(null),
                ssl,
                rootCert,
                params,
                CONNECT_TIMEOUT_SECONDS.intValue(config));
    }

    private static Map<String, String> parseParams(String text, List<String> problems) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                problems.add("jdbc_url_params: '" + pair + "' is not key=value; join pairs with '&'");
                continue;
            }
            String key = pair.substring(0, eq).trim();
            if (RESERVED.contains(key.toLowerCase(Locale.ROOT))) {
                problems.add("jdbc_url_params: '" + key + "' has its own field (username, password, ssl_mode, "
                        + "ssl_root_cert); set it there");
                continue;
            }
            params.put(key, java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** {@code host:port/database}, for messages. */
    public String address() {
        return host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /**
     * The pgjdbc properties: credentials, TLS, and timeouts. {@code loginTimeout} bounds the whole
     * connection set-up, so a host that accepts TCP but never answers does not hang a sync.
     */
    public Properties properties(String applicationName) {
        Properties p = new Properties();
        p.setProperty("user", username);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("sslmode", sslMode.wireName());
        if (sslRootCert != null) {
            p.setProperty("sslrootcert", rootCertFile());
        }
        p.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
        p.setProperty("loginTimeout", String.valueOf(connectTimeoutSeconds));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", applicationName);
        jdbcParams.forEach(p::setProperty);
        return p;
    }

    private String rootCertFile() {
        if (!sslRootCert.contains("-----BEGIN")) {
            return sslRootCert;
        }
        try {
            // pgjdbc reads the CA from a file; PEM text given inline is written to a private temporary file.
            Path file = Files.createTempFile(
                    "tributary-ca-",
                    ".pem",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, sslRootCert);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the ssl_root_cert PEM text to a temporary file", e);
        }
    }

    /**
     * Opens a connection.
     *
     * @throws PostgresConnectionException naming the cause (unreachable, authentication, missing database, TLS)
     */
    public Connection connect(String applicationName) {
        try {
            return DriverManager.getConnection(jdbcUrl(), properties(applicationName));
        } catch (SQLException e) {
            throw PostgresConnectionException.classify(e, this);
        }
    }

    @Override
    public String toString() {
        return "PostgresConnectionConfig[" + username + "@" + address() + ", ssl_mode=" + sslMode.wireName() + "]";
    }
}
