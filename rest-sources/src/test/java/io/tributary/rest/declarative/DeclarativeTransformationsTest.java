package io.tributary.rest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.rest.simple.ApiFixture;
import io.tributary.testsupport.http.TestHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeclarativeTransformationsTest {

    private final TestHttpServer http = TestHttpServer.start();

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aRecordFilterDropsRecordsAndAddFieldsAndRemoveFieldsReshapeTheRest() throws Exception {
        http.serve("/api/items", ApiFixture.pages(5));
        var config = DeclarativeFixture.config(
                DeclarativeFixture.manifest("transforms.yaml"),
                Map.of("base_url", http.uri("/api").toString(), "min_id", 3));

        assertThat(DeclarativeFixture.read(config, "recent_items"))
                .containsExactly(
                        "{\"id\":4,\"name\":\"item 4\",\"source\":\"shop\",\"meta\":{\"double_id\":8}}",
                        "{\"id\":5,\"name\":\"item 5\",\"source\":\"shop\",\"meta\":{\"double_id\":10}}");
    }
}
