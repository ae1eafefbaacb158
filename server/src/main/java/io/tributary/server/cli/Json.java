package io.tributary.server.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Pretty JSON for command output. */
final class Json {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    static String pretty(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
