package io.tributary.rest.simple;

import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import io.tributary.testsupport.http.TestHttpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The restart contract over a paginated API: chunks of 3 records over pages of 4 (a cursor
 * pagination), so crashes fall in the middle of pages and on their edges.
 */
class RestSourceRestartTest extends ReaderRestartContract<SourceRecord> {

    private TestHttpServer http;

    @BeforeEach
    void serve() {
        http = TestHttpServer.start();
        http.serve("/api/events", ApiFixture.cursors(17, 4));
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Override
    protected ItemStreamReader<SourceRecord> newReader() {
        var config = ApiFixture.config(
                "url_base",
                http.uri("/api").toString(),
                "endpoints",
                List.of(ApiFixture.endpoint(
                        "name",
                        "events",
                        "path",
                        "/events",
                        "record_path",
                        "items",
                        "pagination",
                        Map.of("type", "cursor", "cursor_path", "paging.next", "cursor_param", "after"))));
        return ApiFixture.SOURCE.reader(config, ApiFixture.configured("events", SyncMode.FULL_REFRESH), Map.of());
    }

    @Override
    protected int expectedTotal() {
        return 17;
    }

    @Override
    protected Object comparable(SourceRecord item) {
        return item.data().toString();
    }
}
