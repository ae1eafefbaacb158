package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;

import io.tributary.connector.config.ConnectorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

class JsonLinesFileRestartTest extends FileRestartContract {

    private Path file;

    @BeforeEach
    void writeFile() {
        file = FileSourceFixture.write(dir.resolve("events.jsonl"), jsonLines(17));
    }

    @Override
    ConnectorConfig fileConfig() {
        return config("url", file.toString());
    }

    @Override
    protected int expectedTotal() {
        return 17;
    }
}
