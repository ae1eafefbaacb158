package io.tributary.connector.config;

import java.util.List;
import java.util.Objects;

/**
 * One configuration field of a connector, declared once. The connector's {@code spec}, the
 * validation messages and the masking of secrets in logs and output are all derived from it.
 *
 * <p>Declared with a small fluent API: {@code ConfigField.string("host").required().describe("...")}.
 */
public record ConfigField(
        String name,
        FieldType type,
        Object defaultValue,
        String description,
        boolean isRequired,
        boolean isSecret,
        List<String> allowedValues,
        Long minimum,
        Long maximum) {

    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    public static ConfigField string(String name) {
        return new ConfigField(name, FieldType.STRING, null, "", false, false, List.of(), null, null);
    }

    public static ConfigField integer(String name) {
        return new ConfigField(name, FieldType.INTEGER, null, "", false, false, List.of(), null, null);
    }

    public static ConfigField number(String name) {
        return new ConfigField(name, FieldType.NUMBER, null, "", false, false, List.of(), null, null);
    }

    public static ConfigField bool(String name) {
        return new ConfigField(name, FieldType.BOOLEAN, null, "", false, false, List.of(), null, null);
    }

    public static ConfigField list(String name) {
        return new ConfigField(name, FieldType.LIST, null, "", false, false, List.of(), null, null);
    }

    public static ConfigField object(String name) {
        return new ConfigField(name, FieldType.OBJECT, null, "", false, false, List.of(), null, null);
    }

    /** A string field whose value must be one of {@code values} (case-insensitive). */
    public static ConfigField oneOf(String name, String... values) {
        return new ConfigField(name, FieldType.STRING, null, "", false, false, List.of(values), null, null);
    }

    public ConfigField describe(String text) {
        return new ConfigField(name, type, defaultValue, text, isRequired, isSecret, allowedValues, minimum, maximum);
    }

    public ConfigField required() {
        return new ConfigField(name, type, defaultValue, description, true, isSecret, allowedValues, minimum, maximum);
    }

    /** Marks the field as a secret: never printed, returned masked, excluded from logs. */
    public ConfigField secret() {
        return new ConfigField(name, type, defaultValue, description, isRequired, true, allowedValues, minimum, maximum);
    }

    public ConfigField defaultsTo(Object value) {
        return new ConfigField(name, type, value, description, isRequired, isSecret, allowedValues, minimum, maximum);
    }

    public ConfigField between(long min, long max) {
        return new ConfigField(name, type, defaultValue, description, isRequired, isSecret, allowedValues, min, max);
    }

    public ConfigField atLeast(long min) {
        return new ConfigField(name, type, defaultValue, description, isRequired, isSecret, allowedValues, min, maximum);
    }
}
