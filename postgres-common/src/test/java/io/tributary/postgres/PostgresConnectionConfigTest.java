package io.tributary.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresConnectionConfigTest {

    private static final ConfigSpec SPEC =
            ConfigSpec.of("test", PostgresConnectionConfig.fields().toArray(ConfigField[]::new));

    private static PostgresConnectionConfig config(Map<String, Object> extra) {
        Map<String, Object> raw = new HashMap<>(
                Map.of("host", "db.example.com", "database", "shop", "username", "etl", "password", "s3cret"));
        raw.putAll(extra);
        return PostgresConnectionConfig.from(SPEC.validate(raw, "sources.shop.config"));
    }

    @Test
    void buildsTheUrlAndPropertiesWithBoundedTimeouts() {
        PostgresConnectionConfig c =
                config(Map.of("jdbc_url_params", "tcpKeepAlive=false&options=-c%20statement_timeout%3D0"));
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/shop");
        Properties p = c.properties("test");
        assertThat(p)
                .containsEntry("user", "etl")
                .containsEntry("password", "s3cret")
                .containsEntry("sslmode", "prefer")
                .containsEntry("connectTimeout", "10")
                .containsEntry("loginTimeout", "10")
                .containsEntry("tcpKeepAlive", "false")
                .containsEntry("options", "-c statement_timeout=0");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(config(Map.of()).toString()).doesNotContain("s3cret").contains("etl@db.example.com:5432/shop");
    }

    @Test
    void writesAnInlineCaCertificateToAPrivateFile() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        Properties p =
                config(Map.of("ssl_mode", "verify-full", "ssl_root_cert", pem)).properties("test");
        assertThat(p.getProperty("sslmode")).isEqualTo("verify-full");
        assertThat(Files.readString(Path.of(p.getProperty("sslrootcert")))).isEqualTo(pem.trim());
    }

    @Test
    void listsEveryContradictionAtOnce() {
        assertThatThrownBy(() -> config(Map.of("ssl_mode", "verify-ca", "jdbc_url_params", "user=other&broken")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("verify-ca checks the server certificate, so it needs ssl_root_cert")
                .hasMessageContaining("'user' has its own field")
                .hasMessageContaining("'broken' is not key=value");
        assertThatThrownBy(() -> config(Map.of("ssl_root_cert", "/no/such/ca.pem")))
                .hasMessageContaining("ssl_root_cert: no readable file at '/no/such/ca.pem'");
    }
}
