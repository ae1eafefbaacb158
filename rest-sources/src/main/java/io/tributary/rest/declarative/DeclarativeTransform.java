package io.tributary.rest.declarative;

import io.tributary.connector.config.ConfigException;
import io.tributary.rest.http.RecordTransform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A manifest's record filter ({@code RecordFilter} with a Jinja {@code condition} over {@code record})
 * and its {@code transformations} ({@code AddFields} with Jinja values read like Python literals,
 * {@code RemoveFields} by field pointers), applied to each record in that order, as the CDK does.
 */
final class DeclarativeTransform implements RecordTransform {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One added field: its path and its value template. */
    private record Added(List<String> path, Object value, String place) {}

    private final Object condition;
    private final String conditionPlace;
    private final List<Added> added;
    private final List<List<String>> removed;
    private final Map<String, Object> variables;
    private final Interpolation interpolation;

    private DeclarativeTransform(
            Object condition,
            String conditionPlace,
            List<Added> added,
            List<List<String>> removed,
            Map<String, Object> variables,
            Interpolation interpolation) {
        this.condition = condition;
        this.conditionPlace = conditionPlace;
        this.added = added;
        this.removed = removed;
        this.variables = variables;
        this.interpolation = interpolation;
    }

    /** The transform of a stream, or {@code null} when it has neither a filter nor transformations. */
    static DeclarativeTransform of(
            Component filter,
            List<Component> transformations,
            Map<String, Object> variables,
            Interpolation interpolation) {
        Object condition = null;
        String conditionPlace = null;
        if (filter != null) {
            filter.expect("RecordFilter", Set.of("RecordFilter"));
            condition = filter.map().get("condition");
            conditionPlace = filter.path("condition");
        }
        List<Added> added = new ArrayList<>();
        List<List<String>> removed = new ArrayList<>();
        for (Component t : transformations) {
            String type = t.expect("", Set.of("AddFields", "RemoveFields"));
            if (type.equals("AddFields")) {
                for (Component field : t.children("fields")) {
                    field.expect("AddedFieldDefinition", Set.of("AddedFieldDefinition"));
                    if (!(field.map().get("path") instanceof List<?> path) || path.isEmpty()) {
                        throw new ConfigException(
                                "manifest: " + field.path("path") + ": expected a list of field names");
                    }
                    field.unsupportedFields("value_type");
                    added.add(new Added(
                            path.stream().map(String::valueOf).toList(),
                            field.map().get("value"),
                            field.path("value")));
                }
            } else {
                t.unsupportedFields("condition");
                if (t.map().get("field_pointers") instanceof List<?> pointers) {
                    for (Object pointer : pointers) {
                        List<String> path = pointer instanceof List<?> p
                                ? p.stream().map(String::valueOf).toList()
                                : List.of(String.valueOf(pointer));
                        if (path.contains("*") || path.contains("**")) {
                            throw new ConfigException(t.where() + "RemoveFields with wildcards is not supported (yet)");
                        }
                        removed.add(path);
                    }
                }
            }
        }
        if (condition == null && added.isEmpty() && removed.isEmpty()) {
            return null;
        }
        return new DeclarativeTransform(condition, conditionPlace, added, removed, variables, interpolation);
    }

    @Override
    public ObjectNode apply(ObjectNode record) {
        if (condition == null && added.isEmpty()) {
            remove(record);
            return record;
        }
        Map<String, Object> vars = new LinkedHashMap<>(variables);
        vars.put("record", Interpolation.plain(record));
        if (condition != null && !interpolation.truthy(condition, vars, conditionPlace)) {
            return null;
        }
        for (Added field : added) {
            ObjectNode parent = record;
            for (String key : field.path().subList(0, field.path().size() - 1)) {
                JsonNode child = parent.get(key);
                parent = child instanceof ObjectNode o ? o : parent.putObject(key);
            }
            Object value = interpolation.literal(field.value(), vars, field.place());
            parent.set(field.path().get(field.path().size() - 1), JSON.valueToTree(value));
        }
        remove(record);
        return record;
    }

    private void remove(ObjectNode record) {
        for (List<String> path : removed) {
            JsonNode parent = record;
            for (String key : path.subList(0, path.size() - 1)) {
                parent = parent.path(key);
            }
            if (parent instanceof ObjectNode o) {
                o.remove(path.get(path.size() - 1));
            }
        }
    }
}
