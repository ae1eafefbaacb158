package io.tributary.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.normalization.NormalizationMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionsFileLoaderTest {

    private final ConnectionsFileLoader loader = new ConnectionsFileLoader(Map.of("SHOP_TOKEN", "s3cr3t")::get);

    private TributaryConfig load(String yaml) {
        return loader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "connections.yml");
    }

    private static final String VALID = """
            sources:
              shop:
                type: sequence
                config: { count: 10, token: "${env:SHOP_TOKEN}" }
            destinations:
              lake:
                type: local
                config: { destination_path: /tmp/lake }
            connections:
              shop_to_lake:
                source: shop
                destination: lake
                namespace_definition: custom_format
                namespace_format: "prod_${SOURCE_NAMESPACE}"
                prefix: raw_
                chunk_size: 500
                streams:
                  - numbers
                  - { name: letters, sync_mode: incremental, cursor_field: id, primary_key: [[id], [region]],
                      destination_sync_mode: append_dedup }
                  - { name: skipped, selected: false }
            """;

    @Test
    void readsSourcesDestinationsAndConnectionsWithTheirStreams() {
        TributaryConfig config = load(VALID);
        ConnectionDefinition c = config.connection("shop_to_lake");
        assertThat(c.chunkSize()).isEqualTo(500);
        assertThat(c.namespaceDefinition()).isEqualTo(NamespaceDefinition.CUSTOM_FORMAT);
        assertThat(c.namespaceFormat()).isEqualTo("prod_${SOURCE_NAMESPACE}");
        assertThat(c.prefix()).isEqualTo("raw_");
        assertThat(c.streams()).hasSize(3);
        assertThat(c.streams().get(0).syncMode()).isEqualTo(SyncMode.FULL_REFRESH);
        StreamSelection letters = c.streams().get(1);
        assertThat(letters.syncMode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(letters.destinationSyncMode()).isEqualTo(DestinationSyncMode.APPEND_DEDUP);
        assertThat(letters.cursorField()).containsExactly("id");
        assertThat(letters.primaryKey()).containsExactly(List.of("id"), List.of("region"));
        assertThat(c.streams().get(2).selected()).isFalse();
    }

    @Test
    void resolvesEnvironmentReferencesInSettings() {
        assertThat(load(VALID).source("shop").config()).containsEntry("token", "s3cr3t");
    }

    @Test
    void reportsASecretMissingFromTheEnvironmentByPlaceAndVariable() {
        ConnectionsFileLoader noEnv = new ConnectionsFileLoader(name -> null);
        assertThatThrownBy(() ->
                        noEnv.load(new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)), "connections.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources.shop.config.token")
                .hasMessageContaining("environment variable SHOP_TOKEN is not set");
    }

    @Test
    void reportsMalformedYamlWithLineAndColumn() {
        assertThatThrownBy(() -> load("sources:\n  shop:\n    type: [unclosed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("(?s)connections\\.yml:\\d+:\\d+: malformed YAML.*");
    }

    @Test
    void rejectsAChunkSizeThatIsNotAPositiveWholeNumber() {
        String yaml = VALID.replace("chunk_size: 500", "chunk_size: -3");
        assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining("connections.shop_to_lake.chunk_size")
                .hasMessageContaining("use a whole number from 1 to");
    }

    @Test
    void rejectsAConnectionThatNamesAnUndeclaredSource() {
        String yaml = VALID.replace("source: shop", "source: shoop");
        assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining("connections.shop_to_lake.source: no source named 'shoop'")
                .hasMessageContaining("[shop]");
    }

    @Test
    void rejectsUnknownKeysSoThatTyposDoNotPassSilently() {
        String yaml = VALID.replace("chunk_size: 500", "chunk_sise: 500");
        assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining(
                        "connections.shop_to_lake.chunk_sise: unknown field; "
                                + "known fields are [source, destination, namespace_definition, namespace_format, prefix, chunk_size, normalization, streams]");
    }

    @Test
    void rejectsAnUnknownSyncModeNamingTheStream() {
        String yaml = VALID.replace("sync_mode: incremental", "sync_mode: sometimes");
        assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining("connections.shop_to_lake.streams[1].sync_mode: unknown sync mode 'sometimes'");
    }

    @Test
    void reportsAMissingFileWithTheFixToApply() {
        assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/connections.yml")))
                .hasMessageContaining("connections file not found: /nonexistent/connections.yml");
    }

    @Test
    void reportsAConnectorWithoutType() {
        assertThatThrownBy(() -> load("sources:\n  shop:\n    config: {}\n"))
                .hasMessageContaining("sources.shop.type: required");
    }

    @Test
    void normalizationDefaultsToBasicWithTenLevels() {
        ConnectionDefinition c = load(VALID).connection("shop_to_lake");
        assertThat(c.normalization()).isEqualTo(NormalizationMode.BASIC);
        assertThat(c.maxDepth()).isEqualTo(10);
    }

    @Test
    void readsTheNormalizationModeAndDepth() {
        ConnectionDefinition raw = load(VALID.replace(
                        "chunk_size: 500", "chunk_size: 500\n    normalization: { mode: raw }"))
                .connection("shop_to_lake");
        assertThat(raw.normalization()).isEqualTo(NormalizationMode.RAW);
        ConnectionDefinition basic = load(VALID.replace(
                        "chunk_size: 500", "chunk_size: 500\n    normalization: { mode: Basic, max_depth: 2 }"))
                .connection("shop_to_lake");
        assertThat(basic.normalization()).isEqualTo(NormalizationMode.BASIC);
        assertThat(basic.maxDepth()).isEqualTo(2);
    }

    @Test
    void rejectsAnUnknownNormalizationModeNamingThePlaceAndTheModes() {
        String yaml = VALID.replace("chunk_size: 500", "chunk_size: 500\n    normalization: { mode: flat }");
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "connections.yml: connections.shop_to_lake.normalization.mode: 'flat' is not allowed; "
                                + "use one of [raw, basic] (raw: only the raw JSON records (_airbyte_raw_<stream>); basic: also flat typed tables)");
    }

    @Test
    void rejectsANormalizationThatIsNotAMapOrHasUnknownKeys() {
        assertThatThrownBy(() -> load(VALID.replace("chunk_size: 500", "chunk_size: 500\n    normalization: raw")))
                .hasMessageContaining("connections.shop_to_lake.normalization: expected a map of settings, got 'raw' "
                        + "(a map such as { mode: basic, max_depth: 10 })");
        assertThatThrownBy(() ->
                        load(VALID.replace("chunk_size: 500", "chunk_size: 500\n    normalization: { mdoe: raw }")))
                .hasMessageContaining(
                        "connections.shop_to_lake.normalization.mdoe: unknown field; known fields are [mode, max_depth]");
        assertThatThrownBy(() ->
                        load(VALID.replace("chunk_size: 500", "chunk_size: 500\n    normalization: { max_depth: -1 }")))
                .hasMessageContaining(
                        "connections.shop_to_lake.normalization.max_depth: -1 is too small; the minimum is 0");
    }
}
