package io.tributary.rest.simple;

import static io.tributary.rest.simple.ApiFixture.config;
import static io.tributary.rest.simple.ApiFixture.endpoint;
import static io.tributary.rest.simple.ApiFixture.ids;
import static io.tributary.rest.simple.ApiFixture.range;
import static io.tributary.rest.simple.ApiFixture.sync;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSourcePaginationTest {

    private final TestHttpServer http = TestHttpServer.start();

    @AfterEach
    void stop() {
        http.close();
    }

    private String base() {
        return http.uri("/v1").toString();
    }

    @Test
    void pageNumbersAreFollowedUntilAPageHoldsFewerRecordsThanThePageSize() throws Exception {
        http.serve("/v1/items", ApiFixture.pages(23));
        var config = config(
                "url_base",
                base(),
                "endpoints",
                List.of(endpoint(
                        "name",
                        "items",
                        "path",
                        "/items",
                        "record_path",
                        "data.items",
                        "pagination",
                        Map.of("type", "page", "page_size", 10, "page_size_param", "per_page"))));

        assertThat(ids(sync(config, "items"))).isEqualTo(range(1, 23));
        assertThat(http.requests())
                .extracting(RecordedRequest::query)
                .containsExactly("page=1&per_page=10", "page=2&per_page=10", "page=3&per_page=10");
    }

    @Test
    void withoutAPageSizePagesAreFollowedUntilAnEmptyPage() throws Exception {
        http.serve("/v1/items", ApiFixture.pages(20));
        var config = config(
                "url_base",
                base(),
                "record_path",
                "data.items",
                "pagination",
                Map.of("type", "page"),
                "endpoints",
                List.of(endpoint("name", "items", "path", "items", "params", Map.of("per_page", 10))));

        assertThat(ids(sync(config, "items"))).isEqualTo(range(1, 20));
        assertThat(http.requests()).hasSize(3);
    }

    @Test
    void offsetsAdvanceByTheRecordsReadUntilAShortPage() throws Exception {
        http.serve("/v1/things", ApiFixture.offsets(25));
        var config = config(
                "url_base",
                base(),
                "endpoints",
                List.of(endpoint(
                        "name",
                        "things",
                        "path",
                        "/things",
                        "record_path",
                        "results",
                        "pagination",
                        Map.of("type", "offset", "page_size", 10))));

        assertThat(ids(sync(config, "things"))).isEqualTo(range(1, 25));
        assertThat(http.requests())
                .extracting(RecordedRequest::query)
                .containsExactly("offset=0&limit=10", "offset=10&limit=10", "offset=20&limit=10");
    }

    @Test
    void aNextCursorFromTheResponseIsSentUntilTheResponseHasNone() throws Exception {
        http.serve("/v1/events", ApiFixture.cursors(12, 5));
        var config = config(
                "url_base",
                base(),
                "endpoints",
                List.of(endpoint(
                        "name",
                        "events",
                        "path",
                        "/events",
                        "record_path",
                        "items",
                        "pagination",
                        Map.of("type", "cursor", "cursor_path", "paging.next", "cursor_param", "after"))));

        assertThat(ids(sync(config, "events"))).isEqualTo(range(1, 12));
        assertThat(http.requests()).extracting(RecordedRequest::query).containsExactly(null, "after=t6", "after=t11");
    }

    @Test
    void linkHeadersWithRelNextAreFollowedAndTheirUrlsUsedAsTheyAre() throws Exception {
        http.serve("/v1/users", ApiFixture.links(http.uri("/v1/users").toString(), 7, 3));
        var config = config(
                "url_base",
                base(),
                "pagination",
                Map.of("type", "link"),
                "endpoints",
                List.of(endpoint("name", "users", "path", "/users", "params", Map.of("sort", "id"))));

        assertThat(ids(sync(config, "users"))).isEqualTo(range(1, 7));
        assertThat(http.requests()).extracting(RecordedRequest::query).containsExactly("sort=id", "p=2", "p=3");
    }

    @Test
    void paramsAreRenderedFromTheConfigWithJinjaTemplates() throws Exception {
        http.serve("/v1/orders", TestHttpServer.Response.json("[{\"id\": 1}]"));
        var config = config(
                "url_base",
                base(),
                "start_date",
                "2024-01-01",
                "variables",
                Map.of("region", "eu"),
                "endpoints",
                List.of(endpoint(
                        "name",
                        "orders",
                        "path",
                        "/orders",
                        "http_method",
                        "GET",
                        "params",
                        endpoint(
                                "start_date",
                                "{{ config['start_date'] }}",
                                "region",
                                "{{ config.region | upper }}",
                                "empty",
                                "{{ config['missing'] }}"))));

        assertThat(sync(config, "orders")).containsExactly("{\"id\":1}");
        assertThat(http.requests().get(0).query()).isEqualTo("start_date=2024-01-01&region=EU");
    }

    @Test
    void aPostEndpointSendsItsJsonBody() throws Exception {
        http.serve("/v1/search", TestHttpServer.Response.json("{\"hits\": [{\"id\": 1}, {\"id\": 2}]}"));
        var config = config(
                "url_base",
                base(),
                "endpoints",
                List.of(endpoint(
                        "name",
                        "search",
                        "path",
                        "/search",
                        "http_method",
                        "POST",
                        "record_path",
                        "hits",
                        "body",
                        endpoint("query", "status:open", "size", 50))));

        assertThat(sync(config, "search")).containsExactly("{\"id\":1}", "{\"id\":2}");
        RecordedRequest request = http.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.bodyText()).isEqualTo("{\"query\":\"status:open\",\"size\":50}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aResponseThatIsOneObjectIsOneRecord() throws Exception {
        http.serve("/v1/me", TestHttpServer.Response.json("{\"id\": 7, \"name\": \"me\"}"));
        var config = config("url_base", base(), "endpoints", List.of(endpoint("name", "me", "path", "/me")));

        assertThat(sync(config, "me")).containsExactly("{\"id\":7,\"name\":\"me\"}");
    }
}
