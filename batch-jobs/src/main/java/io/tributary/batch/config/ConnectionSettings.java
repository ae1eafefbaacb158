package io.tributary.batch.config;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.normalization.NormalizationMode;
import io.tributary.normalization.NormalizationOptions;
import java.util.List;
import java.util.Map;

/**
 * The settings of a connection in a connections file, each declared once, as connectors declare
 * theirs: the loader validates a connection with these specs (unknown keys, required values, ranges
 * and choices, each reported with its place) and reads the values through the fields.
 */
final class ConnectionSettings {

    static final ConfigField<String> SOURCE =
            ConfigField.string("source").required().describe("the name of a source declared under sources");
    static final ConfigField<String> DESTINATION = ConfigField.string("destination")
            .required()
            .describe("the name of a destination declared under destinations");
    static final ConfigField<String> NAMESPACE_DEFINITION = ConfigField.string("namespace_definition")
            .defaultsTo("source")
            .describe(
                    "where streams land: source (the source's namespace), destination (its default) or custom_format");
    static final ConfigField<String> NAMESPACE_FORMAT = ConfigField.string("namespace_format")
            .defaultsTo("${SOURCE_NAMESPACE}")
            .describe(
                    "with custom_format: the namespace, where ${SOURCE_NAMESPACE} is the source's, e.g. production_${SOURCE_NAMESPACE}");
    static final ConfigField<String> PREFIX =
            ConfigField.string("prefix").defaultsTo("").describe("put before every destination table name");
    static final ConfigField<Long> CHUNK_SIZE = ConfigField.integer("chunk_size")
            .defaultsTo(ConnectionDefinition.DEFAULT_CHUNK_SIZE)
            .between(1, 1_000_000)
            .describe("records committed together; default " + ConnectionDefinition.DEFAULT_CHUNK_SIZE);
    static final ConfigField<Map<String, Object>> NORMALIZATION =
            ConfigField.object("normalization").describe("a map such as { mode: basic, max_depth: 10 }");
    static final ConfigField<List<Object>> STREAMS = ConfigField.items("streams")
            .describe("the streams to sync: names, or maps with name, sync_mode, ...; none means every stream");

    static final ConfigSpec CONNECTION = ConfigSpec.of(
            "Connection",
            SOURCE,
            DESTINATION,
            NAMESPACE_DEFINITION,
            NAMESPACE_FORMAT,
            PREFIX,
            CHUNK_SIZE,
            NORMALIZATION,
            STREAMS);

    static final ConfigField<NormalizationMode> MODE = ConfigField.choice("mode", NormalizationMode.class)
            .defaultsTo(NormalizationMode.BASIC)
            .describe("raw: only the raw JSON records (_airbyte_raw_<stream>); basic: also flat typed tables");
    static final ConfigField<Long> MAX_DEPTH = ConfigField.integer("max_depth")
            .defaultsTo(NormalizationOptions.DEFAULT_MAX_DEPTH)
            .atLeast(0)
            .describe("how deep nested objects flatten into columns");

    static final ConfigSpec NORMALIZATION_SPEC = ConfigSpec.of("Normalization", MODE, MAX_DEPTH);

    static final ConfigField<String> NAME =
            ConfigField.string("name").required().describe("the stream's name, or namespace.name");
    static final ConfigField<Boolean> SELECTED = ConfigField.bool("selected").defaultsTo(true);
    static final ConfigField<String> SYNC_MODE =
            ConfigField.string("sync_mode").describe("full_refresh (default) or incremental");
    static final ConfigField<String> DESTINATION_SYNC_MODE = ConfigField.string("destination_sync_mode")
            .describe("overwrite (default with full_refresh), append (default with incremental) or append_dedup");
    static final ConfigField<List<String>> CURSOR_FIELD = ConfigField.list("cursor_field")
            .describe("the field whose growing values mark new records, e.g. [updated_at]");
    static final ConfigField<List<Object>> PRIMARY_KEY =
            ConfigField.items("primary_key").describe("the key's fields, e.g. [[id]] or [[tenant_id], [id]]");

    static final ConfigSpec STREAM =
            ConfigSpec.of("Stream", NAME, SELECTED, SYNC_MODE, DESTINATION_SYNC_MODE, CURSOR_FIELD, PRIMARY_KEY);

    private ConnectionSettings() {}
}
