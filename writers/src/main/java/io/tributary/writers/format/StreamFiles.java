package io.tributary.writers.format;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import java.util.List;

/**
 * The tables a file destination (local, S3) writes for one stream, and the rows of each record.
 * Normalized streams write their normalized tables. A stream loaded raw only (normalization mode
 * raw) writes one table named after the stream whose rows are the raw records as Airbyte's S3
 * destination wrote them: {@code _airbyte_ab_id}, {@code _airbyte_emitted_at} (epoch milliseconds)
 * and {@code _airbyte_data} (the record as JSON: the row holds the {@link io.tributary.connector.record.SourceRecord},
 * which the writer encodes once).
 */
public final class StreamFiles {

    public static final String AB_ID = "_airbyte_ab_id";
    public static final String EMITTED_AT = "_airbyte_emitted_at";
    public static final String DATA = "_airbyte_data";

    private final List<TableSchema> tables;
    private final TableSchema raw;

    public StreamFiles(StreamTables streamTables) {
        if (streamTables.isRawOnly()) {
            raw = new TableSchema(
                    streamTables.name(),
                    streamTables.namespace(),
                    List.of(
                            Column.metadata(AB_ID, ColumnType.STRING),
                            Column.metadata(EMITTED_AT, ColumnType.INTEGER),
                            Column.metadata(DATA, ColumnType.JSON)),
                    List.of(),
                    null);
            tables = List.of(raw);
        } else {
            raw = null;
            tables = streamTables.tables();
        }
    }

    /** The tables to write, the stream's own first. */
    public List<TableSchema> tables() {
        return tables;
    }

    /** The rows {@code record} adds to the files: its normalized rows, or its raw record. */
    public List<TableRow> rows(NormalizedRecord record) {
        if (raw == null) {
            return record.rows();
        }
        // The record itself stands for its JSON: the file writer encodes it once, straight from its values.
        return List.of(
                new TableRow(raw, new Object[] {record.abId(), record.source().emittedAt(), record.source()}));
    }
}
