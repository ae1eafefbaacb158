package io.tributary.connector.config;

/** The value type of a {@link ConfigField}; also the JSON Schema type it is published as. */
public enum FieldType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    /** A list of strings; a single string is accepted and split on commas. */
    LIST("array"),
    /** A nested map of free-form settings (for example extra JDBC parameters). */
    OBJECT("object"),
    /** A list whose items (strings, maps or lists) are kept as given, for the caller to validate item by item. */
    ITEMS("array");

    private final String jsonType;

    FieldType(String jsonType) {
        this.jsonType = jsonType;
    }

    public String jsonType() {
        return jsonType;
    }
}
