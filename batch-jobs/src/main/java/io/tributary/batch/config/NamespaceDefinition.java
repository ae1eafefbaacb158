package io.tributary.batch.config;

import java.util.Arrays;
import java.util.Locale;

/** Where a connection's streams land in the destination, as Airbyte's {@code namespaceDefinition}. */
public enum NamespaceDefinition {
    /** Keep the source's namespace (schema, folder). */
    SOURCE,
    /** Use the destination's default namespace. */
    DESTINATION,
    /** Use {@code namespace_format}, where {@code ${SOURCE_NAMESPACE}} is the source's namespace. */
    CUSTOM_FORMAT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    public static NamespaceDefinition parse(String value) {
        String v = value.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return Arrays.stream(values())
                .filter(d -> d.wireName().equals(v))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown namespace_definition '" + value + "'; use source, destination or custom_format"));
    }
}
