package io.tributary.writers.parquet;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonColumnCodec;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands a normalized table's rows ({@code Object[]} in column order) to parquet-java. A value its
 * column's Parquet type cannot hold is written as NULL and, as normalization does, recorded in the
 * row's {@code _airbyte_meta} (a change {@code NULLED} with reason {@code DESTINATION_TYPECAST_ERROR}).
 */
final class TableRowWriteSupport extends WriteSupport<Object[]> {

    /** The metadata column normalization records changed values in. */
    static final String META = "_airbyte_meta";

    private final List<ParquetColumn> columns;
    private final MessageType schema;
    private final int metaIndex;
    /** The row as written; never the caller's array, which others (the S3 journal) may be reading. */
    private final Object[] narrowed;

    private RecordConsumer consumer;

    TableRowWriteSupport(TableSchema table, ParquetOptions options) {
        this.columns = ParquetColumn.of(table, options);
        this.schema = ParquetColumn.messageType(table, columns);
        int meta = -1;
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.columns().get(i);
            if (c.isMetadata() && c.type() == ColumnType.JSON && c.name().equals(META)) {
                meta = i;
            }
        }
        this.metaIndex = meta;
        this.narrowed = new Object[columns.size()];
    }

    MessageType schema() {
        return schema;
    }

    /** The columns, for what they counted while writing (values written as NULL). */
    List<ParquetColumn> columns() {
        return columns;
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of("writer.model.name", "tributary"));
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of("writer.model.name", "tributary"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] values) {
        ArrayNode changes = null;
        for (int i = 0; i < narrowed.length; i++) {
            Object value = values[i];
            Object n = value == null ? null : columns.get(i).narrow(value);
            if (n == null && value != null) {
                changes = changes == null ? JsonColumnCodec.MAPPER.createArrayNode() : changes;
                ParquetColumn c = columns.get(i);
                changes.addObject()
                        .put(
                                "field",
                                c.column().path().isEmpty()
                                        ? c.column().name()
                                        : String.join(".", c.column().path()))
                        .put("change", "NULLED")
                        .put("reason", "DESTINATION_TYPECAST_ERROR")
                        .put("message", c.nulledReason(value));
            }
            narrowed[i] = n;
        }
        if (changes != null && metaIndex >= 0) {
            narrowed[metaIndex] = withChanges(values[metaIndex], changes);
        }
        consumer.startMessage();
        for (int i = 0; i < narrowed.length; i++) {
            columns.get(i).emit(consumer, narrowed[i]);
        }
        consumer.endMessage();
    }

    /** {@code meta} (JSON text or tree, or NULL) with {@code changes} appended to its {@code changes}. */
    private static String withChanges(Object meta, ArrayNode changes) {
        JsonNode parsed;
        try {
            parsed = meta instanceof JsonNode node
                    ? node.deepCopy()
                    : meta == null ? null : JsonColumnCodec.MAPPER.readTree(meta.toString());
        } catch (RuntimeException notJson) {
            parsed = null; // normalization writes JSON here; anything else is replaced by the changes alone
        }
        ObjectNode object = parsed instanceof ObjectNode o ? o : JsonColumnCodec.MAPPER.createObjectNode();
        JsonNode existing = object.get("changes");
        ArrayNode all = existing instanceof ArrayNode a ? a : object.putArray("changes");
        all.addAll(changes);
        return JsonColumnCodec.MAPPER.writeValueAsString(object);
    }
}
