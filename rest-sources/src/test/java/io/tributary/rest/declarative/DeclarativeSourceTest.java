package io.tributary.rest.declarative;

import static io.tributary.rest.declarative.DeclarativeFixture.config;
import static io.tributary.rest.declarative.DeclarativeFixture.manifest;
import static io.tributary.rest.declarative.DeclarativeFixture.read;
import static io.tributary.rest.declarative.DeclarativeFixture.shopConfig;
import static io.tributary.rest.simple.ApiFixture.ids;
import static io.tributary.rest.simple.ApiFixture.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.rest.http.RestApiException;
import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.RecordedRequest;
import io.tributary.testsupport.http.TestHttpServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeclarativeSourceTest {

    private final TestHttpServer http = TestHttpServer.start();
    private ConnectorConfig shop;

    @BeforeEach
    void serve() {
        DeclarativeFixture.serveShop(http);
        shop = config(manifest("shop.yaml"), shopConfig(http));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private List<RecordedRequest> requestsTo(String path) {
        return http.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void thePageIncrementStreamSendsItsPageAndSizeWithAnApiKeyHeaderAndTemplatedParams() throws Exception {
        assertThat(ids(read(shop, "items"))).isEqualTo(range(1, 23));
        assertThat(requestsTo("/api/items"))
                .extracting(RecordedRequest::query)
                .containsExactly(
                        "region=eu&per_page=10&page=1", "region=eu&per_page=10&page=2", "region=eu&per_page=10&page=3");
        assertThat(requestsTo("/api/items").get(0).header("X-Shop-Key")).isEqualTo("sk_test_4242");
    }

    @Test
    void theCursorPaginationStreamFollowsTheResponsesNextCursorWithABearerToken() throws Exception {
        assertThat(ids(read(shop, "events"))).isEqualTo(range(1, 12));
        assertThat(requestsTo("/api/events"))
                .extracting(RecordedRequest::query)
                .containsExactly(null, "after=t6", "after=t11");
        assertThat(requestsTo("/api/events").get(0).header("Authorization")).isEqualTo("Bearer sk_test_4242");
    }

    @Test
    void theOffsetIncrementStreamAdvancesByPageWithBasicAuthentication() throws Exception {
        assertThat(ids(read(shop, "things"))).isEqualTo(range(1, 25));
        assertThat(requestsTo("/api/things"))
                .extracting(RecordedRequest::query)
                .containsExactly("limit=10&offset=0", "limit=10&offset=10", "limit=10&offset=20");
        assertThat(requestsTo("/api/things").get(0).header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("ann:sk_test_4242".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCursorPaginationOnTheLinkHeaderFetchesTheNextUrlAsItIs() throws Exception {
        assertThat(ids(read(shop, "users"))).isEqualTo(range(1, 7));
        assertThat(requestsTo("/api/users")).extracting(RecordedRequest::query).containsExactly(null, "p=2", "p=3");
        assertThat(requestsTo("/api/users").get(0).header("Authorization")).isNull();
    }

    @Test
    void discoverOffersEveryStreamWithItsInlineOrFileSchemaOrOneInferredFromTheFirstPage() {
        var catalog = DeclarativeFixture.SOURCE.discover(shop);

        assertThat(catalog.streams()).extracting(s -> s.name()).containsExactly("items", "events", "things", "users");
        var items = catalog.find("items").orElseThrow();
        assertThat(items.jsonSchema()
                        .path("properties")
                        .path("updated_at")
                        .path("format")
                        .asString())
                .isEqualTo("date-time");
        assertThat(items.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
        assertThat(catalog.find("things")
                        .orElseThrow()
                        .jsonSchema()
                        .path("properties")
                        .propertyNames())
                .containsExactlyInAnyOrder("id", "name", "updated_at");
        // users: a JsonFileSchemaLoader with its default path, schemas/<name>.json next to the manifest
        assertThat(catalog.find("users")
                        .orElseThrow()
                        .jsonSchema()
                        .path("properties")
                        .path("name")
                        .path("type")
                        .toString())
                .isEqualTo("[\"null\",\"string\"]");
    }

    @Test
    void checkReadsTheFirstPageOfTheCheckStreams() {
        var result = DeclarativeFixture.SOURCE.check(shop);
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("streams [items] answer");
    }

    @Test
    void theManifestsSpecIsItsConnectionSpecificationAndItsRequiredFieldsAreChecked() {
        assertThat(DeclarativeFixture.SOURCE
                        .manifestSpec(manifest("shop.yaml"))
                        .path("required")
                        .toString())
                .isEqualTo("[\"base_url\",\"api_key\"]");

        var result = DeclarativeFixture.SOURCE.check(
                config(manifest("shop.yaml"), Map.of("base_url", "http://127.0.0.1:1")));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("config.api_key: required by the manifest's spec (API key)");
    }

    @Test
    void a429IsRetriedAsItsRetryAfterSays() throws Exception {
        http.serve(
                "/api/items",
                Response.status(429).withHeader("Retry-After", "1"),
                Response.json("{\"data\": {\"items\": [{\"id\": 1}]}}"));

        assertThat(read(shop, "items")).containsExactly("{\"id\":1}");
        assertThat(requestsTo("/api/items")).hasSize(2);
    }

    @Test
    void aMalformedPageFailsWithItsUrlAndNoSecret() {
        http.serve("/api/events", Response.json("{\"items\": [{\"id\": 1}, {\"id\": 2 \"x\": 3}]}"));

        assertThatThrownBy(() -> read(shop, "events"))
                .isInstanceOf(RestApiException.class)
                .hasMessageStartingWith(
                        "GET http://127.0.0.1:" + http.port() + "/api/events: malformed JSON response at line 1")
                .hasMessageNotContaining("sk_test_4242");
    }

    @Test
    void theManifestsSecretsAreMaskedInErrorsEvenWhenTheServerEchoesThem() {
        http.serve(
                "/api/items",
                Response.of(
                        403,
                        "application/json",
                        "{\"message\": \"key sk_test_4242 lacks scope\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> read(shop, "items"))
                .hasMessageContaining("answered HTTP 403")
                .hasMessageContaining("key ********** lacks scope")
                .hasMessageNotContaining("sk_test_4242");
    }
}
