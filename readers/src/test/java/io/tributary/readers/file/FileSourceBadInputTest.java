package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ParseException;

class FileSourceBadInputTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();
    private final Logger csvLog = (Logger) LoggerFactory.getLogger(CsvRecordCursor.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void detachLog() {
        csvLog.detachAppender(logged);
    }

    @Test
    void failsOnACsvRowWithTheWrongNumberOfColumnsNamingFileAndLine() {
        Path file = write(dir.resolve("rows.csv"), "id,name\n1,Ada\n2,\"multi\nline\"\n3\n4,Joan\n");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":5: expected 2 columns, found 1");
    }

    @Test
    void failsOnACsvRowWithTooManyColumnsWithoutAHeader() {
        Path file = write(dir.resolve("rows.csv"), "1,Ada\n2,Grace,extra\n");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "header", false)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":2: expected 2 columns, found 3");
    }

    @Test
    void failsOnAnInvalidJsonLineNamingFileAndLine() {
        Path file = write(dir.resolve("bad.jsonl"), "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3,,}\n");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "schema", "{\"a\": \"integer\"}")))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":3: invalid JSON: Unexpected character (','");
    }

    @Test
    void failsOnATruncatedLastJsonLine() {
        Path file = write(dir.resolve("cut.jsonl"), "{\"a\": 1}\n{\"a\": ");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "schema", "{\"a\": \"integer\"}")))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":2: invalid JSON:");
    }

    @Test
    void failsOnAJsonLineThatIsNotAnObject() {
        Path file = write(dir.resolve("arr.jsonl"), "{\"a\": 1}\n[1, 2]\n");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "schema", "{\"a\": \"integer\"}")))
                .isInstanceOf(ParseException.class)
                .hasMessage(
                        file
                                + ":2: expected a JSON object, found an array; each line of a JSON Lines file holds one object");
    }

    @Test
    void failsOnAMissingFileNamingThePathAndTheSetting() {
        Path missing = dir.resolve("nowhere.csv");

        CheckResult check = source.check(config("url", missing.toString()));
        assertThat(check.succeeded()).isFalse();
        assertThat(check.message())
                .isEqualTo("file not found: " + missing.toAbsolutePath()
                        + "; check the url setting of the file source of stream 'nowhere'");
        assertThatThrownBy(() -> source.discover(config("url", missing.toString())))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageStartingWith("file not found: " + missing.toAbsolutePath());
    }

    @Test
    void failsWhenTheFileDisappearsBeforeTheRead() throws IOException {
        Path file = write(dir.resolve("gone.csv"), "id\n1\n");
        ConnectorConfig config = config("url", file.toString());
        ConfiguredStream stream = FileSourceFixture.configured(source, config);
        Files.delete(file);

        assertThatThrownBy(() -> readAll(source.reader(config, stream, Map.of())))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageStartingWith("file not found: " + file.toAbsolutePath());
    }

    @Test
    void failsOnADirectory() {
        CheckResult check = source.check(config("url", dir.toString(), "stream_name", "d"));

        assertThat(check.message())
                .isEqualTo(dir + " is a directory, not a file; check the url setting of the file source of stream 'd'");
    }

    @Test
    void failsOnBytesThatAreNotTextInTheDeclaredEncoding() {
        Path file = dir.resolve("latin.csv");
        write(file, "city\nOslo\nZürich\n", StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "infer_types", false)))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":3: bytes that are not valid UTF-8 text; set the encoding setting");
    }

    @Test
    void failsOnBytesThatAreNotTextInAJsonLinesFile() {
        Path file = dir.resolve("latin.jsonl");
        write(file, "{\"city\": \"Oslo\"}\n{\"city\": \"Zürich\"}\n", StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "schema", "{\"city\": \"string\"}")))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":2: bytes that are not valid UTF-8 text; set the encoding setting");
    }

    @Test
    void failsOnAQuoteThatIsNeverClosed() {
        Path file = write(dir.resolve("open.csv"), "id,note\n1,ok\n2,\"never closed\n3,x\n");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":3: invalid CSV: EOF reached before encapsulated token finished")
                .hasMessageEndingWith("check the quote_char and escape_char settings");
    }

    @Test
    void stopsReadingARecordThatGrowsBeyondTheLimit() {
        Path file = dir.resolve("huge.csv");
        FileSourceSettings settings = FileSourceSettings.from(config("url", file.toString()));
        StringBuilder text = new StringBuilder("id,note\n1,\"");
        text.append("x".repeat(50_000));
        BoundedRecordReader input = new BoundedRecordReader(new StringReader(text.toString()), 10_000);

        assertThatThrownBy(() -> {
                    try (CsvRecordCursor cursor = new CsvRecordCursor(input, file.toString(), settings, null)) {
                        cursor.next();
                    }
                })
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(
                        file + ":2: a record longer than 10000 characters; a quote that is never closed?");
    }

    @Test
    void keepsAValueThatDoesNotFitItsTypeAsTextAndReportsItOncePerColumn() {
        logged.start();
        csvLog.addAppender(logged);
        Path file =
                write(dir.resolve("typed.csv"), "id,amount,day\n1,5,2024-01-01\n2,n/a,someday\n3,oops,2024-01-03\n");

        List<String> records = texts(readAll(
                source,
                config(
                        "url",
                        file.toString(),
                        "schema",
                        "{\"id\": \"integer\", \"amount\": \"number\", \"day\": \"date\"}")));

        assertThat(records)
                .containsExactly(
                        "{\"id\":1,\"amount\":5,\"day\":\"2024-01-01\"}",
                        "{\"id\":2,\"amount\":\"n/a\",\"day\":\"someday\"}",
                        "{\"id\":3,\"amount\":\"oops\",\"day\":\"2024-01-03\"}");
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        file + ":3: column 'amount' holds a value that is not a number; it is kept as text,"
                                + " and normalization records it in _airbyte_meta (reported once per column)",
                        file + ":3: column 'day' holds a value that is not a date (YYYY-MM-DD); it is kept as text,"
                                + " and normalization records it in _airbyte_meta (reported once per column)");
    }

    @Test
    void keepsAValueBeyondTheInferenceSampleThatDoesNotFitAsText() {
        Path file = write(dir.resolve("late.csv"), "n\n1\n2\nlate\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "sample_size", 2))))
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":\"late\"}");
    }

    @Test
    void failsARestartWhenTheFileHoldsFewerRecordsThanAlreadyRead() throws Exception {
        Path file = write(dir.resolve("shrunk.csv"), "id\n1\n2\n");
        ConnectorConfig config = config("url", file.toString());
        ItemStreamReader<SourceRecord> reader =
                source.reader(config, FileSourceFixture.configured(source, config), Map.of());
        ExecutionContext saved = new ExecutionContext();
        saved.putLong("shrunk.records_read", 5);

        assertThatThrownBy(() -> reader.open(saved))
                .isInstanceOf(ItemStreamException.class)
                .hasMessage(
                        file + " now holds 2 records, but the interrupted sync of stream 'shrunk' had already read 5;"
                                + " the file changed since: start a new sync instead of restarting this one");
    }

    @Test
    void rejectsAnUnknownStream() {
        Path file = write(dir.resolve("a.csv"), "id\n1\n");
        ConnectorConfig config = config("url", file.toString());
        ConfiguredStream other = new ConfiguredStream(
                new io.tributary.connector.catalog.Stream(
                        "b",
                        null,
                        FileSourceFixture.JSON.createObjectNode(),
                        List.of(SyncMode.FULL_REFRESH),
                        false,
                        null,
                        null,
                        null),
                SyncMode.FULL_REFRESH,
                DestinationSyncMode.APPEND,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> source.reader(config, other, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown stream 'b': the file source reading " + file + " offers the one stream 'a'");
    }

    @Test
    void rejectsAnIncrementalSync() {
        Path file = write(dir.resolve("a.csv"), "id\n1\n");
        ConnectorConfig config = config("url", file.toString());
        ConfiguredStream full = FileSourceFixture.configured(source, config);
        ConfiguredStream incremental = new ConfiguredStream(
                full.stream(), SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, List.of("id"), null, null, null);

        assertThatThrownBy(() -> source.reader(config, incremental, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("full_refresh only");
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "s3://bucket/a.csv")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("S3 objects are read by the s3 source");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "ftp://host/a.csv")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unsupported scheme 'ftp'");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "/a.csv", "encoding", "klingon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encoding: unknown encoding 'klingon'");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "/a.csv", "quote_char", "''")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quote_char: '''' is not a single character");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "/a.csv", "delimiter", "\"")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be different characters");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "/a.csv", "schema", "{id: integer")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("schema: not valid JSON");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "/a.csv", "schema", "{\"id\": \"whole\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("column 'id' has unknown type 'whole'");
        assertThatThrownBy(() -> FileSourceSettings.from(
                        config("url", "/a.csv", "schema", "{\"type\": \"array\", \"properties\": {}}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a stream schema's type must be object");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "/a.csv", "records_path", "data")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("records_path: applies to format json, but a.csv is read as csv");
        assertThatThrownBy(() -> FileSourceSettings.from(config("url", "/a.json", "sheet_name", "Sheet1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sheet_name: applies to format excel");
        assertThatThrownBy(() -> config("url", "/a.csv", "format", "xml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources.test.config.format");
        assertThatThrownBy(() -> config("format", "csv"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources.test.config.url: required field is missing");
    }

    @Test
    void reportsACheckOfBadSettingsAsAFailure() {
        CheckResult check = source.check(config("url", "s3://bucket/a.csv"));

        assertThat(check.succeeded()).isFalse();
        assertThat(check.message()).contains("S3 objects are read by the s3 source");
    }
}
