package io.tributary.readers.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.source.CheckResult;
import io.tributary.testsupport.mysql.TestMariaDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.JsonNode;

/** check tells each way a connection can fail apart, with a message that says what to fix; spec documents every field. */
class MySqlSourceCheckIT {

    private static final String PASSWORD = "s3cret-Pw";
    private static TestMariaDb.Database db;
    private static String reader;
    private static String noGrants;
    private static String insertOnly;

    @BeforeAll
    static void createDatabaseAndUsers() {
        TestMariaDb server = TestMariaDb.get();
        db = server.createDatabase("my_check");
        db.execute(
                "CREATE TABLE orders (id int PRIMARY KEY)",
                "CREATE TABLE customers (id int PRIMARY KEY)",
                "CREATE VIEW big_orders AS SELECT id FROM orders WHERE id > 5",
                "INSERT INTO orders SELECT seq FROM seq_1_to_10");
        reader = server.createUser("my_reader", PASSWORD);
        noGrants = server.createUser("my_nogrant", PASSWORD);
        insertOnly = server.createUser("my_insert", PASSWORD);
        server.admin(
                "GRANT SELECT ON `" + db.name() + "`.* TO '" + reader + "'@'%'",
                "GRANT INSERT ON `" + db.name() + "`.* TO '" + insertOnly + "'@'%'");
    }

    @AfterAll
    static void dropDatabaseAndUsers() {
        db.close();
        TestMariaDb server = TestMariaDb.get();
        server.dropUser(reader);
        server.dropUser(noGrants);
        server.dropUser(insertOnly);
    }

    private static Map<String, Object> settings() {
        return MySqlSourceFixture.settings(db);
    }

    private static Map<String, Object> as(String user, String password) {
        Map<String, Object> raw = settings();
        raw.put("username", user);
        raw.put("password", password);
        return raw;
    }

    private static CheckResult check(Map<String, Object> raw) {
        return MySqlSourceFixture.SOURCE.check(MySqlSourceFixture.config(raw));
    }

    @Test
    void succeedsAndCountsTheReadableTablesAndViews() {
        CheckResult result = check(settings());
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).contains("MariaDB").contains("3 readable tables and views in '" + db.name() + "'");
    }

    @Test
    void aUserWithSelectOnTheDatabaseIsEnoughForFullRefreshAndIncremental() throws Exception {
        var config = MySqlSourceFixture.config(as(reader, PASSWORD));
        CheckResult result = MySqlSourceFixture.SOURCE.check(config);
        assertThat(result.succeeded()).as(result.message()).isTrue();
        var orders = MySqlSourceFixture.discovered(config, "orders");
        assertThat(MySqlSourceFixture.readAll(
                        MySqlSourceFixture.SOURCE.reader(config, MySqlSourceFixture.fullRefresh(orders), Map.of()),
                        new ExecutionContext()))
                .hasSize(10);
        assertThat(MySqlSourceFixture.sync(
                        config, MySqlSourceFixture.incremental(orders, "id"), MySqlSourceFixture.newState()))
                .hasSize(10);
    }

    @Test
    void reportsAClosedPortAsUnreachableAtOnce() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> raw = settings();
        raw.put("port", port);
        long start = System.nanoTime();
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("cannot be reached").contains("check host and port");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void givesUpOnAHostThatNeverAnswersWithinTheConnectTimeout() throws IOException {
        // accepts TCP connections (the kernel's backlog) but never speaks the protocol
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Object> raw = settings();
            raw.put("port", silent.getLocalPort());
            raw.put("connect_timeout_seconds", 2);
            long start = System.nanoTime();
            CheckResult result = check(raw);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.succeeded()).isFalse();
            assertThat(result.message()).contains("cannot be reached").contains("within 2 s");
            assertThat(millis).as("bounded by connect_timeout_seconds").isBetween(1_500L, 8_000L);
        }
    }

    @Test
    void reportsAnUnknownHost() {
        Map<String, Object> raw = settings();
        raw.put("host", "no-such-host.invalid");
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("unknown host 'no-such-host.invalid'")
                .contains("check host");
    }

    @Test
    void reportsAWrongPassword() {
        CheckResult result = check(as(reader, "Bad-Pa55"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("refused user '" + reader + "'")
                .contains("check username and password")
                .doesNotContain("Bad-Pa55");
    }

    @Test
    void reportsAnUnknownDatabase() {
        Map<String, Object> raw = settings();
        raw.put("database", "no_such_db_here");
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("database 'no_such_db_here' does not exist")
                .contains("check database");
    }

    @Test
    void reportsAUserWithoutAccessToTheDatabaseWithTheGrantToRun() {
        CheckResult result = check(as(noGrants, PASSWORD));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("may not use database '" + db.name() + "'")
                .contains("GRANT SELECT ON `" + db.name() + "`.* TO '" + noGrants + "'@'%'");
    }

    @Test
    void reportsAUserWhoMayReadNoTableWithTheGrantToRun() {
        CheckResult result = check(as(insertOnly, PASSWORD));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("may not read any of the 3 tables and views")
                .contains("GRANT SELECT ON `" + db.name() + "`.* TO '" + insertOnly + "'@'%'");
    }

    @Test
    void listsTablesTheUserMayNotReadAndLeavesThemOutOfDiscover() {
        String partial = TestMariaDb.get().createUser("my_partial", PASSWORD);
        try {
            TestMariaDb.get()
                    .admin(
                            "GRANT SELECT ON `" + db.name() + "`.orders TO '" + partial + "'@'%'",
                            "GRANT INSERT ON `" + db.name() + "`.customers TO '" + partial + "'@'%'");
            var config = MySqlSourceFixture.config(as(partial, PASSWORD));
            CheckResult result = MySqlSourceFixture.SOURCE.check(config);
            assertThat(result.succeeded()).as(result.message()).isTrue();
            assertThat(result.message())
                    .contains("1 readable tables and views")
                    .contains("not readable")
                    .contains("customers");
            assertThat(MySqlSourceFixture.SOURCE.discover(config).streams())
                    .extracting(s -> s.name())
                    .containsExactly("orders");
        } finally {
            TestMariaDb.get().dropUser(partial);
        }
    }

    @Test
    void requiredTlsAgainstAServerWithoutTlsSaysSo() {
        Map<String, Object> raw = settings();
        raw.put("ssl_mode", "required");
        CheckResult result = check(raw);
        boolean serverHasTls =
                "YES".equals(String.valueOf(db.query("SELECT @@have_ssl").get(0)[0]));
        if (serverHasTls) {
            assertThat(result.succeeded()).as(result.message()).isTrue();
        } else {
            assertThat(result.succeeded()).isFalse();
            assertThat(result.message()).contains("TLS").contains("ssl_mode required");
        }
        raw.put("ssl_mode", "preferred");
        assertThat(check(raw).succeeded()).as("preferred falls back to no TLS").isTrue();
    }

    @Test
    void cdcIsRefusedAsNotYetSupportedInEverySpelling() {
        for (Object method : new Object[] {"CDC", "cdc", Map.of("method", "CDC")}) {
            Map<String, Object> raw = settings();
            raw.put("replication_method", method);
            CheckResult result = check(raw);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.message())
                    .contains("CDC")
                    .contains("not yet supported")
                    .contains("use STANDARD");
        }
        for (Object method : new Object[] {"STANDARD", "standard", Map.of("method", "STANDARD")}) {
            Map<String, Object> raw = settings();
            raw.put("replication_method", method);
            assertThat(check(raw).succeeded()).as(String.valueOf(method)).isTrue();
        }
    }

    @Test
    void rejectsBadSettingsNamingTheField() {
        Map<String, Object> raw = settings();
        raw.put("replication_method", "binlog");
        assertThat(check(raw).message()).contains("replication_method: 'binlog' is not a replication method");
        Map<String, Object> verify = settings();
        verify.put("ssl_mode", "verify_ca");
        assertThat(check(verify).message())
                .contains("ssl_mode: verify_ca checks the server certificate, so it needs ca_certificate");
        Map<String, Object> params = settings();
        params.put("jdbc_url_params", "password=x");
        assertThat(check(params).message()).contains("jdbc_url_params: 'password' has its own field");
        Map<String, Object> mode = settings();
        mode.put("ssl_mode", "prefer");
        assertThat(check(mode).message())
                .contains("ssl_mode: 'prefer' is not an SSL mode")
                .contains("[preferred, required, verify_ca, verify_identity]");
        Map<String, Object> tunnel = settings();
        tunnel.put("tunnel_method", Map.of("tunnel_method", "SSH_KEY_AUTH"));
        assertThat(check(tunnel).message()).contains("tunnel_method: 'SSH_KEY_AUTH' is not supported");
        Map<String, Object> unknown = settings();
        unknown.put("sslmode", "required");
        assertThatThrownBy(() -> MySqlSourceFixture.config(unknown))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources.test.config.sslmode: unknown field");
    }

    @Test
    void acceptsAnAirbyteMySqlConfigurationAsItIs() {
        Map<String, Object> raw = settings();
        raw.put("ssl_mode", Map.of("mode", "preferred"));
        raw.put("replication_method", Map.of("method", "STANDARD"));
        raw.put("tunnel_method", Map.of("tunnel_method", "NO_TUNNEL"));
        raw.put("jdbc_url_params", "");
        CheckResult result = check(raw);
        assertThat(result.succeeded()).as(result.message()).isTrue();
    }

    @Test
    void specDocumentsEveryFieldAndHidesThePassword() {
        JsonNode spec = MySqlSourceFixture.SOURCE.spec().toJsonSchema();
        for (ConfigField<?> field : MySqlSourceFixture.SOURCE.spec().fields()) {
            assertThat(spec.get("properties")
                            .get(field.name())
                            .get("description")
                            .asString())
                    .as(field.name())
                    .isNotBlank();
        }
        assertThat(spec.get("properties").propertyNames())
                .contains(
                        "host",
                        "port",
                        "database",
                        "username",
                        "password",
                        "ssl_mode",
                        "ca_certificate",
                        "jdbc_url_params",
                        "replication_method",
                        "tunnel_method");
        assertThat(spec.get("properties").get("password").get("airbyte_secret").asBoolean())
                .isTrue();
        assertThat(spec.get("properties").get("port").get("default").asInt()).isEqualTo(3306);
    }
}
