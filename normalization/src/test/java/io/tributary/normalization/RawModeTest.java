package io.tributary.normalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class RawModeTest {

    private static final NormalizationOptions RAW = StreamFixtures.OPTIONS.withMode(NormalizationMode.RAW);

    @Test
    void rawModeMakesNoTablesButKeepsTheStreamsTableNameAndNamespace() {
        StreamNormalizer normalizer =
                Normalization.forStream(StreamFixtures.stream("Customers", StreamFixtures.CUSTOMERS_SCHEMA), RAW);
        StreamTables tables = normalizer.tables();
        assertThat(tables.isRawOnly()).isTrue();
        assertThat(tables.tables()).isEmpty();
        assertThat(tables.name()).isEqualTo("customers");
        assertThat(tables.namespace()).isEqualTo("public");
    }

    @Test
    void eachRecordKeepsItsDataAndGetsItsOwnAbIdAndNoRows() {
        StreamNormalizer normalizer =
                Normalization.forStream(StreamFixtures.stream("customers", StreamFixtures.CUSTOMERS_SCHEMA), RAW);
        ObjectNode data = (ObjectNode) StreamFixtures.JSON.readTree(StreamFixtures.CUSTOMER_RECORD);
        SourceRecord record = new SourceRecord(data, 1_700_000_000_000L);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            NormalizedRecord out = normalizer.process(record);
            assertThat(out.source()).isSameAs(record);
            assertThat(out.rows()).isEmpty();
            UUID id = UUID.fromString(out.abId());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(out.abId());
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void rawModeAcceptsASchemaThatCannotBeNormalized() {
        String schema = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"text\"}}}";
        assertThatThrownBy(() -> StreamFixtures.normalizer("users", schema))
                .hasMessageContaining("unknown type \"text\"");
        assertThat(Normalization.forStream(StreamFixtures.stream("users", schema), RAW)
                        .tables()
                        .isRawOnly())
                .isTrue();
    }

    @Test
    void modesParseFromTheirConfigSpellingAndExplainOtherValues() {
        assertThat(NormalizationMode.fromConfig("raw")).isEqualTo(NormalizationMode.RAW);
        assertThat(NormalizationMode.fromConfig(" Basic ")).isEqualTo(NormalizationMode.BASIC);
        assertThat(NormalizationMode.BASIC.configValue()).isEqualTo("basic");
        assertThatThrownBy(() -> NormalizationMode.fromConfig("flat"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "'flat' is not a normalization mode; use raw (only the raw JSON records, _airbyte_raw_<stream>) "
                                + "or basic (also flat typed tables; the default)");
    }

    @Test
    void optionsDefaultToBasicNormalization() {
        assertThat(NormalizationOptions.defaults(NamingConvention.POSTGRES).mode())
                .isEqualTo(NormalizationMode.BASIC);
        assertThat(new NormalizationOptions(3, NamingConvention.FILES).withMode(NormalizationMode.RAW))
                .extracting(NormalizationOptions::mode, NormalizationOptions::maxDepth)
                .containsExactly(NormalizationMode.RAW, 3);
    }
}
