package io.tributary.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testsupport.http.TestHttpServer.Response;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestHttpServerTest {

    private final TestHttpServer http = TestHttpServer.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(http.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesAFileStreamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.csv"), "id\n1\n");
        http.serveFile("/a.csv", file);

        HttpResponse<String> response = get("/a.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("id\n1\n");
    }

    @Test
    void answersSuccessiveRequestsInTurnAndRepeatsTheLastAnswer() throws Exception {
        http.serve("/items", Response.status(429).withHeader("Retry-After", "1"), Response.json("[]"));

        HttpResponse<String> first = get("/items");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(get("/items").body()).isEqualTo("[]");
        assertThat(get("/items").body()).isEqualTo("[]");
    }

    @Test
    void answersUnknownPathsWith404() throws Exception {
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void recordsEveryRequest() throws Exception {
        http.serveStatus("/submit", 204);
        client.send(
                HttpRequest.newBuilder(http.uri("/submit?page=2"))
                        .header("Authorization", "Bearer t")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        TestHttpServer.RecordedRequest request = http.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/submit");
        assertThat(request.query()).isEqualTo("page=2");
        assertThat(request.header("authorization")).isEqualTo("Bearer t");
        assertThat(request.bodyText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void holdsBackADelayedAnswer() {
        http.serve("/slow", Response.text("late").delayedBy(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> client.send(
                        HttpRequest.newBuilder(http.uri("/slow"))
                                .timeout(Duration.ofMillis(200))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }
}
