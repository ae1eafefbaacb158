package io.tributary.rest.simple;

import io.tributary.connector.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A nested map of settings (an endpoint, an authentication) with its place in the configuration,
 * read with messages that name that place, e.g. {@code endpoints[1].pagination.page_size}.
 * Values are never quoted in messages: they may be secrets.
 */
record Nested(Map<String, Object> values, String place) {

    static Nested of(Map<?, ?> raw, String place) {
        return new Nested(copy(raw), place);
    }

    private static Map<String, Object> copy(Map<?, ?> raw) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> copy.put(String.valueOf(k), v));
        }
        return copy;
    }

    void onlyKeys(Set<String> known) {
        List<String> unknown =
                values.keySet().stream().filter(k -> !known.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException(unknown.stream()
                    .map(k -> place + "." + k + ": unknown setting; known settings are " + new TreeSet<>(known))
                    .toList());
        }
    }

    String required(String key) {
        String value = optional(key);
        if (value == null) {
            throw new ConfigException(place + "." + key + ": required setting is missing");
        }
        return value;
    }

    /** A text setting, {@code null} when missing or empty. */
    String optional(String key) {
        Object value = values.get(key);
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new ConfigException(
                    place + "." + key + ": expected a text value, not a " + (value instanceof Map ? "map" : "list"));
        }
        String s = value == null ? null : String.valueOf(value);
        return s == null || s.isEmpty() ? null : s;
    }

    String string(String key, String fallback) {
        String value = optional(key);
        return value == null ? fallback : value;
    }

    Long optionalLong(String key) {
        String value = optional(key);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new ConfigException(place + "." + key + ": must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(place + "." + key + ": '" + value + "' is not a whole number");
        }
    }

    long longValue(String key, long fallback) {
        Long n = optionalLong(key);
        return n == null ? fallback : n;
    }

    Nested map(String key) {
        Object value = values.get(key);
        if (value == null) {
            return new Nested(new LinkedHashMap<>(), place + "." + key);
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(place + "." + key + ": expected a map of settings");
        }
        return of(m, place + "." + key);
    }

    /** A map of names to text (templates), e.g. query parameters; numbers and booleans are written as text. */
    Map<String, String> stringMap(String key) {
        return map(key).stringMapOfSelf();
    }

    Map<String, String> stringMapOfSelf() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw new ConfigException(place + "." + k + ": expected a text value (a template is fine), not a "
                        + (v instanceof Map ? "map" : "list"));
            }
            out.put(k, v == null ? "" : String.valueOf(v));
        });
        return out;
    }

    /** A field path: {@code data.items} or a list {@code [data, items]}; empty for none. */
    static List<String> path(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String s = String.valueOf(value).trim();
        return s.isEmpty() ? List.of() : Arrays.stream(s.split("\\.")).toList();
    }

    /** {@code id}, {@code [tenant, id]} or {@code [[tenant], [id]]}. */
    static List<List<String>> primaryKey(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return List.of(List.of(String.valueOf(value)));
        }
        List<List<String>> key = new ArrayList<>();
        for (Object part : list) {
            key.add(
                    part instanceof List<?> p
                            ? p.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(part)));
        }
        return key;
    }
}
