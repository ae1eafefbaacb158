package io.tributary.writers.parquet;

import java.util.List;
import java.util.Map;

import io.tributary.connector.schema.TableSchema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Hands a normalized table's rows ({@code Object[]} in column order) to parquet-java. */
final class TableRowWriteSupport extends WriteSupport<Object[]> {

    private final List<ParquetColumn> columns;
    private final MessageType schema;
    private RecordConsumer consumer;

    TableRowWriteSupport(TableSchema table, ParquetOptions options) {
        this.columns = ParquetColumn.of(table, options);
        this.schema = ParquetColumn.messageType(table, columns);
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
        consumer.startMessage();
        for (ParquetColumn column : columns) {
            column.write(consumer, values);
        }
        consumer.endMessage();
    }
}
