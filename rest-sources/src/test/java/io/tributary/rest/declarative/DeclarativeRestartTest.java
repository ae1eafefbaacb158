package io.tributary.rest.declarative;

import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import io.tributary.testsupport.http.TestHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The restart contract for a manifest stream with cursor pagination (pages of 5, chunks of 3). */
class DeclarativeRestartTest extends ReaderRestartContract<SourceRecord> {

    private TestHttpServer http;

    @BeforeEach
    void serve() {
        http = TestHttpServer.start();
        DeclarativeFixture.serveShop(http);
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Override
    protected ItemStreamReader<SourceRecord> newReader() {
        var config = DeclarativeFixture.config(
                DeclarativeFixture.manifest("shop.yaml"), DeclarativeFixture.shopConfig(http));
        return DeclarativeFixture.SOURCE.reader(config, DeclarativeFixture.configured("events"), Map.of());
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
