package io.tributary.readers.postgres.cdc;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.record.RecordSchema;
import io.tributary.connector.record.SourceRecord;
import io.tributary.readers.postgres.shared.SourceAccess.TransactionStart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The snapshot phase: the initial copy of the table, read by the source's own resumable full read
 * (so rows look exactly as a full refresh would give them) inside one snapshot: the slot's exported
 * snapshot on the first run, a new one when a restart continues an unfinished copy (see
 * {@link SlotStartup}). Each row becomes a CDC record with the snapshot's {@code _ab_cdc_lsn} and
 * {@code _ab_cdc_updated_at}. The full read saves its own position in the ExecutionContext, so a
 * restart continues after the last committed row.
 */
final class SnapshotPhase {

    private final CaptureScope scope;
    private final ItemStreamReader<SourceRecord> copy;
    /** The copy's record fields, and the same with the change fields after them (planned at the first row). */
    private RecordSchema copiedFields;

    private RecordSchema cdcFields;
    private long records;

    private SnapshotPhase(CaptureScope scope, ItemStreamReader<SourceRecord> copy) {
        this.scope = scope;
        this.copy = copy;
    }

    /**
     * Opens the copy where {@code context} says it stands.
     *
     * @param start the read transaction's first statement, run before the copy reads anything
     */
    static SnapshotPhase open(CaptureScope scope, ExecutionContext context, TransactionStart start) {
        ConfiguredStream stream = scope.stream;
        ConfiguredStream fullRead = new ConfiguredStream(
                stream.stream(),
                SyncMode.FULL_REFRESH,
                DestinationSyncMode.APPEND,
                List.of(),
                stream.primaryKey(),
                stream.destinationNamespace(),
                stream.destinationName());
        ItemStreamReader<SourceRecord> copy = scope.access.snapshotReader(fullRead, start);
        copy.open(context);
        return new SnapshotPhase(scope, copy);
    }

    /**
     * The full read's saved key from the previous sync, for a copy that a failed sync left
     * unfinished: the previous sync's state holds it under the full read's keys.
     */
    static ExecutionContext fullRefreshState(String streamName, Map<String, Object> state) {
        ExecutionContext copy = new ExecutionContext();
        String prefix = streamName + ".full_refresh.";
        state.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /**
     * The next row as a CDC record, or {@code null} once the copy is complete.
     *
     * @param position the capture's position; its snapshot LSN and time mark every copied row
     */
    SourceRecord read(CdcPosition position) {
        SourceRecord row = next();
        if (row == null) {
            return null;
        }
        records++;
        if (row.isTyped()) {
            // The copied row's typed values plus the three change fields: no tree is built.
            RecordSchema fields = row.schema();
            if (fields != copiedFields) {
                copiedFields = fields;
                List<String> names = new ArrayList<>(fields.fields());
                names.addAll(List.of(CdcCatalog.LSN, CdcCatalog.UPDATED_AT, CdcCatalog.DELETED_AT));
                cdcFields = RecordSchema.of(names);
            }
            Object[] values = new Object[fields.size() + 3];
            for (int i = 0; i < fields.size(); i++) {
                values[i] = row.value(i);
            }
            values[fields.size()] = position.snapshotLsn().value();
            values[fields.size() + 1] = position.snapshotAt();
            return SourceRecord.typed(cdcFields, values, row.emittedAt());
        }
        ObjectNode data = row.data();
        data.put(CdcCatalog.LSN, position.snapshotLsn().value());
        data.put(CdcCatalog.UPDATED_AT, position.snapshotAt());
        data.putNull(CdcCatalog.DELETED_AT);
        return new SourceRecord(data, row.emittedAt());
    }

    private SourceRecord next() {
        try {
            return copy.read();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ItemStreamException(scope.where + ": reading the initial copy failed: " + e.getMessage(), e);
        }
    }

    /** Rows copied by this run (a restarted copy counts only its own). */
    long records() {
        return records;
    }

    /** Saves the copy's position (its last key) with the chunk. */
    void update(ExecutionContext context) {
        copy.update(context);
    }

    /** Ends a complete copy: its transaction, and with it the snapshot, ends. */
    void finish() {
        copy.close();
    }

    /** Ends the copy on the way out (a failure or the step's end); errors do not matter then. */
    void close() {
        try {
            copy.close();
        } catch (RuntimeException ignored) {
            // closing its connection ends the snapshot anyway
        }
    }
}
