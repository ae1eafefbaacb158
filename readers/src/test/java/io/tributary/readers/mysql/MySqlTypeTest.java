package io.tributary.readers.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of the MySQL source that need no server: type parsing, key seeks and settings. */
class MySqlTypeTest {

    @Test
    void readsEnumLabelsWithQuotesCommasAndParentheses() {
        assertThat(MySqlType.labels("enum('a,b','it''s','c)','')")).containsExactly("a,b", "it's", "c)", "");
    }

    @Test
    void mapsColumnTypesToKinds() {
        assertThat(MySqlType.of("tinyint", "tinyint(1)", 3L, 0L, false).kind()).isEqualTo(MySqlTypeKind.BOOLEAN);
        assertThat(MySqlType.of("tinyint", "tinyint(1) unsigned", 3L, 0L, false).kind())
                .isEqualTo(MySqlTypeKind.INTEGER);
        assertThat(MySqlType.of("tinyint", "tinyint(4)", 3L, 0L, false).kind()).isEqualTo(MySqlTypeKind.INTEGER);
        assertThat(MySqlType.of("bigint", "bigint(20) unsigned", 20L, 0L, false).kind())
                .isEqualTo(MySqlTypeKind.UNSIGNED_BIGINT);
        assertThat(MySqlType.of("bit", "bit(1)", 1L, null, false).kind()).isEqualTo(MySqlTypeKind.BOOLEAN);
        assertThat(MySqlType.of("bit", "bit(7)", 7L, null, false).kind()).isEqualTo(MySqlTypeKind.BIT);
        assertThat(MySqlType.of("longtext", "longtext", null, null, true).kind())
                .as("MariaDB's json")
                .isEqualTo(MySqlTypeKind.JSON);
        assertThat(MySqlType.of("json", "json", null, null, false).kind())
                .as("MySQL's json")
                .isEqualTo(MySqlTypeKind.JSON);
        assertThat(MySqlType.of("geomcollection", "geomcollection", null, null, false)
                        .kind())
                .isEqualTo(MySqlTypeKind.SPATIAL);
        assertThat(MySqlType.of("uuid", "uuid", null, null, false).kind()).isEqualTo(MySqlTypeKind.STRING);
    }

    @Test
    void keepsUnsignedValuesAsLongWhereTheyFit() {
        assertThat(MySqlType.unsigned("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(MySqlType.unsigned("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(MySqlType.unsigned("0")).isEqualTo(0L);
    }

    @Test
    void writesACompositeKeySeekAsRangesOnTheLeadingColumns() {
        List<String> parameters = new ArrayList<>();
        String sql = MySqlScan.after(
                List.of("a", "b", "c"),
                List.of("?", "CAST(? AS SIGNED)", "UNHEX(?)"),
                List.of("x", "1", "ff"),
                parameters);
        assertThat(sql)
                .isEqualTo("((a > ?) OR (a = ? AND b > CAST(? AS SIGNED)) "
                        + "OR (a = ? AND b = CAST(? AS SIGNED) AND c > UNHEX(?)))");
        assertThat(parameters).containsExactly("x", "x", "1", "x", "1", "ff");
    }

    @Test
    void acceptsEverySpellingOfTheReplicationMethod() {
        for (Object method : new Object[] {"STANDARD", "standard", " Standard ", Map.of("method", "STANDARD")}) {
            assertThat(settings(Map.of("replication_method", method)).replicationMethod())
                    .isEqualTo(MySqlSourceSettings.ReplicationMethod.STANDARD);
        }
        for (Object method : new Object[] {"CDC", "cdc", Map.of("method", "CDC", "initial_waiting_seconds", 300)}) {
            assertThat(settings(Map.of("replication_method", method)).replicationMethod())
                    .isEqualTo(MySqlSourceSettings.ReplicationMethod.CDC);
        }
        assertThat(settings(Map.of()).replicationMethod()).isEqualTo(MySqlSourceSettings.ReplicationMethod.STANDARD);
    }

    @Test
    void acceptsAirbytesObjectFormOfTheSslModeWithItsCertificate() {
        MySqlSourceSettings s = settings(Map.of(
                "ssl_mode",
                Map.of(
                        "mode",
                        "verify_ca",
                        "ca_certificate",
                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")));
        assertThat(s.sslMode()).isEqualTo(MySqlSslMode.VERIFY_CA);
        assertThat(s.caCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(settings(Map.of("ssl_mode", "VERIFY_IDENTITY", "ca_certificate", "-----BEGIN CERTIFICATE-----"))
                        .sslMode())
                .isEqualTo(MySqlSslMode.VERIFY_IDENTITY);
        assertThatThrownBy(() -> settings(Map.of(
                        "ssl_mode",
                        Map.of(
                                "mode",
                                "verify_ca",
                                "ca_certificate",
                                "-----BEGIN x",
                                "client_certificate",
                                "-----BEGIN y",
                                "client_key",
                                "-----BEGIN z"))))
                .hasMessageContaining("client certificates (mutual TLS) are not supported yet");
        assertThat(settings(Map.of("tunnel_method", Map.of("tunnel_method", "NO_TUNNEL")))
                        .host())
                .isEqualTo("db.example.com");
    }

    @Test
    void buildsTheDriversUrlAndParameters() {
        MySqlSourceSettings s = settings(Map.of(
                "jdbc_url_params", "allowPublicKeyRetrieval=true&connectionCollation=utf8mb4_bin", "host", "::1"));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:mariadb://[::1]:3306/shop");
        assertThat(s.jdbcParams())
                .containsEntry("allowPublicKeyRetrieval", "true")
                .containsEntry("connectionCollation", "utf8mb4_bin");
        assertThat(s.sslMode()).isEqualTo(MySqlSslMode.PREFERRED);
    }

    @Test
    void rejectsSettingsThatContradictEachOtherNamingTheFix() {
        assertThatThrownBy(() -> settings(Map.of("ssl_mode", "verify_identity", "jdbc_url_params", "user=x&oops")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.getMessage())
                            .contains(
                                    "verify_identity checks the server certificate",
                                    "'user' has its own field",
                                    "'oops' is not key=value");
                });
    }

    private static MySqlSourceSettings settings(Map<String, Object> extra) {
        Map<String, Object> raw =
                new java.util.HashMap<>(Map.of("host", "db.example.com", "database", "shop", "username", "tributary"));
        raw.putAll(extra);
        return MySqlSourceSettings.from(MySqlSourceSettings.SPEC.validate(raw, "sources.shop.config"));
    }
}
