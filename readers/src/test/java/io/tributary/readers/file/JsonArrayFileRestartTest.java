package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;

import io.tributary.connector.config.ConnectorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/** A pretty-printed JSON array of records inside an object, read at its records_path. */
class JsonArrayFileRestartTest extends FileRestartContract {

    private Path file;

    @BeforeEach
    void writeFile() {
        StringBuilder json = new StringBuilder("{\n  \"meta\": {\"pages\": [1, 2]},\n  \"data\": {\"items\": [\n");
        for (int i = 1; i <= 14; i++) {
            json.append("    {\n      \"id\": ")
                    .append(i)
                    .append(",\n      \"price\": ")
                    .append(i)
                    .append(".25,\n")
                    .append("      \"nested\": {\"k\": [")
                    .append(i)
                    .append("]}\n    }")
                    .append(i < 14 ? ",\n" : "\n");
        }
        json.append("  ]},\n  \"next\": null\n}\n");
        file = FileSourceFixture.write(dir.resolve("export.json"), json.toString());
    }

    @Override
    ConnectorConfig fileConfig() {
        return config("url", file.toString(), "records_path", "data.items");
    }

    @Override
    protected int expectedTotal() {
        return 14;
    }
}
