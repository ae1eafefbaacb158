package io.tributary.rest.declarative;

import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.contract.ReaderRestartContract;
import io.tributary.testsupport.http.TestHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** The restart contract across partitions: crashes inside one repository's pages and between repositories. */
class DeclarativePartitionsRestartTest extends ReaderRestartContract<SourceRecord> {

    private TestHttpServer http;

    @BeforeEach
    void serve() {
        http = TestHttpServer.start();
        PartitionsFixture.serve(http);
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Override
    protected ItemStreamReader<SourceRecord> newReader() {
        return DeclarativeFixture.SOURCE.reader(
                PartitionsFixture.config(http), DeclarativeFixture.configured("issues"), Map.of());
    }

    @Override
    protected int expectedTotal() {
        return 7;
    }

    @Override
    protected int chunkSize() {
        return 2;
    }

    @Override
    protected Object comparable(SourceRecord item) {
        return item.data().toString();
    }
}
