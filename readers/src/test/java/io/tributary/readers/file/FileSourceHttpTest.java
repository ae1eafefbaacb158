package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.gzip;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.source.CheckResult;
import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.Response;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class FileSourceHttpTest {

    @TempDir
    Path dir;

    private final TestHttpServer http = TestHttpServer.start();
    // A response timeout short enough for the slow-server test, long enough for a loaded 2-core CI machine.
    private final FileSource source = new FileSource(Duration.ofSeconds(2), Duration.ofMillis(1500));

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Test
    void readsACsvFileStreamedOverHttp() {
        http.serveFile("/exports/orders.csv", write(dir.resolve("orders.csv"), "id,name\n1,Ada\n2,Grace\n"));
        ConnectorConfig config = config("url", http.uri("/exports/orders.csv").toString());

        assertThat(source.discover(config).streams().get(0).name()).isEqualTo("orders");
        assertThat(texts(readAll(source, config)))
                .containsExactly("{\"id\":1,\"name\":\"Ada\"}", "{\"id\":2,\"name\":\"Grace\"}");
    }

    @Test
    void readsAGzipJsonLinesFileOverHttpWithAQueryString() {
        http.serveBytes("/events.jsonl.gz", gzip("{\"a\": 1}\n"), "application/gzip");
        ConnectorConfig config =
                config("url", http.uri("/events.jsonl.gz?token=secret").toString());

        assertThat(texts(readAll(source, config))).containsExactly("{\"a\":1}");
        assertThat(http.requests()).allSatisfy(r -> assertThat(r.query()).isEqualTo("token=secret"));
    }

    @Test
    void checksThatTheUrlAnswersAndItsFirstRecordParses() {
        http.serveBytes("/ok.csv", "id\n1\n".getBytes(StandardCharsets.UTF_8), "text/csv");

        CheckResult result = source.check(config("url", http.uri("/ok.csv").toString()));

        assertThat(result.succeeded()).as(result.message()).isTrue();
    }

    @Test
    void reportsTheHttpStatusOfAnUnreadableUrl() {
        http.serveStatus("/private.csv", 403);
        ConnectorConfig missing = config("url", http.uri("/missing.csv?sig=abc").toString());
        ConnectorConfig forbidden = config("url", http.uri("/private.csv").toString());

        CheckResult result = source.check(missing);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("HTTP 404")
                .contains("/missing.csv")
                .doesNotContain("sig=abc")
                .contains("check the url setting of the file source of stream 'missing'");
        assertThatThrownBy(() ->
                        readAll(source.reader(forbidden, FileSourceFixture.configured(source, forbidden), Map.of())))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("answered HTTP 403");
    }

    @Test
    void reportsAConnectionThatIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CheckResult result = source.check(config("url", "http://127.0.0.1:" + closedPort + "/a.csv"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .contains("GET http://127.0.0.1:" + closedPort + "/a.csv")
                .contains("cannot connect");
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() {
        http.serve("/slow.csv", Response.text("id\n1\n").delayedBy(Duration.ofSeconds(6)));

        long start = System.nanoTime();
        CheckResult result = source.check(config("url", http.uri("/slow.csv").toString()));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("no answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }
}
