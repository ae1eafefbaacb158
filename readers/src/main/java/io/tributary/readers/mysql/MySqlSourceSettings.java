package io.tributary.readers.mysql;

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

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
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

    static final ConfigField<String> HOST = ConfigField.string("host").required()
            .describe("Host name or IP address of the MySQL or MariaDB server");
    static final ConfigField<Long> PORT = ConfigField.integer("port").defaultsTo(3306L).between(1, 65535)
            .describe("Port of the server");
    static final ConfigField<String> DATABASE = ConfigField.string("database").required()
            .describe("The database (schema) whose tables and views become streams; it is the streams' namespace");
    static final ConfigField<String> USERNAME = ConfigField.string("username").required()
            .describe("User to connect as; SELECT on the database's tables is enough for full refresh and incremental");
    static final ConfigField<String> PASSWORD = ConfigField.string("password").secret()
            .describe("Password of the user");
    static final ConfigField<MySqlSslMode> SSL_MODE = ConfigField.choice("ssl_mode", MySqlSslMode.class)
            .defaultsTo(MySqlSslMode.PREFERRED)
            .describe("preferred: TLS when the server offers it, else unencrypted; required: TLS only, certificate not "
                    + "checked; verify_ca: TLS with the server certificate checked against ca_certificate; "
                    + "verify_identity: as verify_ca and the certificate must name the host");
    static final ConfigField<String> CA_CERTIFICATE = ConfigField.string("ca_certificate")
            .describe("verify_ca / verify_identity: the CA certificate (PEM), as its text or a file path");
    static final ConfigField<String> JDBC_URL_PARAMS = ConfigField.string("jdbc_url_params")
            .describe("Extra MariaDB Connector/J properties as key=value pairs joined by '&', e.g. "
                    + "allowPublicKeyRetrieval=true&connectionCollation=utf8mb4_bin");
    static final ConfigField<String> REPLICATION_METHOD = ConfigField.string("replication_method").defaultsTo("STANDARD")
            .describe("STANDARD: full refresh and cursor-based incremental reads (SELECT only); CDC: changes from the "
                    + "binlog (not yet supported). Also accepted in lower case and as Airbyte's object form {method: CDC}");
    static final ConfigField<Long> CONNECT_TIMEOUT_SECONDS = ConfigField.integer("connect_timeout_seconds")
            .defaultsTo(10L).between(1, 600)
            .describe("How long to wait for the server to accept a connection and log in");

    /** The MySQL source's settings, each declared once above. */
    static final ConfigSpec SPEC = ConfigSpec.of("MySQL / MariaDB source", HOST, PORT, DATABASE, USERNAME, PASSWORD,
            SSL_MODE, CA_CERTIFICATE, JDBC_URL_PARAMS, REPLICATION_METHOD, CONNECT_TIMEOUT_SECONDS);

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
        MySqlSslMode ssl = SSL_MODE.get(config);
        String ca = CA_CERTIFICATE.optional(config).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (ssl.verifiesCertificate() && ca == null) {
            problems.add("ssl_mode: " + ssl.settingValue() + " checks the server certificate, so it needs ca_certificate "
                    + "(the CA certificate as PEM text or a file path); or use ssl_mode required");
        }
        if (ca != null && !ca.contains("-----BEGIN") && !Files.isReadable(Path.of(ca))) {
            problems.add("ca_certificate: no readable file at '" + ca + "'; give the PEM text or a file path");
        }
        Map<String, String> params = parseParams(JDBC_URL_PARAMS.optional(config).orElse(""), problems);
        ReplicationMethod method = replicationMethod(REPLICATION_METHOD.get(config), problems);
        String database = DATABASE.get(config).trim();
        if (database.isEmpty()) {
            problems.add("database: give the name of a database");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new MySqlSourceSettings(HOST.get(config).trim(), PORT.intValue(config), database, USERNAME.get(config),
                PASSWORD.optional(config).orElse(null), ssl, ca, params, method, CONNECT_TIMEOUT_SECONDS.intValue(config));
    }

    /**
     * {@code STANDARD} or {@code CDC} in any case, or Airbyte's object form {@code {method: CDC, ...}},
     * which the configuration holds as its JSON text.
     */
    private static ReplicationMethod replicationMethod(String value, List<String> problems) {
        String method = value.trim();
        if (method.startsWith("{")) {
            try {
                JsonNode object = JSON.readTree(method);
                method = object.path("method").asString("");
            } catch (JacksonException e) {
                method = "";
            }
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
                problems.add("jdbc_url_params: '" + key + "' has its own field (database, username, password, ssl_mode, "
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
