package io.tributary.rest.simple;

import static io.tributary.rest.simple.ApiFixture.config;
import static io.tributary.rest.simple.ApiFixture.endpoint;
import static io.tributary.rest.simple.ApiFixture.sync;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.RecordedRequest;
import io.tributary.testsupport.http.TestHttpServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSourceAuthenticationTest {

    private final TestHttpServer http = TestHttpServer.start();

    @AfterEach
    void stop() {
        http.close();
    }

    private List<String> readWith(Map<String, Object> authentication) throws Exception {
        return sync(
                config(
                        "url_base",
                        http.uri("/api").toString(),
                        "authentication",
                        authentication,
                        "endpoints",
                        List.of(endpoint("name", "items", "path", "/items"))),
                "items");
    }

    private RecordedRequest lastItemsRequest() {
        return http.requests().stream()
                .filter(r -> r.path().equals("/api/items"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void aBearerTokenIsSentInTheAuthorizationHeader() throws Exception {
        http.serve("/api/items", Response.json("[{\"id\":1}]"));
        assertThat(readWith(Map.of("type", "bearer", "token", "tok-123"))).hasSize(1);
        assertThat(lastItemsRequest().header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void anApiKeyIsSentInItsHeaderOrQueryParameter() throws Exception {
        http.serve("/api/items", Response.json("[{\"id\":1}]"));
        readWith(Map.of("type", "api_key", "api_key", "k-secret", "header", "X-Shop-Key", "prefix", "Key "));
        assertThat(lastItemsRequest().header("X-Shop-Key")).isEqualTo("Key k-secret");

        readWith(Map.of("type", "api_key", "api_key", "k-secret"));
        assertThat(lastItemsRequest().header("X-API-Key")).isEqualTo("k-secret");

        readWith(Map.of("type", "api_key", "api_key", "k secret", "query_param", "apikey"));
        assertThat(lastItemsRequest().query()).isEqualTo("apikey=k+secret");
    }

    @Test
    void basicAuthenticationSendsTheEncodedUserAndPassword() throws Exception {
        http.serve("/api/items", Response.json("[{\"id\":1}]"));
        readWith(Map.of("type", "basic", "username", "ann", "password", "pw:1"));
        assertThat(lastItemsRequest().header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ann:pw:1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oauth2ClientCredentialsObtainATokenOnceAndANewOneAfterA401() throws Exception {
        AtomicInteger tokens = new AtomicInteger();
        http.serve(
                "/oauth/token",
                exchange -> ApiFixture.send(
                        exchange,
                        200,
                        "{\"access_token\":\"at-" + tokens.incrementAndGet()
                                + "\",\"expires_in\":3600,\"token_type\":\"bearer\"}",
                        Map.of()));
        AtomicInteger calls = new AtomicInteger();
        http.serve("/api/items", exchange -> {
            int call = calls.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            // The second call pretends the first token was revoked.
            if (call == 2 && "Bearer at-1".equals(auth)) {
                ApiFixture.send(exchange, 401, "{\"error\":\"expired\"}", Map.of());
            } else {
                ApiFixture.send(exchange, 200, "[{\"id\":" + call + "}]", Map.of());
            }
        });
        Map<String, Object> auth = Map.of(
                "type",
                "oauth2",
                "token_url",
                http.uri("/oauth/token").toString(),
                "client_id",
                "cid",
                "client_secret",
                "csecret",
                "scope",
                "read");

        var config = config(
                "url_base",
                http.uri("/api").toString(),
                "authentication",
                auth,
                "endpoints",
                List.of(endpoint("name", "items", "path", "/items"), endpoint("name", "again", "path", "/items")));
        var compiled = RestSettings.compile(config);
        var client = compiled.client();
        var templates = new io.tributary.rest.http.Templates();
        io.tributary.rest.http.HttpStreams.firstPage(compiled.streams().get(0), client, templates, 10);
        io.tributary.rest.http.HttpStreams.firstPage(compiled.streams().get(1), client, templates, 10);

        RecordedRequest tokenRequest = http.requests().get(0);
        assertThat(tokenRequest.path()).isEqualTo("/oauth/token");
        assertThat(tokenRequest.bodyText())
                .isEqualTo("grant_type=client_credentials&client_id=cid&client_secret=csecret&scope=read");
        assertThat(http.requests())
                .extracting(r -> r.path() + " " + r.header("Authorization"))
                .containsExactly(
                        "/oauth/token null",
                        "/api/items Bearer at-1",
                        "/api/items Bearer at-1",
                        "/oauth/token null",
                        "/api/items Bearer at-2");
    }

    @Test
    void oauth2WithARefreshTokenUsesTheRefreshGrant() throws Exception {
        http.serve("/oauth/token", Response.json("{\"access_token\":\"fresh\",\"expires_in\":600}"));
        http.serve("/api/items", Response.json("[{\"id\":1}]"));
        readWith(Map.of(
                "type",
                "oauth2",
                "token_url",
                http.uri("/oauth/token").toString(),
                "client_id",
                "cid",
                "client_secret",
                "cs",
                "refresh_token",
                "rt-1"));

        assertThat(http.requests().get(0).bodyText())
                .startsWith("grant_type=refresh_token&refresh_token=rt-1&client_id=cid");
        assertThat(lastItemsRequest().header("Authorization")).isEqualTo("Bearer fresh");
    }

    @Test
    void theAuthenticationSettingsAreMaskedInTheConfigurationShownToUsers() {
        var config = config(
                "url_base",
                "http://127.0.0.1:1",
                "authentication",
                Map.of("type", "bearer", "token", "tok-123"),
                "endpoints",
                List.of(endpoint("name", "items", "path", "/items")));
        assertThat(config.toString()).doesNotContain("tok-123");
    }
}
