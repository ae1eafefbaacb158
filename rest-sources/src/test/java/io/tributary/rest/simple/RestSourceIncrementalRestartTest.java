package io.tributary.rest.simple;

import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import io.tributary.testsupport.http.TestHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The restart contract for an incremental sync that continues a previous one: the restarted reader
 * must send the same lower bound as the crashed one (not the cursor it had reached), or the pages
 * would shift under it.
 */
class RestSourceIncrementalRestartTest extends ReaderRestartContract<SourceRecord> {

    private TestHttpServer http;

    @BeforeEach
    void serve() {
        http = TestHttpServer.start();
        http.serve("/api/events", ApiFixture.eventsSince(ApiFixture.range(1, 15)));
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Override
    protected ItemStreamReader<SourceRecord> newReader() {
        // The previous sync ended at item 4 (2024-01-05): this one reads items 4 to 15, two per page.
        return ApiFixture.SOURCE.reader(
                RestSourceIncrementalTest.eventsConfig(http),
                ApiFixture.configured("events", SyncMode.INCREMENTAL),
                Map.of("events.cursor", "2024-01-05T00:00:00Z"));
    }

    @Override
    protected int expectedTotal() {
        return 12;
    }

    @Override
    protected Object comparable(SourceRecord item) {
        return item.data().toString();
    }
}
