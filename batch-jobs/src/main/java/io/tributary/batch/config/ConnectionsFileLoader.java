package io.tributary.batch.config;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a connections file (YAML) into a {@link TributaryConfig}. Every problem is reported with
 * its place in the file ({@code connections.shop.chunk_size}, or line and column for malformed
 * YAML); {@code ${env:NAME}} references are resolved from the environment and a missing variable is
 * an error, never an empty string.
 *
 * <pre>
 * sources:
 *   shop: { type: postgres, config: { host: db, password: "${env:SHOP_PASSWORD}" } }
 * destinations:
 *   lake: { type: local, config: { destination_path: ./out } }
 * connections:
 *   shop_to_lake:
 *     source: shop
 *     destination: lake
 *     chunk_size: 5000
 *     normalization: { mode: basic, max_depth: 10 }   # mode raw: only the raw JSON records
 *     streams:
 *       - { name: customers, sync_mode: incremental, cursor_field: [updated_at],
 *           destination_sync_mode: append_dedup, primary_key: [[id]] }
 * </pre>
 */
public final class ConnectionsFileLoader {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> environment;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    public ConnectionsFileLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public ConnectionsFileLoader() {
        this(System::getenv);
    }

    public TributaryConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("connections file not found: " + file + "; pass an existing file with --config");
        } catch (IOException e) {
            throw new ConfigException("cannot read connections file " + file + ": " + e.getMessage());
        }
    }

    public TributaryConfig load(InputStream in, String fileName) {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? fileName : fileName + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(where + ": malformed YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(fileName + ": the file is empty; declare sources, destinations and connections");
        }
        if (!root.isObject()) {
            throw new ConfigException(
                    fileName + ": expected a map with sources, destinations and connections at the top");
        }
        List<String> problems = new ArrayList<>();
        unknownKeys(root, Set.of("sources", "destinations", "connections"), "", problems);
        Map<String, ConnectorDefinition> sources = connectors(root.path("sources"), "sources", problems);
        Map<String, ConnectorDefinition> destinations = connectors(root.path("destinations"), "destinations", problems);
        Map<String, ConnectionDefinition> connections = new LinkedHashMap<>();
        JsonNode cs = root.path("connections");
        if (!cs.isMissingNode() && !cs.isObject()) {
            problems.add("connections: expected a map of connection names to connections");
        } else {
            for (Map.Entry<String, JsonNode> e : cs.properties()) {
                ConnectionDefinition c = connection(e.getKey(), e.getValue(), "connections." + e.getKey(), problems);
                if (c != null) {
                    if (!sources.containsKey(c.source())) {
                        problems.add(c.place() + ".source: no source named '" + c.source() + "'; declared sources: "
                                + sources.keySet());
                    }
                    if (!destinations.containsKey(c.destination())) {
                        problems.add(c.place() + ".destination: no destination named '" + c.destination()
                                + "'; declared destinations: " + destinations.keySet());
                    }
                    connections.put(c.name(), c);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(
                    problems.stream().map(p -> fileName + ": " + p).toList());
        }
        return new TributaryConfig(sources, destinations, connections);
    }

    private Map<String, ConnectorDefinition> connectors(JsonNode node, String kind, List<String> problems) {
        Map<String, ConnectorDefinition> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(kind + ": expected a map of names to { type, config }");
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String place = kind + "." + e.getKey();
            JsonNode def = e.getValue();
            if (!def.isObject()) {
                problems.add(place + ": expected { type: ..., config: { ... } }");
                continue;
            }
            unknownKeys(def, Set.of("type", "config"), place + ".", problems);
            String type = def.path("type").asString("");
            if (type.isEmpty()) {
                problems.add(place + ".type: required; the connector type, e.g. file, postgres, local, s3");
                continue;
            }
            JsonNode config = def.path("config");
            if (!config.isMissingNode() && !config.isObject()) {
                problems.add(place + ".config: expected a map of settings");
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (config.isObject()) {
                for (Map.Entry<String, JsonNode> p : config.properties()) {
                    Object v = resolve(toJava(p.getValue()), place + ".config." + p.getKey(), problems);
                    if (v != null) {
                        values.put(p.getKey(), v);
                    }
                }
            }
            out.put(e.getKey(), new ConnectorDefinition(e.getKey(), type, values, place + ".config"));
        }
        return out;
    }

    private ConnectionDefinition connection(String name, JsonNode node, String place, List<String> problems) {
        if (!node.isObject()) {
            problems.add(place + ": expected a map with source, destination and streams");
            return null;
        }
        ConnectorConfig settings = validated(ConnectionSettings.CONNECTION, node, place, problems);
        if (settings == null) {
            return null;
        }
        NamespaceDefinition nsDef = NamespaceDefinition.SOURCE;
        try {
            nsDef = NamespaceDefinition.parse(ConnectionSettings.NAMESPACE_DEFINITION.get(settings));
        } catch (IllegalArgumentException e) {
            problems.add(place + ".namespace_definition: " + e.getMessage());
        }
        String nsFormat = ConnectionSettings.NAMESPACE_FORMAT.get(settings);
        if (nsDef == NamespaceDefinition.CUSTOM_FORMAT && nsFormat.isBlank()) {
            problems.add(
                    place
                            + ".namespace_format: required with namespace_definition custom_format, e.g. production_${SOURCE_NAMESPACE}");
        }
        ConnectorConfig normalization = validated(
                ConnectionSettings.NORMALIZATION_SPEC,
                ConnectionSettings.NORMALIZATION.get(settings),
                place + ".normalization",
                problems);
        List<StreamSelection> streams = new ArrayList<>();
        List<Object> items = ConnectionSettings.STREAMS.get(settings);
        for (int i = 0; i < items.size(); i++) {
            StreamSelection selection = stream(items.get(i), place + ".streams[" + i + "]", problems);
            if (selection != null) {
                streams.add(selection);
            }
        }
        if (normalization == null) {
            return null;
        }
        return new ConnectionDefinition(
                name,
                ConnectionSettings.SOURCE.get(settings),
                ConnectionSettings.DESTINATION.get(settings),
                nsDef,
                nsFormat,
                ConnectionSettings.PREFIX.get(settings),
                ConnectionSettings.CHUNK_SIZE.intValue(settings),
                ConnectionSettings.MAX_DEPTH.intValue(normalization),
                streams,
                place,
                ConnectionSettings.MODE.get(normalization));
    }

    /** {@code node}'s values checked against {@code spec}; {@code null} (with the problems added) when they do not pass. */
    private ConnectorConfig validated(ConfigSpec spec, Object node, String place, List<String> problems) {
        Object values = node instanceof JsonNode json ? toJava(json) : node;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) values;
            return spec.validate(map, place);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private StreamSelection stream(Object item, String place, List<String> problems) {
        if (item instanceof String name && !name.isEmpty()) {
            return new StreamSelection(
                    name, true, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, List.of(), List.of(), place);
        }
        if (!(item instanceof Map<?, ?>)) {
            problems.add(place + ": expected a stream name or a map with at least 'name'");
            return null;
        }
        ConnectorConfig s = validated(ConnectionSettings.STREAM, item, place, problems);
        if (s == null) {
            return null;
        }
        SyncMode syncMode = SyncMode.FULL_REFRESH;
        DestinationSyncMode destMode = DestinationSyncMode.OVERWRITE;
        try {
            if (ConnectionSettings.SYNC_MODE.get(s) != null) {
                syncMode = SyncMode.fromWire(ConnectionSettings.SYNC_MODE.get(s));
                if (syncMode == SyncMode.INCREMENTAL) {
                    destMode = DestinationSyncMode.APPEND;
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(place + ".sync_mode: " + e.getMessage());
        }
        try {
            if (ConnectionSettings.DESTINATION_SYNC_MODE.get(s) != null) {
                destMode = DestinationSyncMode.fromWire(ConnectionSettings.DESTINATION_SYNC_MODE.get(s));
            }
        } catch (IllegalArgumentException e) {
            problems.add(place + ".destination_sync_mode: " + e.getMessage());
        }
        List<List<String>> pk = new ArrayList<>();
        for (Object part : ConnectionSettings.PRIMARY_KEY.get(s)) {
            if (part instanceof List<?> path) {
                pk.add(path.stream().map(String::valueOf).toList());
            } else {
                pk.add(List.of(String.valueOf(part)));
            }
        }
        return new StreamSelection(
                ConnectionSettings.NAME.get(s),
                ConnectionSettings.SELECTED.get(s),
                syncMode,
                destMode,
                ConnectionSettings.CURSOR_FIELD.get(s),
                pk,
                place);
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) {
                problems.add(prefix + key + ": unknown key; expected one of " + new java.util.TreeSet<>(known));
            }
        }
    }

    private Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            ((ObjectNode) node).properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(toJava(n)));
            return list;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asString();
    }

    @SuppressWarnings("unchecked")
    private Object resolve(Object value, String place, List<String> problems) {
        if (value instanceof String s) {
            Matcher m = ENV_REFERENCE.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = environment.apply(m.group(1));
                if (v == null) {
                    problems.add(place + ": environment variable " + m.group(1) + " is not set (referenced as ${env:"
                            + m.group(1) + "}); export it before running");
                    v = "";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, resolve(v, place + "." + k, problems)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(resolve(list.get(i), place + "[" + i + "]", problems));
            }
            return out;
        }
        return value;
    }
}
