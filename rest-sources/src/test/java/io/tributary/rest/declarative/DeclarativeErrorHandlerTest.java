package io.tributary.rest.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeclarativeErrorHandlerTest {

    private final TestHttpServer http = TestHttpServer.start();

    @AfterEach
    void stop() {
        http.close();
    }

    private ConnectorConfig config() {
        return DeclarativeFixture.config(
                DeclarativeFixture.manifest("retries.yaml"),
                Map.of("base_url", http.uri("/api").toString()));
    }

    @Test
    void theStreamsErrorHandlerRetriesServerErrorsAsManyTimesAsItSays() throws Exception {
        http.serve("/api/flaky", Response.status(503), Response.status(502), Response.json("[{\"id\":1}]"));

        assertThat(DeclarativeFixture.read(config(), "flaky")).containsExactly("{\"id\":1}");
        assertThat(http.requests()).hasSize(3);
    }

    @Test
    void whenItsRetriesAreSpentTheSyncFailsWithTheStatus() {
        http.serve("/api/flaky", Response.status(500));

        assertThatThrownBy(() -> DeclarativeFixture.read(config(), "flaky"))
                .hasMessageContaining("/api/flaky answered HTTP 500 (server error) after 3 attempts");
        assertThat(http.requests()).hasSize(3);
    }
}
