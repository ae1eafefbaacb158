package io.tributary.rest.declarative;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.rest.simple.ApiFixture;
import io.tributary.testsupport.http.TestHttpServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.JsonNodeFactory;

/** The test manifests, the fake shop API they read, and a {@code declarative} source configured for both. */
final class DeclarativeFixture {

    static final DeclarativeSource SOURCE = new DeclarativeSource();

    private DeclarativeFixture() {}

    static Path manifest(String name) {
        try {
            return Path.of(
                    DeclarativeFixture.class.getResource("/manifests/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the shop API: items (pages), events (cursor), things (offsets), users (Link headers). */
    static void serveShop(TestHttpServer http) {
        http.serve("/api/items", ApiFixture.pages(23));
        http.serve("/api/events", ApiFixture.cursors(12, 5));
        http.serve("/api/things", ApiFixture.offsets(25));
        http.serve("/api/users", ApiFixture.links(http.uri("/api/users").toString(), 7, 3));
    }

    static ConnectorConfig config(Path manifest, Map<String, Object> userConfig, Object... more) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("manifest", manifest.toString());
        raw.put("config", userConfig);
        for (int i = 0; i < more.length; i += 2) {
            raw.put((String) more[i], more[i + 1]);
        }
        return SOURCE.spec().validate(raw, "sources.shop.config");
    }

    static Map<String, Object> shopConfig(TestHttpServer http) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", http.uri("/api").toString());
        config.put("api_key", "sk_test_4242");
        config.put("user", "ann");
        config.put("region", "eu");
        config.put("page_size", 10);
        return config;
    }

    static ConfiguredStream configured(String name) {
        Stream stream = new Stream(
                name,
                null,
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(),
                List.of());
        return new ConfiguredStream(
                stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, List.of(), List.of(), null, null);
    }

    static List<String> read(ConnectorConfig config, String stream) throws Exception {
        ItemStreamReader<SourceRecord> reader = SOURCE.reader(config, configured(stream), Map.of());
        List<String> records = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (SourceRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r.data().toString());
            }
        } finally {
            reader.close();
        }
        return records;
    }
}
