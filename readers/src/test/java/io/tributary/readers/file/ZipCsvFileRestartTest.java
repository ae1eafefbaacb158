package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.utf8;

import io.tributary.connector.config.ConnectorConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** Three CSV entries of one zip archive, read as one stream: restarts land inside and between entries. */
class ZipCsvFileRestartTest extends FileRestartContract {

    private Path file;

    @BeforeEach
    void writeFile() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("part-1.csv", utf8(csvRows(5)));
        entries.put("part-2.csv", utf8("id,note,amount\n"));
        entries.put("part-3.csv", utf8(csvRows(8)));
        file = FileSourceFixture.writeBytes(dir.resolve("rows.csv.zip"), FileSourceFixture.zip(entries));
    }

    @Override
    ConnectorConfig fileConfig() {
        return config("url", file.toString());
    }

    @Override
    protected int expectedTotal() {
        return 13;
    }
}
