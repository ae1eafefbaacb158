package io.tributary.writers.local;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.contract.WriterRestartContract;
import io.tributary.writers.parquet.DuckDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class LocalDestinationParquetRestartTest extends WriterRestartContract {

    @TempDir
    Path root;

    @Override
    protected StreamLoader loader(ConfiguredStream stream, StreamTables tables, LoadContext context) {
        LocalDestination destination = new LocalDestination();
        return destination.loader(
                destination
                        .spec()
                        .validate(
                                Map.of(
                                        "destination_path",
                                        root.toString(),
                                        "format",
                                        "parquet",
                                        "compression_codec",
                                        "snappy"),
                                "test"),
                stream,
                tables,
                context);
    }

    @Override
    protected List<Long> visibleIds(TableSchema table) {
        Path dir = root.resolve(namespace()).resolve(table.name());
        if (LocalFiles.visibleFiles(dir).isEmpty()) {
            return List.of();
        }
        return DuckDb.query("SELECT id FROM " + DuckDb.parquet(dir.resolve("*.parquet"))).stream()
                .map(r -> (Long) r.get("id"))
                .toList();
    }
}
