package io.tributary.writers.jsonl;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.CountingOutputStream;
import io.tributary.writers.format.TableFileWriter;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/** Writes a table's rows as JSON Lines: one JSON object of the table's columns per line. */
public final class JsonLinesTableWriter implements TableFileWriter {

    private final List<Column> columns;
    private final SerializableString[] names;
    private final CountingOutputStream out;
    private final JsonGenerator generator;
    private long rows;

    public JsonLinesTableWriter(TableSchema table, OutputStream out) {
        this.columns = table.columns();
        this.names = columns.stream().map(c -> new SerializedString(c.name())).toArray(SerializableString[]::new);
        this.out = new CountingOutputStream(out);
        this.generator = JsonColumnCodec.MAPPER.createGenerator(this.out);
    }

    @Override
    public void write(Object[] values) {
        generator.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            generator.writeName(names[i]);
            JsonColumnCodec.write(generator, columns.get(i).type(), values[i]);
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytesWritten() {
        generator.flush();
        return out.count();
    }

    @Override
    public void close() {
        generator.close();
    }
}
