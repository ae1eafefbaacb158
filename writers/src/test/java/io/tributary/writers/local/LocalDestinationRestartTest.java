package io.tributary.writers.local;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.contract.WriterRestartContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class LocalDestinationRestartTest extends WriterRestartContract {

    @TempDir
    Path root;

    @Override
    protected StreamLoader loader(ConfiguredStream stream, StreamTables tables, LoadContext context) {
        LocalDestination destination = new LocalDestination();
        return destination.loader(
                destination.spec().validate(Map.of("destination_path", root.toString()), "test"),
                stream,
                tables,
                context);
    }

    @Override
    protected List<Long> visibleIds(TableSchema table) {
        return LocalFiles.rows(root.resolve(namespace()).resolve(table.name())).stream()
                .map(r -> r.get("id").longValue())
                .toList();
    }
}
