package io.tributary.text;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What has been observed at one place of the sampled values (the root, a property, the items of an
 * array), widened with every observation. Mutable; confined to one {@link JsonSchemaInference}.
 */
final class InferredType {

    private enum Kind {
        NOTHING_YET,
        SCALAR,
        OBJECT,
        ARRAY
    }

    private Kind kind = Kind.NOTHING_YET;
    private TextType scalar;
    private Map<String, InferredType> properties;
    /** Set when an object had more distinct properties than allowed: it is kept as an opaque JSON object. */
    private boolean opaqueObject;

    private InferredType items;

    void observe(JsonNode value, JsonSchemaInference.Options options) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            observeObject(value, options);
        } else if (value.isArray()) {
            observeArray(value, options);
        } else {
            observeScalar(scalarType(value, options));
        }
    }

    private void observeObject(JsonNode value, JsonSchemaInference.Options options) {
        if (kind == Kind.NOTHING_YET) {
            kind = Kind.OBJECT;
            properties = new LinkedHashMap<>();
        } else if (kind != Kind.OBJECT) {
            becomeString();
            return;
        }
        if (opaqueObject) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            InferredType property = properties.get(field.getKey());
            if (property == null) {
                if (properties.size() >= options.maxProperties()) {
                    // A map keyed by data (ids, dates) rather than a record: its keys are not columns.
                    opaqueObject = true;
                    properties = Map.of();
                    return;
                }
                property = new InferredType();
                properties.put(field.getKey(), property);
            }
            property.observe(field.getValue(), options);
        }
    }

    private void observeArray(JsonNode value, JsonSchemaInference.Options options) {
        if (kind == Kind.NOTHING_YET) {
            kind = Kind.ARRAY;
            items = new InferredType();
        } else if (kind != Kind.ARRAY) {
            becomeString();
            return;
        }
        for (JsonNode element : value) {
            items.observe(element, options);
        }
    }

    private void observeScalar(TextType type) {
        switch (kind) {
            case NOTHING_YET -> {
                kind = Kind.SCALAR;
                scalar = type;
            }
            case SCALAR -> scalar = TextType.widen(scalar, type);
            case OBJECT, ARRAY -> becomeString();
        }
    }

    /** A conflict no narrower type covers: the values are kept, and a destination stores them as text. */
    private void becomeString() {
        kind = Kind.SCALAR;
        scalar = TextType.STRING;
        properties = null;
        items = null;
        opaqueObject = false;
    }

    private static TextType scalarType(JsonNode value, JsonSchemaInference.Options options) {
        if (value.isBoolean()) {
            return TextType.BOOLEAN;
        }
        if (value.isNumber()) {
            // "integer" means 64 bits everywhere downstream; larger whole numbers are decimals.
            return value.isIntegralNumber() && value.canConvertToLong() ? TextType.INTEGER : TextType.NUMBER;
        }
        if (value.isString()) {
            String text = value.asString();
            if (options.typesFromText()) {
                return TextType.detect(text);
            }
            return options.stringFormats() ? TextType.detectFormat(text) : TextType.STRING;
        }
        return TextType.STRING;
    }

    boolean isObjectOrNothing() {
        return kind == Kind.OBJECT || kind == Kind.NOTHING_YET;
    }

    /** The properties of a root object, in the order they were first seen. */
    ObjectNode propertiesSchema() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (properties != null) {
            properties.forEach((name, type) -> out.set(name, type.schema()));
        }
        return out;
    }

    /** The nullable property schema of everything observed here. */
    ObjectNode schema() {
        return switch (kind) {
            // Only nulls seen: string is the type every value can later be kept as.
            case NOTHING_YET -> TextType.STRING.schema();
            case SCALAR -> scalar.schema();
            case OBJECT -> {
                ObjectNode schema = TextType.OBJECT.schema();
                if (!opaqueObject) {
                    schema.set("properties", propertiesSchema());
                }
                yield schema;
            }
            case ARRAY -> {
                ObjectNode schema = TextType.ARRAY.schema();
                schema.set("items", items.schema());
                yield schema;
            }
        };
    }
}
