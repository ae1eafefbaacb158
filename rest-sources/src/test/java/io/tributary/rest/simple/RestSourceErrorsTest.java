package io.tributary.rest.simple;

import static io.tributary.rest.simple.ApiFixture.config;
import static io.tributary.rest.simple.ApiFixture.endpoint;
import static io.tributary.rest.simple.ApiFixture.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import io.tributary.rest.http.RestApiException;
import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSourceErrorsTest {

    private final TestHttpServer http = TestHttpServer.start();

    @AfterEach
    void stop() {
        http.close();
    }

    private io.tributary.connector.config.ConnectorConfig itemsConfig(Object... more) {
        Object[] base = {
            "url_base",
            http.uri("/api").toString(),
            "authentication",
            Map.of("type", "api_key", "api_key", "sk_live_abcdef", "query_param", "api_key"),
            "endpoints",
            List.of(endpoint("name", "items", "path", "/items", "record_path", "data"))
        };
        Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return config(all);
    }

    @Test
    void a429IsRetriedAfterTheWaitItsRetryAfterHeaderAsks() throws Exception {
        http.serve(
                "/api/items",
                Response.status(429).withHeader("Retry-After", "1"),
                Response.json("{\"data\":[{\"id\":1}]}"));

        long start = System.nanoTime();
        assertThat(sync(itemsConfig(), "items")).containsExactly("{\"id\":1}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(http.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndThenReportedWithTheUrlMasked() {
        http.serve("/api/items", Response.status(503));

        assertThatThrownBy(() -> sync(itemsConfig("max_retries", 2), "items"))
                .isInstanceOf(RestApiException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + http.port() + "/api/items?api_key=**********")
                .hasMessageContaining("answered HTTP 503 (server error) after 3 attempts")
                .hasMessageNotContaining("sk_live_abcdef");
        assertThat(http.requests()).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetriedAndItsBodyExplainsItWithSecretsMasked() {
        http.serve(
                "/api/items",
                Response.of(
                        400,
                        "application/json",
                        "{\"error\":\"bad key sk_live_abcdef\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> sync(itemsConfig(), "items"))
                .hasMessageContaining(
                        "answered HTTP 400 (bad request: check the endpoint's params): {\"error\":\"bad key **********\"}")
                .hasMessageNotContaining("sk_live_abcdef");
        assertThat(http.requests()).hasSize(1);
    }

    @Test
    void aMalformedResponseNamesTheRequestWithoutItsSecretsAndThePlaceInTheBody() {
        http.serve("/api/items", Response.json("{\"data\":[{\"id\":1},{\"id\":2,}]}"));

        assertThatThrownBy(() -> sync(itemsConfig(), "items"))
                .isInstanceOf(RestApiException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:" + http.port()
                        + "/api/items?api_key=**********: malformed JSON response at line 1, column")
                .hasMessageNotContaining("sk_live_abcdef");
    }

    @Test
    void recordsThatAreNotObjectsAreReportedWithTheirPlace() {
        http.serve("/api/items", Response.json("{\"data\":[1,2]}"));

        assertThatThrownBy(() -> sync(itemsConfig(), "items"))
                .hasMessageContaining("record 1 at data is number 1, expected a JSON object");
    }

    @Test
    void aCursorThatNamesTheSamePageAgainStopsWithAnErrorInsteadOfLooping() {
        http.serve("/api/items", Response.json("{\"data\":[{\"id\":1}],\"next\":\"same\"}"));
        var config = config(
                "url_base",
                http.uri("/api").toString(),
                "endpoints",
                List.of(endpoint(
                        "name",
                        "items",
                        "path",
                        "/items",
                        "record_path",
                        "data",
                        "pagination",
                        Map.of("type", "cursor", "cursor_path", "next"))));

        assertThatThrownBy(() -> sync(config, "items"))
                .isInstanceOf(RestApiException.class)
                .hasMessageContaining("names itself as the next page again (same); stopping instead of looping");
        assertThat(http.requests()).hasSize(2);
    }

    @Test
    void aSlowServerTimesOutWithAClearMessage() {
        http.serve("/api/items", Response.json("{\"data\":[]}").delayedBy(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> sync(itemsConfig("request_timeout_seconds", 1, "max_retries", 0), "items"))
                .hasMessageContaining("/api/items?api_key=**********: no answer within 1 s (after 1 attempts)");
    }

    @Test
    void aBodyThatStopsMidwayTimesOutWithAClearMessageInsteadOfHanging() {
        http.serve("/api/items", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                out.write("{\"data\":[{\"id\":1},".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                // the client gave up, as it should
            }
        });

        long start = System.nanoTime();
        assertThatThrownBy(() -> sync(itemsConfig("request_timeout_seconds", 1, "max_retries", 0), "items"))
                .isInstanceOf(RestApiException.class)
                .hasMessageContaining(
                        "/api/items?api_key=**********: the server sent nothing for 1 s in the middle of the response"
                                + " (after 1 records of the page)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPageWhoseConnectionBreaksIsFetchedAgainWithoutRepeatingItsRecords() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        http.serve("/api/items", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            String page =
                    "{\"data\":[" + ApiFixture.items(1, 400, ApiFixture::item).substring(1) + "}";
            byte[] body = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (calls.incrementAndGet() == 1) {
                // Announce the whole length, send a part, and drop the connection.
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body, 0, body.length / 2);
                exchange.getResponseBody().flush();
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        List<String> records = sync(itemsConfig(), "items");
        assertThat(ApiFixture.ids(records)).isEqualTo(ApiFixture.range(1, 399));
        assertThat(calls).hasValue(2);
    }

    @Test
    void mistakesInNestedSettingsNameTheirPlace() {
        assertThatThrownBy(() -> RestSettings.compile(config(
                        "url_base",
                        "http://127.0.0.1:1",
                        "endpoints",
                        List.of(
                                endpoint("name", "a", "path", "/a", "pagination", Map.of("type", "pages")),
                                endpoint("name", "a", "path", "/b", "http_method", "DELETE"),
                                endpoint("path", "/c", "colour", "red")))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "endpoints[0].pagination.type: 'pages' is no pagination; use none, page, offset, cursor or link")
                .hasMessageContaining("endpoints[1].http_method: 'DELETE' is not supported; use GET or POST")
                .hasMessageContaining("endpoints[2].colour: unknown setting");
        assertThatThrownBy(() -> RestSettings.compile(config(
                        "url_base",
                        "http://127.0.0.1:1",
                        "authentication",
                        Map.of("type", "bearer"),
                        "endpoints",
                        List.of(endpoint("name", "a", "path", "/a")))))
                .hasMessageContaining("authentication.token: required setting is missing");
    }

    @Test
    void checkReportsAnUnreachableApiWithoutItsSecrets() {
        var config = config(
                "url_base",
                "http://127.0.0.1:1/api",
                "max_retries",
                0,
                "authentication",
                Map.of("type", "api_key", "api_key", "sk_live_abcdef", "query_param", "key"),
                "endpoints",
                List.of(endpoint("name", "items", "path", "/items")));

        var result = ApiFixture.SOURCE.check(config);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .startsWith("stream 'items': GET http://127.0.0.1:1/api/items?key=**********: ConnectException")
                .doesNotContain("sk_live_abcdef");
    }
}
