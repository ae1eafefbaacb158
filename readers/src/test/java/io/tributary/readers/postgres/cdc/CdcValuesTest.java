package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import io.tributary.readers.postgres.PostgresSource;
import io.tributary.readers.postgres.shared.CdcSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LSNs, saved positions and settings: their text forms, round trips and validation. */
class CdcValuesTest {

    @Test
    void lsnsReadAndPrintAsPostgresDoesAndCompareUnsigned() {
        Lsn lsn = Lsn.parse("16/B374D848");
        assertThat(lsn.value()).isEqualTo(0x16_B374_D848L);
        assertThat(lsn).hasToString("16/B374D848");
        assertThat(Lsn.parse("0/0")).isEqualTo(Lsn.NONE);
        assertThat(new Lsn(-1)).isGreaterThan(lsn).hasToString("FFFFFFFF/FFFFFFFF");
        assertThat(lsn.bytesAfter(Lsn.parse("16/B374D800"))).isEqualTo(0x48);
        assertThat(Lsn.parse("16/B374D800").bytesAfter(lsn)).isZero();
        assertThatThrownBy(() -> Lsn.parse("16B374D848")).hasMessageContaining("expected two hex numbers");
        assertThatThrownBy(() -> Lsn.parse("1/G")).hasMessageContaining("not a WAL position");
    }

    @Test
    void aPositionRoundTripsThroughItsStringForm() {
        CdcPosition p = new CdcPosition(
                "s",
                CdcPosition.STREAMING,
                Lsn.parse("1/10"),
                Lsn.parse("1/20"),
                7,
                Lsn.parse("1/30"),
                Lsn.parse("1/5"),
                "2024-01-01T00:00:00Z");
        assertThat(CdcPosition.parse(p.asString())).isEqualTo(p);
        assertThat(p.asString()).contains("\"lsn\":\"1/10\"", "\"tx_commit_lsn\":\"1/20\"", "\"tx_emitted\":7");
        CdcPosition done = p.committed(Lsn.parse("1/25"));
        assertThat(done.txCommit()).isNull();
        assertThat(done.resume()).isEqualTo(Lsn.parse("1/25"));
        assertThat(CdcPosition.parse(done.asString())).isEqualTo(done);
        assertThatThrownBy(() -> CdcPosition.parse("{\"slot\":\"s\"}"))
                .hasMessageContaining("slot, phase and lsn are required");
        assertThatThrownBy(() -> CdcPosition.parse("not json")).hasMessageContaining("not a CDC position");
    }

    private static CdcSettings settings(Map<String, Object> cdc) {
        Map<String, Object> raw = new java.util.HashMap<>(
                Map.of("host", "h", "database", "d", "username", "u", "replication_method", "cdc"));
        raw.putAll(cdc);
        return CdcSettings.from(new PostgresSource().spec().validate(raw, "sources.s.config"));
    }

    @Test
    void eachTableGetsItsOwnValidSlotNameAndDistinctNamesStayDistinct() {
        CdcSettings s = settings(Map.of("replication_slot", "shop"));
        assertThat(s.slotName("public", "orders")).isEqualTo("shop_public_orders");
        String upper = s.slotName("public", "Orders");
        assertThat(upper).matches("shop_public_orders_[0-9a-f]{8}").isNotEqualTo(s.slotName("public", "orders"));
        assertThat(s.slotName("public", "order lines")).matches("[a-z0-9_]+");
        assertThat(s.slotName("sales_eu", "orders")).isNotEqualTo(s.slotName("sales", "eu_orders"));
        String longName = s.slotName("public", "x".repeat(100));
        assertThat(longName)
                .matches("[a-z0-9_]+")
                .hasSizeLessThanOrEqualTo(63)
                .isNotEqualTo(s.slotName("public", "x".repeat(99)));
    }

    @Test
    void settingsHaveDefaultsAndStandardReplicationHasNone() {
        CdcSettings s = settings(Map.of());
        assertThat(s.slotBase()).isEqualTo("tributary");
        assertThat(s.publication()).isEqualTo("tributary_publication");
        assertThat(s.initialSnapshot()).isTrue();
        assertThat(s.maxRetainedWalBytes()).isZero();
        assertThat(s.streamingTime()).isZero();
        assertThat(settings(Map.of("max_retained_wal_mb", 2)).maxRetainedWalBytes())
                .isEqualTo(2L * 1024 * 1024);
        assertThat(CdcSettings.from(new PostgresSource()
                        .spec()
                        .validate(Map.of("host", "h", "database", "d", "username", "u"), "sources.s.config")))
                .isNull();
        assertThatThrownBy(() -> settings(Map.of("replication_slot", "x".repeat(41))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("1 to 40 lower-case letters");
        assertThatThrownBy(() -> settings(Map.of("replication_method", "binlog")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("replication_method");
    }
}
