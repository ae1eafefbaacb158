package io.tributary.rest.simple;

import static io.tributary.rest.simple.ApiFixture.config;
import static io.tributary.rest.simple.ApiFixture.endpoint;
import static io.tributary.rest.simple.ApiFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.RecordedRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSourceIncrementalTest {

    private final TestHttpServer http = TestHttpServer.start();
    /** The API's data: items with growing updated_at; a test adds some between syncs. */
    private final List<Integer> items = new CopyOnWriteArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));

    @AfterEach
    void stop() {
        http.close();
    }

    private void serveEvents() {
        http.serve("/api/events", ApiFixture.eventsSince(items));
    }

    private ConnectorConfig eventsConfig() {
        return eventsConfig(http);
    }

    static ConnectorConfig eventsConfig(TestHttpServer http) {
        return config(
                "url_base",
                http.uri("/api").toString(),
                "start_date",
                "2024-01-03",
                "endpoints",
                List.of(endpoint(
                        "name",
                        "events",
                        "path",
                        "/events",
                        "record_path",
                        "events",
                        "pagination",
                        Map.of("type", "page", "page_size", 2),
                        "cursor_field",
                        "updated_at",
                        "cursor_param",
                        "updated_since",
                        "primary_key",
                        "id")));
    }

    @Test
    void theFirstSyncStartsAtTheStartDateAndTheNextAtTheCursorItCommitted() throws Exception {
        serveEvents();
        ApiFixture.Sync first = ApiFixture.sync(eventsConfig(), "events", SyncMode.INCREMENTAL, Map.of());
        // item i is updated on 2024-01-(1+i): items 2.. are on or after the start date
        assertThat(ids(first.records())).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(first.context().getString("events.cursor")).isEqualTo("2024-01-08T00:00:00Z");
        assertThat(http.requests().get(0).query()).isEqualTo("updated_since=2024-01-03&page=1");

        items.addAll(List.of(8, 9, 10));
        Map<String, Object> previous = new HashMap<>();
        first.context().entrySet().forEach(e -> previous.put(e.getKey(), e.getValue()));
        int before = http.requests().size();
        ApiFixture.Sync second = ApiFixture.sync(eventsConfig(), "events", SyncMode.INCREMENTAL, previous);

        // The cursor is inclusive (records sharing the last cursor value are never lost): item 7 comes again.
        assertThat(ids(second.records())).containsExactly(7, 8, 9, 10);
        assertThat(second.context().getString("events.cursor")).isEqualTo("2024-01-11T00:00:00Z");
        assertThat(http.requests().get(before))
                .extracting(RecordedRequest::query)
                .isEqualTo("updated_since=2024-01-08T00%3A00%3A00Z&page=1");
    }

    @Test
    void aSyncThatFindsNothingNewKeepsThePreviousCursor() throws Exception {
        serveEvents();
        Map<String, Object> previous = Map.of("events.cursor", "2024-02-01T00:00:00Z");
        ApiFixture.Sync sync = ApiFixture.sync(eventsConfig(), "events", SyncMode.INCREMENTAL, previous);

        assertThat(sync.records()).isEmpty();
        assertThat(sync.context().getString("events.cursor")).isEqualTo("2024-02-01T00:00:00Z");
    }

    @Test
    void aFullRefreshIgnoresThePreviousCursorAndStartsAtTheStartDate() throws Exception {
        serveEvents();
        ApiFixture.Sync sync = ApiFixture.sync(
                eventsConfig(), "events", SyncMode.FULL_REFRESH, Map.of("events.cursor", "2024-02-01T00:00:00Z"));

        assertThat(ids(sync.records())).containsExactly(2, 3, 4, 5, 6, 7);
    }

    @Test
    void discoverOffersIncrementalWithTheCursorAndKeyAndInfersTheSchemaFromTheFirstPage() {
        serveEvents();
        var catalog = ApiFixture.SOURCE.discover(eventsConfig());
        var stream = catalog.find("events").orElseThrow();

        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
        assertThat(stream.defaultCursorField()).containsExactly("updated_at");
        assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
        assertThat(stream.jsonSchema().path("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "name", "updated_at");
        assertThat(stream.jsonSchema().path("properties").path("updated_at").toString())
                .contains("date-time");
    }

    @Test
    void checkSucceedsWhenTheFirstEndpointAnswers() {
        serveEvents();
        var result = ApiFixture.SOURCE.check(eventsConfig());
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("stream 'events' answers; its first page holds records");
    }
}
