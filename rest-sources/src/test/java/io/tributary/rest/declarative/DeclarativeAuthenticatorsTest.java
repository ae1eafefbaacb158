package io.tributary.rest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.http.TestHttpServer.RecordedRequest;
import io.tributary.testsupport.http.TestHttpServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeclarativeAuthenticatorsTest {

    private final TestHttpServer http = TestHttpServer.start();

    @BeforeEach
    void serve() {
        http.serve("/api/items", Response.json("[{\"id\":1}]"));
        http.serve("/api/oauth/token", Response.json("{\"access_token\":\"at-9\",\"expires_in\":3600}"));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private String authorizationWith(Map<String, Object> credentials) throws Exception {
        var config = DeclarativeFixture.config(
                DeclarativeFixture.manifest("selective.yaml"),
                Map.of("base_url", http.uri("/api").toString(), "credentials", credentials));
        assertThat(DeclarativeFixture.read(config, "items")).containsExactly("{\"id\":1}");
        return http.requests().stream()
                .filter(r -> r.path().equals("/api/items"))
                .reduce((a, b) -> b)
                .map(r -> r.header("Authorization"))
                .orElseThrow();
    }

    @Test
    void aSelectiveAuthenticatorUsesTheOneTheConfigNames() throws Exception {
        assertThat(authorizationWith(Map.of("auth_type", "token", "token", "tk-1")))
                .isEqualTo("Bearer tk-1");
    }

    @Test
    void anOAuthAuthenticatorWithClientCredentialsObtainsItsTokenFirst() throws Exception {
        assertThat(authorizationWith(Map.of("auth_type", "oauth", "client_id", "cid", "client_secret", "cs-1")))
                .isEqualTo("Bearer at-9");
        RecordedRequest token = http.requests().get(0);
        assertThat(token.path()).isEqualTo("/api/oauth/token");
        assertThat(token.bodyText()).isEqualTo("grant_type=client_credentials&client_id=cid&client_secret=cs-1");
    }

    @Test
    void aSelectionThatNamesNoAuthenticatorFailsAtLoadTime() {
        var config = DeclarativeFixture.config(
                DeclarativeFixture.manifest("selective.yaml"),
                Map.of("base_url", http.uri("/api").toString(), "credentials", Map.of("auth_type", "saml")));
        var result = DeclarativeFixture.SOURCE.check(config);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .isEqualTo("manifest: streams[0].retriever.requester.authenticator: the config selects"
                        + " authenticator 'saml', which is not one of [token, oauth]");
        assertThat(http.requests()).isEmpty();
    }

    @Test
    void aSessionTokenFromALoginRequestIsSentInItsHeader() throws Exception {
        http.serve("/api/session", Response.json("{\"session\":{\"id\":\"sess-77\"}}"));
        var config = DeclarativeFixture.config(
                DeclarativeFixture.manifest("session.yaml"),
                Map.of("base_url", http.uri("/api").toString(), "username", "ann", "password", "pw-secret"));

        assertThat(DeclarativeFixture.read(config, "items")).containsExactly("{\"id\":1}");
        assertThat(http.requests()).extracting(RecordedRequest::path).containsExactly("/api/session", "/api/items");
        assertThat(http.requests().get(0).bodyText()).isEqualTo("{\"username\":\"ann\",\"password\":\"pw-secret\"}");
        assertThat(http.requests().get(1).header("X-Session")).isEqualTo("sess-77");
    }
}
