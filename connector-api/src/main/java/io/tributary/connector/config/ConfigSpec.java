package io.tributary.connector.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The declared configuration of one connector: an ordered list of {@link ConfigField}s. Turns raw
 * values (from YAML or the API) into a validated {@link ConnectorConfig}, publishes the JSON Schema
 * for {@code spec}, and masks secrets.
 */
public final class ConfigSpec {

    /** What a secret is shown as, everywhere. */
    public static final String MASK = "**********";

    private final String title;
    private final Map<String, ConfigField<?>> fields;

    private ConfigSpec(String title, List<ConfigField<?>> fields) {
        this.title = title;
        Map<String, ConfigField<?>> byName = new LinkedHashMap<>();
        for (ConfigField<?> field : fields) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException("Field declared twice: " + field.name());
            }
        }
        this.fields = Map.copyOf(byName);
        this.order = List.copyOf(fields);
    }

    private final List<ConfigField<?>> order;

    public static ConfigSpec of(String title, ConfigField<?>... fields) {
        return new ConfigSpec(title, Arrays.asList(fields));
    }

    public String title() {
        return title;
    }

    public List<ConfigField<?>> fields() {
        return order;
    }

    /** Whether {@code field} is one of this spec's own declarations. */
    public boolean declares(ConfigField<?> field) {
        return fields.get(field.name()) == field;
    }

    public boolean isSecret(String name) {
        ConfigField<?> field = fields.get(name);
        return field != null && field.isSecret();
    }

    /**
     * Validates and converts raw values.
     *
     * @param raw the values as given (strings, numbers, booleans, lists, maps)
     * @param place where the values came from, used as the prefix of every message, e.g. {@code sources.shop.config}
     * @throws ConfigException listing every problem found, not only the first
     */
    public ConnectorConfig validate(@Nullable Map<String, ?> raw, String place) {
        Map<String, ?> input = raw == null ? Map.of() : raw;
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : input.keySet()) {
            if (!fields.containsKey(key)) {
                problems.add(place + "." + key + ": unknown field; known fields are "
                        + order.stream().map(ConfigField::name).toList());
            }
        }
        for (ConfigField<?> field : order) {
            Object value = input.get(field.name());
            if (value == null || (value instanceof String s && s.isEmpty() && field.type() != FieldType.STRING)) {
                if (field.isRequired() && field.defaultValue() == null) {
                    problems.add(place + "." + field.name() + ": required field is missing"
                            + (field.description().isEmpty() ? "" : " (" + field.description() + ")"));
                    continue;
                }
                value = field.defaultValue();
                if (value == null) {
                    continue;
                }
            }
            try {
                values.put(field.name(), convert(field, value));
            } catch (IllegalArgumentException e) {
                problems.add(place + "." + field.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ConnectorConfig(this, values);
    }

    private static Object convert(ConfigField<?> field, Object value) {
        return switch (field.type()) {
            case STRING -> {
                // A structured value (a JSON Schema given as YAML, say) keeps its meaning as JSON text.
                String s = value instanceof Map<?, ?> || value instanceof java.util.Collection<?>
                        ? MAPPER.writeValueAsString(value)
                        : String.valueOf(value);
                if (!field.allowedValues().isEmpty()) {
                    String match = field.allowedValues().stream()
                            .filter(v -> v.equalsIgnoreCase(s))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "'" + s + "' is not allowed; use one of " + field.allowedValues() + hint(field)));
                    yield match;
                }
                yield s;
            }
            case INTEGER -> {
                long n;
                if (value instanceof Number num
                        && !(value instanceof Double)
                        && !(value instanceof Float)
                        && !(value instanceof BigDecimal)) {
                    n = num.longValue();
                } else {
                    try {
                        n = Long.parseLong(String.valueOf(value).trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + value + "' is not a whole number");
                    }
                }
                if (field.minimum() != null
                        && field.maximum() != null
                        && (n < field.minimum() || n > field.maximum())) {
                    throw new IllegalArgumentException("'" + n + "' is out of range; use a whole number from "
                            + field.minimum() + " to " + field.maximum()
                            + (field.description().isEmpty() ? "" : " (" + field.description() + ")"));
                }
                if (field.minimum() != null && n < field.minimum()) {
                    throw new IllegalArgumentException(
                            n + " is too small; the minimum is " + field.minimum() + hint(field));
                }
                if (field.maximum() != null && n > field.maximum()) {
                    throw new IllegalArgumentException(n + " is too large; the maximum is " + field.maximum());
                }
                yield n;
            }
            case NUMBER -> {
                try {
                    yield new BigDecimal(String.valueOf(value).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a number");
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                String s = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("yes") || s.equals("on")) {
                    yield true;
                }
                if (s.equals("false") || s.equals("no") || s.equals("off")) {
                    yield false;
                }
                throw new IllegalArgumentException("'" + value + "' is not true or false");
            }
            case LIST -> {
                if (value instanceof List<?> list) {
                    yield list.stream().map(String::valueOf).toList();
                }
                String s = String.valueOf(value).trim();
                yield s.isEmpty()
                        ? List.of()
                        : Arrays.stream(s.split(",")).map(String::trim).toList();
            }
            case ITEMS -> {
                if (value instanceof List<?> list) {
                    yield java.util.Collections.unmodifiableList(new ArrayList<Object>(list));
                }
                if (value instanceof Map<?, ?>) {
                    throw new IllegalArgumentException("expected a list, got a map");
                }
                yield List.of(value); // a single item
            }
            case OBJECT -> {
                if (value instanceof Map<?, ?> map) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    yield java.util.Collections.unmodifiableMap(copy);
                }
                throw new IllegalArgumentException("expected a map of settings, got '" + value + "'" + hint(field));
            }
        };
    }

    /** What a field is for, after a message about its value: " (description)", or nothing. */
    private static String hint(ConfigField<?> field) {
        return field.description().isEmpty() ? "" : " (" + field.description() + ")";
    }

    /** The JSON Schema of this configuration, as {@code spec} publishes it. Secrets carry {@code airbyte_secret}. */
    public ObjectNode toJsonSchema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode schema = f.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", title);
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        int order = 0;
        for (ConfigField<?> field : this.order) {
            ObjectNode p = properties.putObject(field.name());
            p.put("type", field.type().jsonType());
            if (field.type() == FieldType.LIST) {
                p.putObject("items").put("type", "string");
            }
            if (!field.description().isEmpty()) {
                p.put("description", field.description());
            }
            if (field.defaultValue() != null) {
                p.set("default", MAPPER.valueToTree(field.defaultValue()));
            }
            if (!field.allowedValues().isEmpty()) {
                ArrayNode e = p.putArray("enum");
                field.allowedValues().forEach(e::add);
            }
            if (field.minimum() != null) {
                p.put("minimum", field.minimum());
            }
            if (field.maximum() != null) {
                p.put("maximum", field.maximum());
            }
            if (field.isSecret()) {
                p.put("airbyte_secret", true);
            }
            p.put("order", order++);
            if (field.isRequired() && field.defaultValue() == null) {
                required.add(field.name());
            }
        }
        return schema;
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A copy of {@code raw} in which every secret field's value is replaced by {@link #MASK}. */
    public Map<String, Object> mask(@Nullable Map<String, ?> raw) {
        Map<String, Object> masked = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> masked.put(k, isSecret(k) && v != null ? MASK : v));
        }
        return masked;
    }
}
