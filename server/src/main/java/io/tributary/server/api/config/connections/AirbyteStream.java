package io.tributary.server.api.config.connections;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A stream as the source discovered it; {@code jsonSchema} is the stream's free-form JSON Schema. */
public record AirbyteStream(
        String name,
        String namespace,
        JsonNode jsonSchema,
        List<String> supportedSyncModes,
        boolean sourceDefinedCursor,
        List<String> defaultCursorField,
        List<List<String>> sourceDefinedPrimaryKey) {}
