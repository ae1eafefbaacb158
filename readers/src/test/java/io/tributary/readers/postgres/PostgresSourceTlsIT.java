package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.source.CheckResult;
import io.tributary.postgres.PostgresConnectionException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each ssl_mode against a server with TLS whose certificate names localhost and is signed by a private CA. */
class PostgresSourceTlsIT {

    private static PasswordProtectedPostgres server;

    @BeforeAll
    static void startServerWithTls() {
        server = PasswordProtectedPostgres.start(true);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Map<String, Object> settings(String host, String sslMode) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("host", host);
        raw.put("port", server.port());
        raw.put("database", "postgres");
        raw.put("username", PasswordProtectedPostgres.USER);
        raw.put("password", PasswordProtectedPostgres.PASSWORD);
        raw.put("ssl_mode", sslMode);
        return raw;
    }

    private static boolean encrypted(Map<String, Object> raw) throws Exception {
        PostgresSourceConfig config = PostgresSourceConfig.from(PostgresSourceFixture.config(raw));
        try (Connection c = PostgresSession.open(config.connection());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void disableConnectsInPlainTextAndRequireEncrypts() throws Exception {
        assertThat(encrypted(settings("127.0.0.1", "disable"))).isFalse();
        assertThat(encrypted(settings("127.0.0.1", "prefer"))).isTrue();
        assertThat(encrypted(settings("127.0.0.1", "require"))).isTrue();
    }

    @Test
    void verifyFullAcceptsTheServerWhoseCertificateTheCaSignedForThatHost() throws Exception {
        Map<String, Object> raw = settings("localhost", "verify-full");
        raw.put("ssl_root_cert", server.caCertificate());
        CheckResult result = PostgresSourceFixture.SOURCE.check(PostgresSourceFixture.config(raw));
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(encrypted(raw)).isTrue();
    }

    @Test
    void verifyFullRejectsAHostNameTheCertificateDoesNotNameButVerifyCaAcceptsIt() throws Exception {
        Map<String, Object> raw = settings("127.0.0.1", "verify-full");
        raw.put("ssl_root_cert", server.caCertificate());
        CheckResult result = PostgresSourceFixture.SOURCE.check(PostgresSourceFixture.config(raw));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("TLS failed with ssl_mode verify-full")
                .contains("ssl_root_cert");

        raw.put("ssl_mode", "verify-ca");
        assertThat(encrypted(raw)).isTrue();
    }

    @Test
    void verifyCaRejectsACertificateFromAnotherCa() {
        try (PasswordProtectedPostgres other = PasswordProtectedPostgres.start(true)) {
            Map<String, Object> raw = settings("localhost", "verify-ca");
            raw.put("ssl_root_cert", other.caCertificate());
            PostgresSourceConfig config = PostgresSourceConfig.from(PostgresSourceFixture.config(raw));
            try {
                PostgresSession.open(config.connection()).close();
                throw new AssertionError("a certificate from another CA was accepted");
            } catch (PostgresConnectionException e) {
                assertThat(e.kind()).isEqualTo(PostgresConnectionException.Kind.SSL);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
    }
}
