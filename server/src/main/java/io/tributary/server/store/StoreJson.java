package io.tributary.server.store;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON columns (jsonb) to and from trees. */
final class StoreJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoreJson() {}

    static String write(ObjectNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static ObjectNode read(String json) {
        return (ObjectNode) MAPPER.readTree(json);
    }
}
