package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.source.CheckResult;
import io.tributary.postgres.PostgresConnectionException;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/** check tells each way a connection can fail apart, with a message that says what to fix. */
class PostgresSourceCheckIT {

    private static TestDatabase db;
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String NO_USAGE = "no_usage_" + SUFFIX;
    private static final String NO_SELECT = "no_select_" + SUFFIX;
    private static final String READ_ONLY = "read_only_" + SUFFIX;

    @BeforeAll
    static void createDatabaseAndRoles() {
        db = TestPostgres.get().createDatabase("pg_check");
        db.execute(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.orders (id int PRIMARY KEY)",
                "CREATE TABLE shop.customers (id int PRIMARY KEY)",
                "CREATE ROLE " + NO_USAGE + " LOGIN",
                "CREATE ROLE " + NO_SELECT + " LOGIN",
                "GRANT USAGE ON SCHEMA shop TO " + NO_SELECT,
                "INSERT INTO shop.orders SELECT generate_series(1, 10)",
                "CREATE ROLE " + READ_ONLY + " LOGIN",
                "ALTER ROLE " + READ_ONLY + " SET default_transaction_read_only = on",
                "GRANT USAGE ON SCHEMA shop TO " + READ_ONLY,
                "GRANT SELECT ON ALL TABLES IN SCHEMA shop TO " + READ_ONLY);
    }

    @AfterAll
    static void dropDatabaseAndRoles() {
        db.close();
        db.server()
                .admin(
                        "DROP ROLE IF EXISTS " + NO_USAGE,
                        "DROP ROLE IF EXISTS " + NO_SELECT,
                        "DROP ROLE IF EXISTS " + READ_ONLY);
    }

    private static Map<String, Object> settings() {
        Map<String, Object> raw = PostgresSourceFixture.settings(db);
        raw.put("schemas", "shop");
        return raw;
    }

    private static CheckResult check(Map<String, Object> raw) {
        return PostgresSourceFixture.SOURCE.check(PostgresSourceFixture.config(raw));
    }

    @Test
    void succeedsAndCountsTheReadableStreams() {
        CheckResult result = check(settings());
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).contains("2 readable tables and views in [shop]");
    }

    @Test
    void aReadOnlyUserIsEnoughForFullRefreshAndIncremental() throws Exception {
        Map<String, Object> raw = settings();
        raw.put("username", READ_ONLY);
        var config = PostgresSourceFixture.config(raw);
        assertThat(PostgresSourceFixture.SOURCE.check(config).succeeded()).isTrue();
        var orders = PostgresSourceFixture.discovered(config, "orders");
        assertThat(PostgresSourceFixture.readAll(
                        PostgresSourceFixture.SOURCE.reader(
                                config, PostgresSourceFixture.fullRefresh(orders), Map.of()),
                        new ExecutionContext()))
                .hasSize(10);
        assertThat(PostgresSourceFixture.sync(
                        config, PostgresSourceFixture.incremental(orders, "id"), new java.util.HashMap<>()))
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
        assertThat(result.message()).contains("host 'no-such-host.invalid' is not known");
    }

    @Test
    void reportsAWrongPasswordOnAServerThatAsksForOne() {
        try (PasswordProtectedPostgres secured = PasswordProtectedPostgres.start()) {
            Map<String, Object> raw = settings();
            raw.put("port", secured.port());
            raw.put("database", "postgres");
            raw.put("schemas", "public");
            raw.put("username", PasswordProtectedPostgres.USER);
            raw.put("password", "wrong-password");
            CheckResult wrong = check(raw);
            assertThat(wrong.succeeded()).isFalse();
            assertThat(wrong.message())
                    .contains("password authentication failed for user 'secured'")
                    .doesNotContain("wrong-password");

            raw.put("password", PasswordProtectedPostgres.PASSWORD);
            CheckResult right = check(raw);
            assertThat(right.succeeded()).as(right.message()).isTrue();
        }
    }

    @Test
    void reportsAMissingDatabase() {
        Map<String, Object> raw = settings();
        raw.put("database", "no_such_database_" + SUFFIX);
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("database 'no_such_database_" + SUFFIX + "' does not exist");
    }

    @Test
    void reportsAMissingSchema() {
        Map<String, Object> raw = settings();
        raw.put("schemas", "shop,Shop");
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("schema 'Shop' does not exist").contains("case-sensitive");
    }

    @Test
    void reportsAUserWithoutUsageOnTheSchema() {
        Map<String, Object> raw = settings();
        raw.put("username", NO_USAGE);
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("lacks USAGE on schema 'shop'")
                .contains("GRANT USAGE ON SCHEMA \"shop\"");
    }

    @Test
    void reportsAUserWhoMayReadNoTable() {
        Map<String, Object> raw = settings();
        raw.put("username", NO_SELECT);
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("may not read any of the 2 tables")
                .contains("GRANT SELECT ON ALL TABLES");
    }

    @Test
    void reportsTlsRequiredFromAServerWithoutIt() {
        Map<String, Object> raw = settings();
        raw.put("ssl_mode", "require");
        CheckResult result = check(raw);
        boolean serverHasTls = "on".equals(db.queryValue("SHOW ssl"));
        assertThat(result.succeeded()).as(result.message()).isEqualTo(serverHasTls);
        if (!serverHasTls) {
            assertThat(result.message()).contains("TLS failed with ssl_mode require");
        }
    }

    @Test
    void rejectsCertificateVerificationWithoutARootCertificate() {
        Map<String, Object> raw = settings();
        raw.put("ssl_mode", "verify-full");
        CheckResult result = check(raw);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("ssl_mode: verify-full").contains("needs ssl_root_cert");
    }

    @Test
    void rejectsMalformedJdbcParameters() {
        Map<String, Object> raw = settings();
        raw.put("jdbc_url_params", "tcpKeepAlive=true&oops&password=x");
        assertThatThrownBy(() -> PostgresConnectionConfigs.from(raw))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'oops' is not key=value")
                .hasMessageContaining("'password' has its own field");
    }

    @Test
    void failsToReadAMissingTableNamingItAndTheFix() {
        var stream = PostgresSourceFixture.discovered(PostgresSourceFixture.config(settings()), "orders");
        db.execute("ALTER TABLE shop.orders RENAME TO orders_old");
        try {
            var reader = PostgresSourceFixture.SOURCE.reader(
                    PostgresSourceFixture.config(settings()), PostgresSourceFixture.fullRefresh(stream), Map.of());
            assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                    .isInstanceOf(ItemStreamException.class)
                    .hasMessageContaining("shop.orders does not exist")
                    .hasMessageContaining("re-run discover");
        } finally {
            db.execute("ALTER TABLE shop.orders_old RENAME TO orders");
        }
    }

    @Test
    void classifiesConnectionFailuresForCallers() {
        Map<String, Object> raw = settings();
        raw.put("database", "no_such_database_" + SUFFIX);
        assertThatThrownBy(() -> PostgresSession.open(PostgresConnectionConfigs.from(raw)))
                .isInstanceOfSatisfying(
                        PostgresConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(PostgresConnectionException.Kind.MISSING_DATABASE));
    }

    /** The shared connection settings of a raw source configuration. */
    private static final class PostgresConnectionConfigs {
        static io.tributary.postgres.PostgresConnectionConfig from(Map<String, Object> raw) {
            return PostgresSourceConfig.from(PostgresSourceFixture.config(raw)).connection();
        }
    }
}
