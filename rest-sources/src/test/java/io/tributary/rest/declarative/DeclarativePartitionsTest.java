package io.tributary.rest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeclarativePartitionsTest {

    private final TestHttpServer http = TestHttpServer.start();

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aListPartitionRouterReadsEachValuesPagesInTurnWithTheValueInTheRequest() throws Exception {
        PartitionsFixture.serve(http);

        assertThat(DeclarativeFixture.read(PartitionsFixture.config(http), "issues"))
                .containsExactly(
                        "{\"repo\":\"a\",\"number\":1}",
                        "{\"repo\":\"a\",\"number\":2}",
                        "{\"repo\":\"a\",\"number\":3}",
                        "{\"repo\":\"a\",\"number\":4}",
                        "{\"repo\":\"a\",\"number\":5}",
                        "{\"repo\":\"c\",\"number\":1}",
                        "{\"repo\":\"c\",\"number\":2}");
        assertThat(http.requests())
                .extracting(RecordedRequest::query)
                .containsExactly(
                        "repository=a",
                        "repository=a&page=2",
                        "repository=a&page=3",
                        "repository=b",
                        "repository=c",
                        "repository=c&page=2");
        assertThat(http.requests())
                .extracting(r -> r.header("X-Repo-Echo"))
                .containsExactly("a", "a", "a", "b", "c", "c");
    }
}
