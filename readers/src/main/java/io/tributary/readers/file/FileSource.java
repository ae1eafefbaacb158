package io.tributary.readers.file;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import io.tributary.text.JsonSchemaInference;
import io.tributary.text.TextType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemReaderException;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code file} source: one CSV, JSON Lines, JSON, Parquet or Excel file (optionally gzip,
 * bzip2, zstd or zip compressed) from a local path or an http(s) URL, offered as one full-refresh
 * stream. Its schema is the one given in the {@code schema} setting, the one a Parquet file
 * declares, or inferred from the first {@code sample_size} records.
 */
public final class FileSource implements Source {

    static final ConfigSpec SPEC = FileSourceSettings.SPEC;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private FileLocation.HttpAccess http;

    public FileSource() {
        this(CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    }

    /** With other HTTP timeouts: how long to wait for a connection, and for the answer's headers. */
    FileSource(Duration connectTimeout, Duration responseTimeout) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public String type() {
        return "file";
    }

    @Override
    public ConfigSpec spec() {
        return SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        try {
            FileSourceSettings settings = FileSourceSettings.from(config);
            try (RecordCursor cursor = RecordCursor.open(settings, http(), null, urlFix(settings.streamName()))) {
                if (!cursor.next()) {
                    return CheckResult.success(settings.location().display() + " is readable and holds no records");
                }
                cursor.record(0);
                return CheckResult.success(settings.location().display() + " is readable; its first record parses as "
                        + settings.format().name().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (ConfigException | ItemStreamException | ItemReaderException e) {
            return CheckResult.failure(e.getMessage());
        } catch (RuntimeException e) {
            return CheckResult.failure("cannot read the file: " + e);
        }
    }

    @Override
    public Catalog discover(ConnectorConfig config) {
        FileSourceSettings settings = FileSourceSettings.from(config);
        ObjectNode schema = settings.explicitSchema() != null ? settings.explicitSchema() : inferSchema(settings);
        return new Catalog(List.of(new Stream(
                settings.streamName(),
                null,
                schema,
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(),
                List.of())));
    }

    /**
     * The schema a Parquet file declares, or one inferred from at most {@code sample_size} records
     * (each CSV value read as text, so that its type is inferred from it).
     */
    private ObjectNode inferSchema(FileSourceSettings settings) {
        boolean csv = settings.format() == FileFormat.CSV;
        JsonSchemaInference inference = JsonSchemaInference.builder()
                .maxSamples(settings.sampleSize())
                .typesFromText(csv && settings.inferTypes())
                .stringFormats(settings.inferTypes())
                .build();
        try (RecordCursor cursor = RecordCursor.open(settings, http(), null, urlFix(settings.streamName()))) {
            if (cursor.declaredSchema() != null) {
                return cursor.declaredSchema();
            }
            while (inference.wantsMore() && cursor.next()) {
                inference.accept(cursor.record(0).data());
            }
            ObjectNode schema = inference.recordSchema();
            // A header-only file still declares its columns.
            ObjectNode properties = (ObjectNode) schema.get("properties");
            for (String column : cursor.columns()) {
                if (!properties.has(column)) {
                    properties.set(column, TextType.STRING.schema());
                }
            }
            return schema;
        }
    }

    @Override
    public ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        FileSourceSettings settings = FileSourceSettings.from(config);
        if (!stream.name().equals(settings.streamName())) {
            throw new ConfigException("unknown stream '" + stream.name() + "': the file source reading "
                    + settings.location().display() + " offers the one stream '" + settings.streamName() + "'");
        }
        if (stream.syncMode() != SyncMode.FULL_REFRESH) {
            throw new ConfigException("stream '" + stream.name() + "': the file source reads full_refresh only, not "
                    + stream.syncMode().wireName());
        }
        return new FileStreamReader(
                settings, http(), stream.name(), stream.stream().jsonSchema());
    }

    /** What to check when the file cannot be opened. */
    static String urlFix(String stream) {
        return "check the url setting of the file source of stream '" + stream + "'";
    }

    private synchronized FileLocation.HttpAccess http() {
        if (http == null) {
            http = new FileLocation.HttpAccess(
                    HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build(),
                    responseTimeout);
        }
        return http;
    }
}
