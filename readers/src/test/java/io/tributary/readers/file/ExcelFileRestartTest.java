package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;

import io.tributary.connector.config.ConnectorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

class ExcelFileRestartTest extends FileRestartContract {

    private Path file;

    @BeforeEach
    void writeFile() {
        file = ExcelFixture.rows(dir.resolve("rows.xlsx"), 16);
    }

    @Override
    ConnectorConfig fileConfig() {
        return config("url", file.toString());
    }

    @Override
    protected int expectedTotal() {
        return 16;
    }

    @Override
    protected int chunkSize() {
        return 5;
    }
}
