package io.tributary.rest.declarative;

import static io.tributary.rest.simple.ApiFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.rest.simple.ApiFixture;
import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class DeclarativeIncrementalTest {

    private final TestHttpServer http = TestHttpServer.start();
    private final List<Integer> items = new CopyOnWriteArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));

    @AfterEach
    void stop() {
        http.close();
    }

    private ConnectorConfig config() {
        return DeclarativeFixture.config(
                DeclarativeFixture.manifest("incremental.yaml"),
                Map.of("base_url", http.uri("/api").toString(), "start_date", "2024-01-03T00:00:00Z"));
    }

    private List<String> sync(Map<String, Object> previous, ExecutionContext context) throws Exception {
        var stream = new ConfiguredStream(
                DeclarativeFixture.SOURCE.discover(config()).find("events").orElseThrow(),
                SyncMode.INCREMENTAL,
                DestinationSyncMode.APPEND_DEDUP,
                List.of("updated_at"),
                List.of(List.of("id")),
                null,
                null);
        var reader = DeclarativeFixture.SOURCE.reader(config(), stream, previous);
        List<String> records = new ArrayList<>();
        reader.open(context);
        try {
            for (SourceRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r.data().toString());
            }
            reader.update(context);
        } finally {
            reader.close();
        }
        return records;
    }

    @Test
    void theCursorsStateIsCarriedFromOneSyncToTheNext() throws Exception {
        http.serve("/api/events", ApiFixture.eventsSince(items));
        ExecutionContext first = new ExecutionContext();
        assertThat(ids(sync(Map.of(), first))).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(first.getString("events.cursor")).isEqualTo("2024-01-08T00:00:00Z");

        items.addAll(List.of(8, 9));
        Map<String, Object> previous = new HashMap<>();
        first.entrySet().forEach(e -> previous.put(e.getKey(), e.getValue()));
        int before = http.requests().size();
        ExecutionContext second = new ExecutionContext();
        assertThat(ids(sync(previous, second))).containsExactly(7, 8, 9);
        assertThat(second.getString("events.cursor")).isEqualTo("2024-01-10T00:00:00Z");
        assertThat(http.requests().subList(before, http.requests().size()))
                .extracting(RecordedRequest::path, RecordedRequest::query)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "/api/events", "updated_since=2024-01-08T00%3A00%3A00Z&page=1"));
    }

    @Test
    void discoverOffersIncrementalWithTheCursorField() {
        http.serve("/api/events", ApiFixture.eventsSince(items));
        var stream = DeclarativeFixture.SOURCE.discover(config()).find("events").orElseThrow();
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
        assertThat(stream.defaultCursorField()).containsExactly("updated_at");
    }

    @Test
    void aCursorStepIsRefusedAtLoadTime() throws Exception {
        java.nio.file.Path manifest = java.nio.file.Files.createTempFile("incremental", ".yaml");
        java.nio.file.Files.writeString(
                manifest,
                java.nio.file.Files.readString(DeclarativeFixture.manifest("incremental.yaml"))
                        .replace("cursor_field: updated_at", "cursor_field: updated_at\n      step: P1D"));
        assertThatThrownBy(() -> DeclarativeFixture.SOURCE.discover(
                        DeclarativeFixture.config(manifest, Map.of("start_date", "x"))))
                .hasMessage("manifest: streams[0].incremental_sync: DatetimeBasedCursor.step is not supported (yet)");
    }
}
