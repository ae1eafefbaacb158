package io.tributary.rest.declarative;

import io.tributary.connector.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One component of a manifest (a map with an optional {@code type}) with its place, e.g.
 * {@code streams[2].retriever.paginator}, and the {@code $parameters} it inherits: a component's own
 * {@code $parameters} override its parents', and a field the component does not set is read from
 * them, as the CDK propagates parameters.
 */
record Component(Map<String, Object> map, String place, Map<String, Object> parameters) {

    static Component root(Map<String, Object> manifest) {
        return new Component(manifest, "", Map.of());
    }

    /** The component's type: the one written, or {@code defaultType} when it is omitted (the CDK's default for the field). */
    String type(String defaultType) {
        Object type = map.get("type");
        return type == null ? defaultType : String.valueOf(type);
    }

    /**
     * Checks that the component is of one of the supported types, failing at load time otherwise.
     *
     * @return the type
     */
    String expect(String defaultType, Set<String> supported) {
        String type = type(defaultType);
        if (type.isEmpty()) {
            throw new ConfigException(where() + "the component needs a type, one of "
                    + supported.stream().sorted().toList());
        }
        if (type.startsWith("Custom")) {
            throw new ConfigException(where() + type + " needs Python code and is not supported");
        }
        if (!supported.contains(type)) {
            throw new ConfigException(where() + type + " is not supported (yet); supported here: "
                    + supported.stream().sorted().toList());
        }
        return type;
    }

    /** Fails at load time when the component sets a field this runtime does not implement. */
    void unsupportedFields(String... fields) {
        for (String field : fields) {
            if (map.get(field) != null) {
                throw new ConfigException(where() + type("") + "." + field + " is not supported (yet)");
            }
        }
    }

    /** A field, or the inherited parameter of that name when the field is not set. */
    Object get(String key) {
        Object value = map.get(key);
        return value != null ? value : parameters.get(key);
    }

    String string(String key) {
        Object value = get(key);
        return value == null ? null : String.valueOf(value);
    }

    String required(String key) {
        String value = string(key);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(where() + type("") + " needs " + key);
        }
        return value;
    }

    /** A child component, or {@code null} when the field is not set. */
    Component child(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException("manifest: " + path(key) + ": expected a component (a map), got '" + value + "'");
        }
        return of(m, path(key));
    }

    List<Component> children(String key) {
        Object value = map.get(key);
        List<Component> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException("manifest: " + path(key) + ": expected a list of components");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new ConfigException("manifest: " + path(key) + "[" + i + "]: expected a component (a map)");
            }
            out.add(of(m, path(key) + "[" + i + "]"));
        }
        return out;
    }

    /** A map of names to templates (request parameters, headers). */
    Map<String, String> templates(String key) {
        Object value = map.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(
                    "manifest: " + path(key) + ": expected a map of names to values; a template that renders"
                            + " a whole map is not supported (yet)");
        }
        m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }

    private Component of(Map<?, ?> raw, String childPlace) {
        Map<String, Object> copy = new LinkedHashMap<>();
        raw.forEach((k, v) -> copy.put(String.valueOf(k), v));
        Map<String, Object> inherited = new LinkedHashMap<>(parameters);
        if (copy.get("$parameters") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> inherited.put(String.valueOf(k), v));
        }
        return new Component(copy, childPlace, inherited);
    }

    /** {@code parameters} as templates see them, with this component's own {@code $parameters}. */
    Map<String, Object> templateParameters() {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        if (map.get("$parameters") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> all.put(String.valueOf(k), v));
        }
        return all;
    }

    String path(String key) {
        return place.isEmpty() ? key : place + "." + key;
    }

    /** The start of a load-time message: "manifest: streams[0].retriever: ". */
    String where() {
        return "manifest: " + (place.isEmpty() ? "" : place + ": ");
    }
}
