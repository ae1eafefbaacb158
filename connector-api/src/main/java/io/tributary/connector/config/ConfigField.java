package io.tributary.connector.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One configuration field of a connector, declared once, in the spirit of Debezium's {@code Field}.
 * The connector's {@code spec}, the validation messages and the masking of secrets in logs and output
 * are all derived from it, and the connector reads its value through it ({@link #get}), typed: a
 * field is never looked up again by its name.
 *
 * <p>Declared with a small fluent API: {@code ConfigField.string("host").required().describe("...")};
 * a field whose value is one of a few words is an enum that names its own spellings
 * ({@link #choice(String, Class)}, {@link Choice}).
 *
 * @param <T> the Java type of the value: {@code String}, {@code Long}, {@code BigDecimal},
 *     {@code Boolean}, {@code List<String>}, {@code Map<String, Object>} or an enum
 * @param enumType for a {@link #choice} field, the enum its values parse to; {@code null} otherwise
 */
public record ConfigField<T>(
        String name,
        FieldType type,
        @Nullable Object defaultValue,
        String description,
        boolean isRequired,
        boolean isSecret,
        List<String> allowedValues,
        @Nullable Long minimum,
        @Nullable Long maximum,
        @Nullable Class<?> enumType) {

    /** An enum whose constants are the values of a {@link #choice} field, each with its setting spelling. */
    public interface Choice {
        /** How the value is written in a connections file, e.g. {@code verify-full}. */
        String settingValue();
    }

    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    private static <T> ConfigField<T> of(String name, FieldType type) {
        return new ConfigField<>(name, type, null, "", false, false, List.of(), null, null, null);
    }

    public static ConfigField<String> string(String name) {
        return of(name, FieldType.STRING);
    }

    public static ConfigField<Long> integer(String name) {
        return of(name, FieldType.INTEGER);
    }

    public static ConfigField<BigDecimal> number(String name) {
        return of(name, FieldType.NUMBER);
    }

    public static ConfigField<Boolean> bool(String name) {
        return of(name, FieldType.BOOLEAN);
    }

    public static ConfigField<List<String>> list(String name) {
        return of(name, FieldType.LIST);
    }

    public static ConfigField<Map<String, Object>> object(String name) {
        return of(name, FieldType.OBJECT);
    }

    /** A list whose items are kept as given (strings, maps, lists), each validated by the caller. */
    public static ConfigField<List<Object>> items(String name) {
        return of(name, FieldType.ITEMS);
    }

    /** A string field whose value must be one of {@code values} (case-insensitive). */
    public static ConfigField<String> oneOf(String name, String... values) {
        return new ConfigField<>(name, FieldType.STRING, null, "", false, false, List.of(values), null, null, null);
    }

    /** A field whose value is one of an enum's constants, written as their {@link Choice#settingValue()} (any case). */
    public static <E extends Enum<E> & Choice> ConfigField<E> choice(String name, Class<E> type) {
        List<String> values =
                Arrays.stream(type.getEnumConstants()).map(Choice::settingValue).toList();
        return new ConfigField<>(name, FieldType.STRING, null, "", false, false, values, null, null, type);
    }

    public ConfigField<T> describe(String text) {
        return new ConfigField<>(
                name, type, defaultValue, text, isRequired, isSecret, allowedValues, minimum, maximum, enumType);
    }

    public ConfigField<T> required() {
        return new ConfigField<>(
                name, type, defaultValue, description, true, isSecret, allowedValues, minimum, maximum, enumType);
    }

    /** Marks the field as a secret: never printed, returned masked, excluded from logs. */
    public ConfigField<T> secret() {
        return new ConfigField<>(
                name, type, defaultValue, description, isRequired, true, allowedValues, minimum, maximum, enumType);
    }

    /** The value when none is given; for a {@link #choice} field, a constant or its spelling. */
    public ConfigField<T> defaultsTo(Object value) {
        Object stored = value instanceof Choice choice ? choice.settingValue() : value;
        return new ConfigField<>(
                name, type, stored, description, isRequired, isSecret, allowedValues, minimum, maximum, enumType);
    }

    public ConfigField<T> between(long min, long max) {
        return new ConfigField<>(
                name, type, defaultValue, description, isRequired, isSecret, allowedValues, min, max, enumType);
    }

    public ConfigField<T> atLeast(long min) {
        return new ConfigField<>(
                name, type, defaultValue, description, isRequired, isSecret, allowedValues, min, maximum, enumType);
    }

    /**
     * This field's value in a validated configuration (its default when not given), typed; {@code null}
     * when it has neither a value nor a default. A list or map field without a value is empty.
     *
     * @throws IllegalArgumentException when {@code config} was not validated with a spec that declares this field
     */
    @SuppressWarnings("unchecked")
    public @Nullable T get(ConnectorConfig config) {
        if (!config.spec().declares(this)) {
            throw new IllegalArgumentException(
                    "Field '" + name + "' is not declared by " + config.spec().title());
        }
        Object value = config.values().get(name);
        if (value == null) {
            return (T)
                    switch (type) {
                        case LIST, ITEMS -> List.of();
                        case OBJECT -> Map.of();
                        default -> null;
                    };
        }
        if (enumType != null) {
            for (Object constant : enumType.getEnumConstants()) {
                if (((Choice) constant).settingValue().equalsIgnoreCase((String) value)) {
                    return (T) constant;
                }
            }
            throw new IllegalStateException("'" + value + "' is no " + enumType.getSimpleName());
        }
        return (T) value;
    }

    /** This field's value, empty when it has none or it is an empty string. */
    public Optional<T> optional(ConnectorConfig config) {
        T value = get(config);
        return value instanceof String s && s.isEmpty() ? Optional.empty() : Optional.ofNullable(value);
    }

    /** An integer field's value as an {@code int}. */
    public int intValue(ConnectorConfig config) {
        Object value = get(config);
        if (!(value instanceof Long n)) {
            throw new IllegalStateException("Field '" + name + "' has no whole-number value");
        }
        return Math.toIntExact(n);
    }
}
