package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.testsupport.http.TestHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class HttpJsonLinesFileRestartTest extends FileRestartContract {

    private TestHttpServer http;

    @BeforeEach
    void serveFile() {
        http = TestHttpServer.start();
        http.serveBytes("/events.jsonl.gz", FileSourceFixture.gzip(jsonLines(11)), "application/gzip");
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Override
    ConnectorConfig fileConfig() {
        return config("url", http.uri("/events.jsonl.gz").toString());
    }

    @Override
    protected int expectedTotal() {
        return 11;
    }

    @Override
    protected int chunkSize() {
        return 2;
    }
}
