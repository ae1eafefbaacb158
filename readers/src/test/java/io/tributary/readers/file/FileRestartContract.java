package io.tributary.readers.file;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The reader restart contract for one file setup; subclasses say where the file is. */
abstract class FileRestartContract extends ReaderRestartContract<SourceRecord> {

    @TempDir
    Path dir;

    final FileSource source = new FileSource();

    /** The source settings of the file under test (created by the subclass before each test). */
    abstract ConnectorConfig fileConfig();

    @Override
    protected ItemStreamReader<SourceRecord> newReader() {
        ConnectorConfig config = fileConfig();
        return source.reader(config, FileSourceFixture.configured(source, config), Map.of());
    }

    /** The emission time differs between runs; the data must not. */
    @Override
    protected Object comparable(SourceRecord item) {
        return item.data().toString();
    }

    /** Rows 1..n of a CSV file with a quoted line break and a blank line thrown in. */
    static String csvRows(int n) {
        StringBuilder csv = new StringBuilder("id,note,amount\n");
        for (int i = 1; i <= n; i++) {
            csv.append(i)
                    .append(',')
                    .append(i % 5 == 0 ? "\"line\nbreak\"" : "n" + i)
                    .append(',')
                    .append(i)
                    .append(".5\n");
            if (i == 7) {
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    static String jsonLines(int n) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            jsonl.append("{\"id\": ")
                    .append(i)
                    .append(", \"nested\": {\"k\": [")
                    .append(i)
                    .append("]}}\n");
        }
        return jsonl.toString();
    }
}
