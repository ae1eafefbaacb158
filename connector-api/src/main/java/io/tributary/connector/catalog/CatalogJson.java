package io.tributary.connector.catalog;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link Catalog} as the Airbyte protocol's {@code AirbyteCatalog} JSON (snake_case fields). */
public final class CatalogJson {

    private CatalogJson() {}

    public static ObjectNode toProtocol(Catalog catalog) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode streams = root.putArray("streams");
        for (Stream s : catalog.streams()) {
            ObjectNode n = streams.addObject();
            n.put("name", s.name());
            if (s.namespace() != null) {
                n.put("namespace", s.namespace());
            }
            n.set("json_schema", s.jsonSchema());
            ArrayNode modes = n.putArray("supported_sync_modes");
            s.supportedSyncModes().forEach(m -> modes.add(m.wireName()));
            n.put("source_defined_cursor", s.sourceDefinedCursor());
            ArrayNode cursor = n.putArray("default_cursor_field");
            s.defaultCursorField().forEach(cursor::add);
            ArrayNode pk = n.putArray("source_defined_primary_key");
            s.sourceDefinedPrimaryKey().forEach(path -> {
                ArrayNode p = pk.addArray();
                path.forEach(p::add);
            });
            ArrayNode candidates = n.putArray("cursor_candidates");
            s.cursorCandidates().forEach(candidates::add);
        }
        return root;
    }
}
