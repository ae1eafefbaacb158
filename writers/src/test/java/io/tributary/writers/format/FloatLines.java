package io.tributary.writers.format;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonColumnCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Lines file of floats ({@code {"id": 7, "ratio": 0.11666666666666667}}) and its rows as
 * normalization hands them to a loader: JSON Schema {@code integer} as Long, {@code number} (no
 * declared precision) as the exact BigDecimal of the JSON text, as normalization's converters read it.
 */
public final class FloatLines {

    public static final TableSchema TABLE = new TableSchema(
            "readings",
            "lab",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("ratio", ColumnType.NUMBER),
                    Column.metadata("_airbyte_ab_id", ColumnType.STRING)),
            List.of("id"),
            null);
    public static final StreamTables TABLES = new StreamTables(List.of(TABLE));

    private FloatLines() {}

    /** Writes {@code count} lines whose ratio is {@code id / 60.0} (0.016666666666666666 for id 1) and returns their sum. */
    public static double write(Path file, int count) {
        StringBuilder lines = new StringBuilder();
        double sum = 0;
        for (int id = 0; id < count; id++) {
            double ratio = id / 60.0;
            sum += ratio;
            lines.append("{\"id\":")
                    .append(id)
                    .append(",\"ratio\":")
                    .append(ratio)
                    .append("}\n");
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    /** The file's records, normalized, in chunks of {@code chunkSize}. */
    public static List<List<NormalizedRecord>> read(Path file, int chunkSize) {
        List<List<NormalizedRecord>> chunks = new ArrayList<>();
        List<NormalizedRecord> chunk = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode data = JsonColumnCodec.MAPPER.readTree(line);
                long id = data.get("id").longValue();
                BigDecimal ratio = data.get("ratio").decimalValue();
                String abId = "ab-" + id;
                chunk.add(new NormalizedRecord(
                        new SourceRecord((ObjectNode) data, 0L),
                        abId,
                        List.of(new TableRow(TABLE, new Object[] {id, ratio, abId}))));
                if (chunk.size() == chunkSize) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
