package io.tributary.rest.declarative;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.rest.simple.ApiFixture;
import io.tributary.testsupport.http.TestHttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fake API of issues per repository: a has 5, b none, c 2; two per page, {@code ?repository=r&page=k}. */
final class PartitionsFixture {

    static final Map<String, Integer> ISSUES = Map.of("a", 5, "b", 0, "c", 2);

    private PartitionsFixture() {}

    static void serve(TestHttpServer http) {
        http.serve("/api/issues", exchange -> {
            Map<String, String> q = ApiFixture.query(exchange);
            String repo = q.get("repository");
            int page = Integer.parseInt(q.getOrDefault("page", "1"));
            int count = ISSUES.getOrDefault(repo, 0);
            List<String> issues = new ArrayList<>();
            for (int i = (page - 1) * 2 + 1; i <= Math.min(count, page * 2); i++) {
                issues.add("{\"repo\":\"" + repo + "\",\"number\":" + i + "}");
            }
            ApiFixture.send(exchange, 200, "{\"issues\":[" + String.join(",", issues) + "]}", Map.of());
        });
    }

    static ConnectorConfig config(TestHttpServer http) {
        return DeclarativeFixture.config(
                DeclarativeFixture.manifest("partitions.yaml"),
                Map.of("base_url", http.uri("/api").toString(), "repos", List.of("a", "b", "c")));
    }
}
