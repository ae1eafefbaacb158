package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;

import io.tributary.connector.config.ConnectorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/** Row groups of 4 rows and chunks of 3: restarts skip whole row groups, then rows inside one. */
class ParquetFileRestartTest extends FileRestartContract {

    private Path file;

    @BeforeEach
    void writeFile() {
        file = ParquetFixture.write(dir.resolve("orders.parquet"), ParquetFixture.ORDERS, 19, 4, ParquetFixture::order);
    }

    @Override
    ConnectorConfig fileConfig() {
        return config("url", file.toString());
    }

    @Override
    protected int expectedTotal() {
        return 19;
    }
}
