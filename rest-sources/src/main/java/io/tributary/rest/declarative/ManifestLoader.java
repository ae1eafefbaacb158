package io.tributary.rest.declarative;

import io.tributary.connector.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads an Airbyte low-code manifest (YAML) into plain maps and lists, with every reference resolved:
 * {@code $ref: "#/definitions/..."} (a JSON pointer; keys next to the reference override the
 * referenced map's) and the older {@code "*ref(definitions.x)"} strings. A reference cycle or a
 * reference to nothing fails with the place it is written at.
 */
final class ManifestLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ManifestLoader() {}

    static Map<String, Object> load(Path file) {
        Object tree;
        try {
            tree = YAML.readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException("manifest: file not found: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new ConfigException("manifest: cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new ConfigException("manifest: " + file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ")"));
        }
        return parse(tree, file.toString());
    }

    static Map<String, Object> parse(Object tree, String name) {
        if (!(tree instanceof Map<?, ?>)) {
            throw new ConfigException("manifest: " + name + " must be a YAML map with streams, spec and check");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) tree;
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) resolve(root, root, "", new LinkedHashSet<>());
        return resolved;
    }

    private static Object resolve(Object value, Map<String, Object> root, String place, Set<String> resolving) {
        if (value instanceof String s && s.startsWith("*ref(") && s.endsWith(")")) {
            String target = s.substring(5, s.length() - 1).trim();
            return follow("#/" + target.replace('.', '/'), root, place, resolving);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(resolve(list.get(i), root, place + "[" + i + "]", resolving));
            }
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Object ref = map.get("$ref");
        if (ref != null) {
            Object target = follow(String.valueOf(ref), root, place + ".$ref", resolving);
            if (!(target instanceof Map<?, ?> targetMap)) {
                throw new ConfigException("manifest: " + trim(place) + ".$ref: " + ref
                        + " is not a map, so nothing can be merged with it");
            }
            targetMap.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!key.equals("$ref")) {
                out.put(key, resolve(v, root, place + "." + key, resolving));
            }
        });
        return out;
    }

    private static Object follow(String ref, Map<String, Object> root, String place, Set<String> resolving) {
        if (!ref.startsWith("#/")) {
            throw new ConfigException("manifest: " + trim(place)
                    + ": only references into the manifest itself (#/definitions/...)" + " are supported, not " + ref);
        }
        if (!resolving.add(ref)) {
            throw new ConfigException("manifest: " + trim(place) + ": the reference " + ref
                    + " refers back to itself through " + resolving);
        }
        try {
            Object node = root;
            for (String part : ref.substring(2).split("/")) {
                String key = part.replace("~1", "/").replace("~0", "~");
                if (node instanceof Map<?, ?> m && m.containsKey(key)) {
                    node = m.get(key);
                } else if (node instanceof List<?> l && key.matches("\\d+") && Integer.parseInt(key) < l.size()) {
                    node = l.get(Integer.parseInt(key));
                } else {
                    throw new ConfigException("manifest: " + trim(place) + ": the reference " + ref
                            + " points at nothing ('" + key + "' not found)");
                }
            }
            return resolve(node, root, ref.substring(1).replace('/', '.'), resolving);
        } finally {
            resolving.remove(ref);
        }
    }

    private static String trim(String place) {
        return place.startsWith(".") ? place.substring(1) : place;
    }
}
