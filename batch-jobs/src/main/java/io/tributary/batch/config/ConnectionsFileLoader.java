package io.tributary.batch.config;

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

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.normalization.NormalizationMode;
import io.tributary.normalization.NormalizationOptions;
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
    private static final int MAX_CHUNK_SIZE = 1_000_000;

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
            throw new ConfigException(fileName + ": expected a map with sources, destinations and connections at the top");
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
                        problems.add(c.place() + ".source: no source named '" + c.source() + "'; declared sources: " + sources.keySet());
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
            throw new ConfigException(problems.stream().map(p -> fileName + ": " + p).toList());
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
        unknownKeys(node, Set.of("source", "destination", "namespace_definition", "namespace_format", "prefix",
                "chunk_size", "normalization", "streams"), place + ".", problems);
        String source = node.path("source").asString("");
        String destination = node.path("destination").asString("");
        if (source.isEmpty()) {
            problems.add(place + ".source: required; the name of a source declared under sources");
        }
        if (destination.isEmpty()) {
            problems.add(place + ".destination: required; the name of a destination declared under destinations");
        }
        NamespaceDefinition nsDef = NamespaceDefinition.SOURCE;
        if (node.has("namespace_definition")) {
            try {
                nsDef = NamespaceDefinition.parse(node.get("namespace_definition").asString());
            } catch (IllegalArgumentException e) {
                problems.add(place + ".namespace_definition: " + e.getMessage());
            }
        }
        String nsFormat = node.path("namespace_format").asString("${SOURCE_NAMESPACE}");
        if (nsDef == NamespaceDefinition.CUSTOM_FORMAT && nsFormat.isBlank()) {
            problems.add(place + ".namespace_format: required with namespace_definition custom_format, e.g. production_${SOURCE_NAMESPACE}");
        }
        int chunkSize = ConnectionDefinition.DEFAULT_CHUNK_SIZE;
        if (node.has("chunk_size")) {
            JsonNode cs = node.get("chunk_size");
            if (!cs.canConvertToInt() || !cs.isIntegralNumber() || cs.asInt() < 1 || cs.asInt() > MAX_CHUNK_SIZE) {
                problems.add(place + ".chunk_size: '" + cs.asString() + "' is not a valid chunk size; use a whole number from 1 to "
                        + MAX_CHUNK_SIZE + " (records committed together; default " + ConnectionDefinition.DEFAULT_CHUNK_SIZE + ")");
            } else {
                chunkSize = cs.asInt();
            }
        }
        int maxDepth = NormalizationOptions.DEFAULT_MAX_DEPTH;
        NormalizationMode mode = NormalizationMode.BASIC;
        JsonNode norm = node.path("normalization");
        if (!norm.isMissingNode() && !norm.isNull() && !norm.isObject()) {
            problems.add(place + ".normalization: expected a map such as { mode: basic, max_depth: 10 }");
        } else if (norm.isObject()) {
            unknownKeys(norm, Set.of("mode", "max_depth"), place + ".normalization.", problems);
            if (norm.has("mode")) {
                JsonNode m = norm.get("mode");
                try {
                    mode = NormalizationMode.fromConfig(m.isString() ? m.asString() : m.toString());
                } catch (IllegalArgumentException e) {
                    problems.add(place + ".normalization.mode: " + e.getMessage());
                }
            }
            if (norm.has("max_depth")) {
                JsonNode md = norm.get("max_depth");
                if (!md.isIntegralNumber() || md.asInt() < 0) {
                    problems.add(place + ".normalization.max_depth: use a whole number, 0 or more");
                } else {
                    maxDepth = md.asInt();
                }
            }
        }
        List<StreamSelection> streams = new ArrayList<>();
        JsonNode ss = node.path("streams");
        if (!ss.isMissingNode() && !ss.isArray()) {
            problems.add(place + ".streams: expected a list of streams (names or maps with name, sync_mode, ...)");
        } else {
            int i = 0;
            for (JsonNode s : ss) {
                StreamSelection sel = stream(s, place + ".streams[" + i++ + "]", problems);
                if (sel != null) {
                    streams.add(sel);
                }
            }
        }
        return new ConnectionDefinition(name, source, destination, nsDef, nsFormat,
                node.path("prefix").asString(""), chunkSize, maxDepth, streams, place, mode);
    }

    private StreamSelection stream(JsonNode s, String place, List<String> problems) {
        if (s.isString()) {
            return new StreamSelection(s.asString(), true, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE,
                    List.of(), List.of(), place);
        }
        if (!s.isObject() || s.path("name").asString("").isEmpty()) {
            problems.add(place + ": expected a stream name or a map with at least 'name'");
            return null;
        }
        unknownKeys(s, Set.of("name", "selected", "sync_mode", "destination_sync_mode", "cursor_field", "primary_key"),
                place + ".", problems);
        SyncMode syncMode = SyncMode.FULL_REFRESH;
        DestinationSyncMode destMode = DestinationSyncMode.OVERWRITE;
        try {
            if (s.has("sync_mode")) {
                syncMode = SyncMode.fromWire(s.get("sync_mode").asString());
                if (syncMode == SyncMode.INCREMENTAL && !s.has("destination_sync_mode")) {
                    destMode = DestinationSyncMode.APPEND;
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(place + ".sync_mode: " + e.getMessage());
        }
        try {
            if (s.has("destination_sync_mode")) {
                destMode = DestinationSyncMode.fromWire(s.get("destination_sync_mode").asString());
            }
        } catch (IllegalArgumentException e) {
            problems.add(place + ".destination_sync_mode: " + e.getMessage());
        }
        List<String> cursor = new ArrayList<>();
        JsonNode cf = s.path("cursor_field");
        if (cf.isString()) {
            cursor.add(cf.asString());
        } else {
            cf.forEach(n -> cursor.add(n.asString()));
        }
        List<List<String>> pk = new ArrayList<>();
        JsonNode pkNode = s.path("primary_key");
        if (pkNode.isString()) {
            pk.add(List.of(pkNode.asString()));
        } else {
            for (JsonNode part : pkNode) {
                if (part.isString()) {
                    pk.add(List.of(part.asString()));
                } else {
                    List<String> path = new ArrayList<>();
                    part.forEach(n -> path.add(n.asString()));
                    pk.add(path);
                }
            }
        }
        return new StreamSelection(s.get("name").asString(), s.path("selected").asBoolean(true), syncMode, destMode,
                cursor, pk, place);
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
