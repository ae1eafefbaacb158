package io.tributary.batch.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the local destination made visible for a table: every JSON line of its non-hidden files. */
final class LocalOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalOutput() {}

    static List<JsonNode> rows(Path tableDirectory) {
        List<JsonNode> rows = new ArrayList<>();
        if (!Files.isDirectory(tableDirectory)) {
            return rows;
        }
        try (Stream<Path> files = Files.list(tableDirectory)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        rows.add(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<Long> ids(Path tableDirectory) {
        return rows(tableDirectory).stream()
                .map(r -> r.get("id").asLong())
                .sorted()
                .toList();
    }
}
