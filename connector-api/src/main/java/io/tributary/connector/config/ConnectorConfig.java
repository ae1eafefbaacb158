package io.tributary.connector.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A validated, immutable connector configuration: values already converted to their declared
 * types, defaults applied. {@link #toString()} never shows a secret.
 */
public final class ConnectorConfig {

    private final ConfigSpec spec;
    private final Map<String, Object> values;

    ConnectorConfig(ConfigSpec spec, Map<String, Object> values) {
        this.spec = spec;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public ConfigSpec spec() {
        return spec;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public @Nullable String string(String name) {
        return (String) values.get(name);
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(string(name)).filter(s -> !s.isEmpty());
    }

    public long integer(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("No value and no default for " + name);
        }
        return (Long) v;
    }

    public int intValue(String name) {
        return Math.toIntExact(integer(name));
    }

    public @Nullable BigDecimal number(String name) {
        return (BigDecimal) values.get(name);
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        return v != null && (Boolean) v;
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object v = values.get(name);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    /** All values as given to the connector, secrets in clear: never log this map. */
    public Map<String, Object> values() {
        return values;
    }

    /** All values with secrets masked: safe for logs and API responses. */
    public Map<String, Object> masked() {
        return spec.mask(values);
    }

    @Override
    public String toString() {
        return masked().toString();
    }
}
