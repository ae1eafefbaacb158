package io.tributary.connector.record;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record read from a source stream, and when it was read. It has one of two forms:
 * <ul>
 *   <li><b>typed</b> ({@link #typed}): an array of values by field index of a {@link RecordSchema},
 *       each of a Java type {@link RecordValues} lists: what a database source reads (a
 *       {@code long}, a {@code BigDecimal}, an {@code OffsetDateTime}...). Nothing is formatted to
 *       text along the way: normalization takes the values as they are, and only a destination that
 *       stores JSON encodes them, once ({@link RecordJson}).</li>
 *   <li><b>document</b> ({@link #SourceRecord(ObjectNode, long)}): a JSON object, for sources whose
 *       data is JSON (JSON files, APIs, change events), where properties outside the schema are kept
 *       for the raw table.</li>
 * </ul>
 * Both answer {@link #get(String)} by field name, so normalization reads either the same way.
 * Values keep their exact meaning: decimals are never doubles, date-times keep their offset, and in
 * a document a missing field differs from a JSON null. Records are not changed once read.
 */
public final class SourceRecord {

    private final @Nullable RecordSchema schema;
    private final @Nullable Object @Nullable [] values;
    private final @Nullable ObjectNode document;
    private final long emittedAt;

    private SourceRecord(
            @Nullable RecordSchema schema,
            @Nullable Object @Nullable [] values,
            @Nullable ObjectNode document,
            long emittedAt) {
        this.schema = schema;
        this.values = values;
        this.document = document;
        this.emittedAt = emittedAt;
    }

    /**
     * A document record.
     *
     * @param emittedAt epoch milliseconds, as the Airbyte protocol's {@code emitted_at}
     */
    public SourceRecord(ObjectNode data, long emittedAt) {
        this(null, null, Objects.requireNonNull(data, "data"), emittedAt);
    }

    /**
     * A typed record; {@code values} is taken as it is (not copied) and must not change afterwards.
     *
     * @param emittedAt epoch milliseconds, as the Airbyte protocol's {@code emitted_at}
     */
    public static SourceRecord typed(RecordSchema schema, @Nullable Object[] values, long emittedAt) {
        if (values.length != schema.size()) {
            throw new IllegalArgumentException(
                    "A record of " + schema + " has " + schema.size() + " values, not " + values.length);
        }
        return new SourceRecord(schema, values, null, emittedAt);
    }

    /** True for a typed record, false for a document. */
    public boolean isTyped() {
        return schema != null;
    }

    /** The fields of a typed record; {@code null} for a document. */
    public @Nullable RecordSchema schema() {
        return schema;
    }

    /** The value at a field index of a typed record. */
    public @Nullable Object value(int index) {
        return typedValues()[index];
    }

    /**
     * The value of a top-level field: a typed value, or the document's JSON node; {@code null} when
     * the record has no such field (or, in a typed record, when the value is null).
     */
    public @Nullable Object get(String field) {
        if (document != null) {
            return document.get(field);
        }
        int index = typedSchema().indexOf(field);
        return index < 0 ? null : typedValues()[index];
    }

    /** Epoch milliseconds, as the Airbyte protocol's {@code emitted_at}. */
    public long emittedAt() {
        return emittedAt;
    }

    /**
     * The record as a JSON object: the document itself, or a tree built from the typed values. Costs a
     * tree for typed records: the engine's own path never calls it; tests and rare paths do.
     */
    public ObjectNode data() {
        if (document != null) {
            return document;
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        @Nullable Object[] typed = typedValues();
        for (int i = 0; i < typed.length; i++) {
            tree.set(typedSchema().field(i), RecordValues.toNode(typed[i]));
        }
        return tree;
    }

    /** Writes the record's data as one JSON object. */
    public void writeJson(JsonGenerator out) {
        if (document != null) {
            out.writeTree(document);
            return;
        }
        out.writeStartObject();
        @Nullable Object[] typed = typedValues();
        for (int i = 0; i < typed.length; i++) {
            out.writeName(typedSchema().field(i));
            RecordValues.write(out, typed[i]);
        }
        out.writeEndObject();
    }

    /** About how many bytes the record's JSON takes, counted without encoding it (see {@link RecordValues#jsonSize}). */
    public long jsonSize() {
        if (document != null) {
            return RecordValues.jsonSize(document);
        }
        @Nullable Object[] typed = typedValues();
        long size = typed.length == 0 ? 2 : 1; // braces, and a comma between fields: one fewer than fields
        for (int i = 0; i < typed.length; i++) {
            size += typedSchema().field(i).length() + 4 + RecordValues.jsonSize(typed[i]);
        }
        return size;
    }

    @Override
    public String toString() {
        return "SourceRecord"
                + (document != null ? document.toString() : typedSchema().fields() + "=" + Arrays.toString(values));
    }

    private RecordSchema typedSchema() {
        return Objects.requireNonNull(schema, "a document record has no schema");
    }

    private @Nullable Object[] typedValues() {
        return Objects.requireNonNull(values, "a document record has no values");
    }
}
