package io.tributary.normalization.schema;

import io.tributary.connector.schema.ColumnType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a stream's JSON Schema says about one field, reduced to what normalization needs: a typed
 * scalar, an object with properties, an array with an item schema, or any JSON value kept whole.
 * Union types ({@code ["null", "integer"]}, {@code anyOf}, {@code oneOf}) are already merged.
 */
public sealed interface FieldSchema {

    /** A scalar that becomes one typed column; {@code precision}/{@code scale} only for {@link ColumnType#NUMBER}. */
    record Scalar(ColumnType type, Integer precision, Integer scale) implements FieldSchema {
        public Scalar {
            Objects.requireNonNull(type, "type");
        }

        public static Scalar of(ColumnType type) {
            return new Scalar(type, null, null);
        }
    }

    /** An object; its properties in the order the schema declares them. */
    record ObjectOf(Map<String, FieldSchema> properties) implements FieldSchema {
        public ObjectOf {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }

    /** An array; {@code items} describes every element. */
    record ArrayOf(FieldSchema items) implements FieldSchema {
        public ArrayOf {
            Objects.requireNonNull(items, "items");
        }
    }

    /** Any JSON value (no type, mixed containers, tuples): kept whole as a JSON column. */
    record AnyJson() implements FieldSchema {}

    /** The one {@link AnyJson} instance. */
    FieldSchema ANY_JSON = new AnyJson();
}
