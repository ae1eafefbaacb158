package io.tributary.normalization;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The normalizer of one stream: flattens nested objects into prefixed columns and unnests arrays of
 * objects into child tables, following a plan made once from the stream's JSON Schema
 * ({@link StreamPlanner}). Per record it only walks the record along the plan and converts values.
 *
 * <p>Rows: the record's row, then for each child-table array in schema order each object item's row
 * followed by its own child rows (null items make no row). A value that does not fit its column
 * becomes NULL and is recorded in the row's {@code _airbyte_meta}; properties absent from the schema
 * are left out (the raw record keeps them).
 *
 * <p>Hashids ({@link io.tributary.normalization.hashid.HashIdBuilder}): the hashid of the record's row
 * covers, in schema order, the value of each data column and the whole array of each child table, as
 * the record has them (so the same record always gets the same hashid, and a value that was NULLED
 * still counts); a child row's covers its parent's hashid, its 0-based position in the array, then
 * its own values the same way, so equal items of one array stay apart.
 *
 * <p>Thread-safe: a multi-threaded step may share one instance.
 */
final class FlatteningNormalizer implements StreamNormalizer {

    private static final ThreadLocal<RowState> ROW_STATE = ThreadLocal.withInitial(RowState::new);

    private final StreamTables tables;
    private final TablePlan root;
    private final Clock clock;
    private volatile Stamp lastEmittedAt = new Stamp(Long.MIN_VALUE, null);
    private volatile Stamp lastNormalizedAt = new Stamp(Long.MIN_VALUE, null);

    private FlatteningNormalizer(StreamTables tables, TablePlan root, Clock clock) {
        this.tables = tables;
        this.root = root;
        this.clock = clock;
    }

    /**
     * Plans a stream's normalization.
     *
     * @throws io.tributary.normalization.schema.InvalidStreamSchemaException when the stream's schema
     *         or primary key cannot be normalized
     */
    static FlatteningNormalizer plan(ConfiguredStream stream, NormalizationOptions options) {
        StreamPlanner planner = new StreamPlanner(stream, options);
        TablePlan root = planner.plan();
        return new FlatteningNormalizer(new StreamTables(planner.tables()), root, options.clock());
    }

    @Override
    public StreamTables tables() {
        return tables;
    }

    @Override
    public NormalizedRecord process(SourceRecord record) {
        String abId = RecordIds.next();
        RecordStamps stamps = new RecordStamps(abId, emittedAt(record.emittedAt()), normalizedAt());
        List<TableRow> rows = new ArrayList<>(tables.tables().size() + 2);
        emit(root, record, null, 0, stamps, ROW_STATE.get(), rows);
        return new NormalizedRecord(record, abId, rows);
    }

    /** @param object the record (its own row) or a child table's JSON object */
    private static void emit(
            TablePlan plan,
            Object object,
            String parentHashId,
            int position,
            RecordStamps stamps,
            RowState state,
            List<TableRow> rows) {
        Object[] values = new Object[plan.width];
        JsonNode[] arrays = plan.children.length == 0 ? null : new JsonNode[plan.children.length];
        state.begin(values, arrays);
        if (parentHashId != null) {
            values[plan.parentHashIdIndex] = parentHashId;
            state.hash.addString(parentHashId);
            state.hash.addLong(position);
        }
        if (object instanceof SourceRecord record) {
            for (FieldPlan field : plan.fields) {
                field.apply(record.get(field.property), state);
            }
        } else {
            JsonNode node = (JsonNode) object;
            for (FieldPlan field : plan.fields) {
                field.apply(node.get(field.property), state);
            }
        }
        String hashId = state.hash.finish();
        values[plan.abIdIndex] = stamps.abId();
        values[plan.emittedAtIndex] = stamps.emittedAt();
        values[plan.normalizedAtIndex] = stamps.normalizedAt();
        values[plan.hashIdIndex] = hashId;
        values[plan.metaIndex] = state.meta();
        rows.add(new TableRow(plan.schema, values));
        if (arrays == null) {
            return;
        }
        for (int c = 0; c < arrays.length; c++) {
            JsonNode array = arrays[c];
            if (array == null) {
                continue;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isObject()) {
                    emit(plan.children[c], item, hashId, i, stamps, state, rows);
                }
            }
        }
    }

    private OffsetDateTime emittedAt(long millis) {
        Stamp last = lastEmittedAt;
        if (last.millis != millis) {
            last = new Stamp(millis, OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
            lastEmittedAt = last;
        }
        return last.value;
    }

    private OffsetDateTime normalizedAt() {
        long millis = clock.millis();
        Stamp last = lastNormalizedAt;
        if (last.millis != millis) {
            last = new Stamp(millis, OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
            lastNormalizedAt = last;
        }
        return last.value;
    }

    /** A timestamp and its value, cached because consecutive records mostly share the millisecond. */
    private record Stamp(long millis, OffsetDateTime value) {}

    /** The metadata every row of one record carries. */
    private record RecordStamps(String abId, OffsetDateTime emittedAt, OffsetDateTime normalizedAt) {}
}
