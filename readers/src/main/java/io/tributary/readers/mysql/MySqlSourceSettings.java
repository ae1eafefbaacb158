package io.tributary.readers.mysql;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MySQL source's settings, with the names of Airbyte's MySQL source so that existing settings
 * carry over, each declared once; converted and checked once.
 *
 * @param caCertificate the CA certificate (PEM text or a file path) for verify_ca and verify_identity, or {@code null}
 * @param jdbcParams extra Connector/J properties from {@code jdbc_url_params}
 */
record MySqlSourceSettings(
        String host,
        int port,
        String database,
        String username,
        String password,
        MySqlSslMode sslMode,
        String caCertificate,
        Map<String, String> jdbcParams,
        ReplicationMethod replicationMethod,
        int connectTimeoutSeconds) {

    /** How incremental streams are read. */
    enum ReplicationMethod {
        /** Cursor-based incremental reads and full refreshes with SELECT only. */
        STANDARD,
        /** Changes from the binlog. */
        CDC
    }

    static final ConfigField<String> HOST =
            ConfigField.string("host").required().describe("Host name or IP address of the MySQL or MariaDB server");
    static final ConfigField<Long> PORT =
            ConfigField.integer("port").defaultsTo(3306L).between(1, 65535).describe("Port of the server");
    static final ConfigField<String> DATABASE = ConfigField.string("database")
            .required()
            .describe("The database (schema) whose tables and views become streams; it is the streams' namespace");
    static final ConfigField<String> USERNAME = ConfigField.string("username")
            .required()
            .describe("User to connect as; SELECT on the database's tables is enough for full refresh and incremental");
    static final ConfigField<String> PASSWORD =
            ConfigField.string("password").secret().describe("Password of the user");
    /**
     * A string rather than a {@link ConfigField#choice}: Airbyte writes it as an object,
     * {@code {mode: verify_ca, ca_certificate: ...}}, which the configuration holds as JSON text.
     */
    static final ConfigField<String> SSL_MODE = ConfigField.string("ssl_mode")
            .defaultsTo("preferred")
            .describe("preferred: TLS when the server offers it, else unencrypted; required: TLS only, certificate not "
                    + "checked; verify_ca: TLS with the server certificate checked against ca_certificate; "
                    + "verify_identity: as verify_ca and the certificate must name the host. Airbyte's object form "
                    + "{mode: verify_ca, ca_certificate: ...} is accepted too");

    static final ConfigField<String> CA_CERTIFICATE = ConfigField.string("ca_certificate")
            .describe("verify_ca / verify_identity: the CA certificate (PEM), as its text or a file path");
    static final ConfigField<String> JDBC_URL_PARAMS = ConfigField.string("jdbc_url_params")
            .describe("Extra MariaDB Connector/J properties as key=value pairs joined by '&', e.g. "
                    + "allowPublicKeyRetrieval=true&connectionCollation=utf8mb4_bin");
    static final ConfigField<String> REPLICATION_METHOD = ConfigField.string("replication_method")
            .defaultsTo("STANDARD")
            .describe(
                    "STANDARD: full refresh and cursor-based incremental reads (SELECT only); CDC: changes from the "
                            + "binlog (not yet supported). Also accepted in lower case and as Airbyte's object form {method: CDC}");
    static final ConfigField<Map<String, Object>> TUNNEL_METHOD = ConfigField.object("tunnel_method")
            .describe("Airbyte's SSH tunnel setting, accepted so that its configurations carry over: only "
                    + "{tunnel_method: NO_TUNNEL}, a direct connection, is supported");
    static final ConfigField<Long> CONNECT_TIMEOUT_SECONDS = ConfigField.integer("connect_timeout_seconds")
            .defaultsTo(10L)
            .between(1, 600)
            .describe("How long to wait for the server to accept a connection and log in");

    /** The MySQL source's settings, each declared once above. */
    static final ConfigSpec SPEC = ConfigSpec.of(
            "MySQL / MariaDB source",
            HOST,
            PORT,
            DATABASE,
            USERNAME,
            PASSWORD,
            SSL_MODE,
            CA_CERTIFICATE,
            JDBC_URL_PARAMS,
            REPLICATION_METHOD,
            TUNNEL_METHOD,
            CONNECT_TIMEOUT_SECONDS);

    /** Properties a user may not set through {@code jdbc_url_params}: they have their own fields. */
    private static final Set<String> RESERVED = Set.of("user", "password", "sslmode", "serversslcert", "database");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    MySqlSourceSettings {
        jdbcParams = Map.copyOf(jdbcParams);
    }

    /**
     * The settings of a validated configuration.
     *
     * @throws ConfigException naming each field that is wrong and how to fix it
     */
    static MySqlSourceSettings from(ConnectorConfig config) {
        List<String> problems = new ArrayList<>();
        String ca = CA_CERTIFICATE
                .optional(config)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElse(null);
        String sslText = SSL_MODE.get(config).trim();
        JsonNode sslObject = sslText.startsWith("{") ? object(sslText) : null;
        if (sslObject != null) {
            String objectCa = sslObject.path("ca_certificate").asString("").trim();
            ca = objectCa.isEmpty() ? ca : objectCa;
            if (!sslObject.path("client_certificate").asString("").isBlank()
                    || !sslObject.path("client_key").asString("").isBlank()) {
                problems.add("ssl_mode.client_certificate: client certificates (mutual TLS) are not supported yet; "
                        + "remove client_certificate and client_key, and authenticate with username and password");
            }
        }
        MySqlSslMode ssl = sslMode(sslObject != null ? sslObject.path("mode").asString("") : sslText, problems);
        checkTunnel(TUNNEL_METHOD.get(config), problems);
        if (ssl.verifiesCertificate() && ca == null) {
            problems.add(
                    "ssl_mode: " + ssl.settingValue() + " checks the server certificate, so it needs ca_certificate "
                            + "(the CA certificate as PEM text or a file path); or use ssl_mode required");
        }
        if (ca != null && !ca.contains("-----BEGIN") && !Files.isReadable(Path.of(ca))) {
            problems.add("ca_certificate: no readable file at '" + ca + "'; give the PEM text or a file path");
        }
        Map<String, String> params =
                parseParams(JDBC_URL_PARAMS.optional(config).orElse(""), problems);
        ReplicationMethod method = replicationMethod(REPLICATION_METHOD.get(config), problems);
        String database = DATABASE.get(config).trim();
        if (database.isEmpty()) {
            problems.add("database: give the name of a database");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new MySqlSourceSettings(
                HOST.get(config).trim(),
                PORT.intValue(config),
                database,
                USERNAME.get(config),
                PASSWORD.optional(config).orElse(null),
                ssl,
                ca,
                params,
                method,
                CONNECT_TIMEOUT_SECONDS.intValue(config));
    }

    private static JsonNode object(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private static MySqlSslMode sslMode(String value, List<String> problems) {
        for (MySqlSslMode mode : MySqlSslMode.values()) {
            if (mode.settingValue().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        problems.add("ssl_mode: '" + value + "' is not an SSL mode; use one of [preferred, required, verify_ca, "
                + "verify_identity] (or Airbyte's object form {mode: verify_ca, ca_certificate: ...})");
        return MySqlSslMode.PREFERRED;
    }

    private static void checkTunnel(Map<String, Object> tunnel, List<String> problems) {
        Object method = tunnel.get("tunnel_method");
        if (!tunnel.isEmpty() && !"NO_TUNNEL".equalsIgnoreCase(String.valueOf(method))) {
            problems.add("tunnel_method: '" + method + "' is not supported; only NO_TUNNEL (a direct connection to the "
                    + "server): open the tunnel yourself (ssh -L 3306:db:3306 bastion) and point host and port at it");
        }
    }

    /**
     * {@code STANDARD} or {@code CDC} in any case, or Airbyte's object form {@code {method: CDC, ...}},
     * which the configuration holds as its JSON text.
     */
    private static ReplicationMethod replicationMethod(String value, List<String> problems) {
        String method = value.trim();
        if (method.startsWith("{")) {
            method = object(method).path("method").asString("");
        }
        for (ReplicationMethod m : ReplicationMethod.values()) {
            if (m.name().equalsIgnoreCase(method.trim())) {
                return m;
            }
        }
        problems.add("replication_method: '" + value + "' is not a replication method; use STANDARD or CDC "
                + "(or the object form {method: STANDARD})");
        return ReplicationMethod.STANDARD;
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
                problems.add(
                        "jdbc_url_params: '" + key + "' has its own field (database, username, password, ssl_mode, "
                                + "ca_certificate); set it there");
                continue;
            }
            params.put(key, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** {@code host:port/database}, for messages. */
    String address() {
        return host + ":" + port + "/" + database;
    }

    String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:mariadb://" + h + ":" + port + "/" + database;
    }
}
