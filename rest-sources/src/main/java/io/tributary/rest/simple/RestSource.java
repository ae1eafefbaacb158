package io.tributary.rest.simple;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import io.tributary.rest.http.HttpStream;
import io.tributary.rest.http.HttpStreamReader;
import io.tributary.rest.http.HttpStreams;
import io.tributary.rest.http.Templates;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The {@code rest} source: a REST API described in a few settings (base URL, authentication,
 * endpoints with params, record path, pagination, incremental cursor), each endpoint a stream read
 * by the shared HTTP runtime.
 */
public final class RestSource implements Source {

    @Override
    public String type() {
        return "rest";
    }

    @Override
    public ConfigSpec spec() {
        return RestSettings.SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        RestSettings.Compiled compiled;
        try {
            compiled = RestSettings.compile(config);
        } catch (ConfigException e) {
            return CheckResult.failure(e.getMessage());
        }
        return HttpStreams.check(compiled.streams(), compiled.client(), Templates.shared());
    }

    @Override
    public Catalog discover(ConnectorConfig config) {
        RestSettings.Compiled compiled = RestSettings.compile(config);
        return new Catalog(compiled.streams().stream()
                .map(s -> HttpStreams.discover(s, compiled.client(), Templates.shared()))
                .toList());
    }

    @Override
    public ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        RestSettings.Compiled compiled = RestSettings.compile(config);
        HttpStream http = compiled.stream(stream.name());
        boolean incremental = stream.syncMode() == SyncMode.INCREMENTAL;
        if (incremental && http.incremental() == null) {
            throw new ConfigException("stream '" + stream.name()
                    + "': incremental needs the endpoint's cursor_field; the endpoint has none,"
                    + " so it reads full_refresh only");
        }
        if (incremental
                && !stream.cursorField().isEmpty()
                && !stream.cursorField().equals(http.incremental().cursorField())
                && !List.of(String.join(".", http.incremental().cursorField())).equals(stream.cursorField())) {
            throw new ConfigException("stream '" + stream.name() + "': the cursor is the endpoint's cursor_field "
                    + http.incremental().cursorField() + ", not " + stream.cursorField());
        }
        return new HttpStreamReader(http, compiled.client(), Templates.shared(), incremental, previousSync);
    }
}
