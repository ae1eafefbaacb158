package io.tributary.rest.simple;

import static io.tributary.rest.simple.ApiFixture.config;
import static io.tributary.rest.simple.ApiFixture.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.http.TestHttpServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class RestSourceStreamingTest {

    private final TestHttpServer http = TestHttpServer.start();

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void theFirstRecordsOfAPageAreReadBeforeTheServerHasSentTheRestOfIt() throws Exception {
        CountDownLatch firstRecordRead = new CountDownLatch(1);
        int total = 50_000;
        http.serve("/api/big", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: no length known up front
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("{\"data\":[" + ApiFixture.item(1)).getBytes(StandardCharsets.UTF_8));
                for (int i = 2; i <= 100; i++) {
                    out.write(("," + ApiFixture.item(i)).getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                // The rest of the page only once the client has read a record of the start: a client that
                // buffered the whole body would wait here until the timeout.
                firstRecordRead.await(20, TimeUnit.SECONDS);
                for (int i = 101; i <= total; i++) {
                    out.write(("," + ApiFixture.item(i)).getBytes(StandardCharsets.UTF_8));
                }
                out.write("],\"next\":null}".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var config = config(
                "url_base",
                http.uri("/api").toString(),
                "endpoints",
                List.of(endpoint(
                        "name",
                        "big",
                        "path",
                        "/big",
                        "record_path",
                        "data",
                        "pagination",
                        Map.of("type", "cursor", "cursor_path", "next"))));
        var reader = ApiFixture.SOURCE.reader(config, ApiFixture.configured("big", SyncMode.FULL_REFRESH), Map.of());

        reader.open(new ExecutionContext());
        try {
            long start = System.nanoTime();
            SourceRecord first = reader.read();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(first.data().path("id").asInt()).isEqualTo(1);
            firstRecordRead.countDown();
            int count = 1;
            while (reader.read() != null) {
                count++;
            }
            assertThat(count).isEqualTo(total);
        } finally {
            reader.close();
        }
    }
}
