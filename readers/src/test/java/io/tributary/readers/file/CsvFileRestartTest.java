package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import io.tributary.connector.config.ConnectorConfig;

class CsvFileRestartTest extends FileRestartContract {

    private Path file;

    @BeforeEach
    void writeFile() {
        file = FileSourceFixture.write(dir.resolve("rows.csv"), csvRows(20));
    }

    @Override
    ConnectorConfig fileConfig() {
        return config("url", file.toString());
    }

    @Override
    protected int expectedTotal() {
        return 20;
    }
}
