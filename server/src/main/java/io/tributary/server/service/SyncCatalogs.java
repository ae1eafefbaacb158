package io.tributary.server.service;

import io.tributary.batch.config.StreamSelection;
import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Airbyte's configured catalog ({@code syncCatalog}: per stream the discovered {@code stream} and
 * the chosen {@code config}) to and from Tributary's catalog and stream selections.
 */
public final class SyncCatalogs {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SyncCatalogs() {}

    /** A discovered catalog with every stream selected: full refresh, overwrite, the source's cursor and key. */
    public static ObjectNode fromCatalog(Catalog catalog) {
        ObjectNode root = F.objectNode();
        ArrayNode streams = root.putArray("streams");
        for (Stream s : catalog.streams()) {
            ObjectNode entry = streams.addObject();
            ObjectNode stream = entry.putObject("stream");
            stream.put("name", s.name());
            if (s.namespace() != null) {
                stream.put("namespace", s.namespace());
            }
            stream.set("jsonSchema", s.jsonSchema());
            ArrayNode modes = stream.putArray("supportedSyncModes");
            s.supportedSyncModes().forEach(m -> modes.add(m.wireName()));
            stream.put("sourceDefinedCursor", s.sourceDefinedCursor());
            stream.set("defaultCursorField", strings(s.defaultCursorField()));
            stream.set("sourceDefinedPrimaryKey", paths(s.sourceDefinedPrimaryKey()));
            ObjectNode config = entry.putObject("config");
            config.put("syncMode", SyncMode.FULL_REFRESH.wireName());
            config.put("destinationSyncMode", DestinationSyncMode.OVERWRITE.wireName());
            config.set("cursorField", strings(s.defaultCursorField()));
            config.set("primaryKey", paths(s.sourceDefinedPrimaryKey()));
            config.put("aliasName", s.name());
            config.put("selected", true);
        }
        return root;
    }

    /**
     * The stream selections a configured catalog makes; every problem found is a validation error
     * under {@code syncCatalog.streams[i]...}.
     */
    public static List<StreamSelection> selections(JsonNode syncCatalog) {
        List<ValidationError> problems = new ArrayList<>();
        List<StreamSelection> out = new ArrayList<>();
        JsonNode streams = syncCatalog.path("streams");
        if (!streams.isArray()) {
            throw new InvalidInputException("syncCatalog.streams", null, "must be a list of {stream, config} entries");
        }
        for (int i = 0; i < streams.size(); i++) {
            String place = "syncCatalog.streams[" + i + "]";
            JsonNode stream = streams.get(i).path("stream");
            JsonNode config = streams.get(i).path("config");
            String name = stream.path("name").asString("");
            if (name.isEmpty()) {
                problems.add(
                        new ValidationError(place + ".stream.name", null, "required: the stream's name as discovered"));
                continue;
            }
            String namespace = stream.path("namespace").asString("");
            SyncMode syncMode = SyncMode.FULL_REFRESH;
            DestinationSyncMode destinationMode = DestinationSyncMode.OVERWRITE;
            try {
                if (config.hasNonNull("syncMode")) {
                    syncMode = SyncMode.fromWire(config.get("syncMode").asString());
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ValidationError(
                        place + ".config.syncMode", config.get("syncMode").asString(), e.getMessage()));
            }
            try {
                if (config.hasNonNull("destinationSyncMode")) {
                    destinationMode = DestinationSyncMode.fromWire(
                            config.get("destinationSyncMode").asString());
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ValidationError(
                        place + ".config.destinationSyncMode",
                        config.get("destinationSyncMode").asString(),
                        e.getMessage()));
            }
            List<String> cursor = new ArrayList<>();
            config.path("cursorField").forEach(n -> cursor.add(n.asString()));
            List<List<String>> primaryKey = new ArrayList<>();
            for (JsonNode path : config.path("primaryKey")) {
                List<String> p = new ArrayList<>();
                path.forEach(n -> p.add(n.asString()));
                if (!p.isEmpty()) {
                    primaryKey.add(p);
                }
            }
            out.add(new StreamSelection(
                    namespace.isEmpty() ? name : namespace + "." + name,
                    config.path("selected").asBoolean(true),
                    syncMode,
                    destinationMode,
                    cursor,
                    primaryKey,
                    place));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ArrayNode paths(List<List<String>> paths) {
        ArrayNode a = F.arrayNode();
        paths.forEach(p -> a.add(strings(p)));
        return a;
    }
}
