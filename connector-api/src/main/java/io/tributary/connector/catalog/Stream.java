package io.tributary.connector.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stream as a source discovers it: its name, namespace (schema, folder...), the JSON Schema of
 * its records, and what it supports.
 *
 * @param jsonSchema an object schema with {@code properties}; a source without a schema infers one
 * @param defaultCursorField the source's suggestion, empty when the user must choose
 * @param sourceDefinedPrimaryKey each key component is a path of field names (usually one name)
 */
public record Stream(
        String name,
        @Nullable String namespace,
        ObjectNode jsonSchema,
        List<SyncMode> supportedSyncModes,
        boolean sourceDefinedCursor,
        List<String> defaultCursorField,
        List<List<String>> sourceDefinedPrimaryKey,
        List<String> cursorCandidates) {

    public Stream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        supportedSyncModes = List.copyOf(supportedSyncModes);
        defaultCursorField = defaultCursorField == null ? List.of() : List.copyOf(defaultCursorField);
        sourceDefinedPrimaryKey = sourceDefinedPrimaryKey == null
                ? List.of()
                : sourceDefinedPrimaryKey.stream().map(List::copyOf).toList();
        cursorCandidates = cursorCandidates == null ? List.of() : List.copyOf(cursorCandidates);
    }

    /** The stream's qualified name for messages: {@code namespace.name}, or just the name. */
    public String qualifiedName() {
        return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
    }
}
