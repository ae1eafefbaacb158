package io.tributary.batch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.normalization.NormalizationMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionPlannerTest {

    private final ConnectionPlanner planner = new ConnectionPlanner(ConnectorRegistry.load());

    private static TributaryConfig config(String sourceConfig, String connection) {
        String yaml = """
                sources:
                  seq: { type: sequence, config: %s }
                destinations:
                  lake: { type: local, config: { destination_path: /tmp/tributary-planner-test } }
                connections:
                  c:
                %s
                """.formatted(sourceConfig, connection.indent(4));
        return new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @Test
    void selectsEveryDiscoveredStreamWhenNoneIsListed() {
        ConnectionPlan plan =
                planner.plan(config("{ count: 1, streams: [a, b] }", "source: seq\ndestination: lake"), "c");
        assertThat(plan.streams()).extracting(ConfiguredStream::name).containsExactly("a", "b");
    }

    @Test
    void appliesTheCustomNamespaceFormatAndTheStreamPrefix() {
        ConnectionPlan plan = planner.plan(config("{ count: 1 }", """
                source: seq
                destination: lake
                namespace_definition: custom_format
                namespace_format: "prod_${SOURCE_NAMESPACE}"
                prefix: raw_
                streams: [numbers]"""), "c");
        assertThat(plan.streams().get(0).destinationNamespace()).isEqualTo("prod_seq");
        assertThat(plan.streams().get(0).destinationName()).isEqualTo("raw_numbers");
    }

    @Test
    void carriesTheNormalizationModeAndDepthToTheNormalizationOptions() {
        ConnectionPlan raw = planner.plan(
                config("{ count: 1 }", "source: seq\ndestination: lake\nnormalization: { mode: raw }"), "c");
        assertThat(raw.normalization().mode()).isEqualTo(NormalizationMode.RAW);
        ConnectionPlan basic = planner.plan(
                config("{ count: 1 }", "source: seq\ndestination: lake\nnormalization: { max_depth: 1 }"), "c");
        assertThat(basic.normalization().mode()).isEqualTo(NormalizationMode.BASIC);
        assertThat(basic.normalization().maxDepth()).isEqualTo(1);
    }

    @Test
    void reportsAnUnknownStreamWithTheAvailableOnes() {
        assertThatThrownBy(() ->
                        planner.plan(config("{ count: 1 }", "source: seq\ndestination: lake\nstreams: [numbrs]"), "c"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connections.c.streams[0].name: stream 'numbrs' not found in source 'seq'")
                .hasMessageContaining("[seq.numbers]");
    }

    @Test
    void reportsAnUnknownConnectorTypeWithTheInstalledOnes() {
        TributaryConfig config = config("{ count: 1 }", "source: seq\ndestination: lake");
        String yaml = """
                sources:
                  seq: { type: sequense, config: {} }
                destinations:
                  lake: { type: local, config: { destination_path: /tmp/x } }
                connections:
                  c: { source: seq, destination: lake }
                """;
        TributaryConfig wrong = new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
        assertThat(config.connections()).containsKey("c");
        assertThatThrownBy(() -> planner.plan(wrong, "c"))
                .hasMessageContaining("sources.seq.type: unknown source type 'sequense'")
                .hasMessageContaining("sequence");
    }

    @Test
    void reportsAMissingRequiredSettingByItsPlace() {
        assertThatThrownBy(() -> planner.plan(config("{ }", "source: seq\ndestination: lake"), "c"))
                .hasMessageContaining("sources.seq.config.count: required field is missing");
    }

    @Test
    void rejectsACursorFieldThatTheStreamDoesNotHave() {
        assertThatThrownBy(() -> planner.plan(config("{ count: 1 }", """
                source: seq
                destination: lake
                streams: [{ name: numbers, sync_mode: incremental, cursor_field: [updated] }]"""), "c"))
                .hasMessageContaining("streams[0].cursor_field: 'updated' is not a field of stream 'numbers'");
    }

    @Test
    void rejectsDedupOnAPrimaryKeyFieldTheStreamDoesNotHave() {
        assertThatThrownBy(() -> planner.plan(config("{ count: 1 }", """
                source: seq
                destination: lake
                streams: [{ name: numbers, destination_sync_mode: append_dedup, primary_key: [[uuid]] }]"""), "c"))
                .hasMessageContaining("streams[0].primary_key: 'uuid' is not a field of stream 'numbers'");
    }

    @Test
    void takesTheSourceDefinedCursorAndKeyWhenNoneIsGiven() {
        ConnectionPlan plan = planner.plan(config("{ count: 1 }", """
                source: seq
                destination: lake
                streams: [{ name: numbers, sync_mode: incremental, destination_sync_mode: append_dedup }]"""), "c");
        assertThat(plan.streams().get(0).cursorField()).containsExactly("id");
        assertThat(plan.streams().get(0).primaryKey()).containsExactly(List.of("id"));
    }

    @Test
    void neverShowsASecretInTheValidatedConfiguration() {
        ConnectionPlan plan =
                planner.plan(config("{ count: 1, token: hunter2 }", "source: seq\ndestination: lake"), "c");
        assertThat(plan.sourceConfig().toString()).doesNotContain("hunter2").contains("**********");
    }
}
