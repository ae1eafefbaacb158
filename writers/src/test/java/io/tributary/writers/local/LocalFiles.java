package io.tributary.writers.local;

import io.tributary.writers.jsonl.JsonColumnCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/** Reads what a reader of a table directory sees: the rows of its visible JSON Lines files. */
final class LocalFiles {

    private LocalFiles() {}

    static List<Path> visibleFiles(Path tableDir) {
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tableDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> rows(Path tableDir) {
        List<ObjectNode> rows = new ArrayList<>();
        for (Path file : visibleFiles(tableDir)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    rows.add((ObjectNode) JsonColumnCodec.MAPPER.readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }
}
