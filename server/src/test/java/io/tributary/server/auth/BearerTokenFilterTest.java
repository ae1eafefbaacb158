package io.tributary.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tributary.server.store.TokenStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BearerTokenFilterTest {

    private static MockHttpServletResponse call(
            BearerTokenFilter filter, String path, String remote, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(remote);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static TokenService tokens(boolean enabled, boolean allowRemote) {
        TokenStore store = mock(TokenStore.class);
        when(store.clientOf(anyString())).thenReturn(Optional.empty());
        List<AuthSettings.Client> clients =
                enabled ? List.of(new AuthSettings.Client("airflow", "secret-12345")) : List.of();
        return new TokenService(new AuthSettings(enabled, clients, Duration.ofMinutes(5), allowRemote), store);
    }

    @Test
    void withAuthenticationOffServesLoopbackAndRefusesOtherMachinesWithAnExplanation() throws Exception {
        BearerTokenFilter filter = new BearerTokenFilter(tokens(false, false));
        assertThat(call(filter, "/api/v1/connections/list", "127.0.0.1", null).getStatus())
                .isEqualTo(200);
        assertThat(call(filter, "/api/v1/connections/list", "::1", null).getStatus())
                .isEqualTo(200);
        MockHttpServletResponse remote = call(filter, "/api/v1/connections/list", "10.1.2.3", null);
        assertThat(remote.getStatus()).isEqualTo(401);
        assertThat(remote.getContentType()).startsWith("application/json");
        assertThat(remote.getContentAsString())
                .contains("tributary.auth.enabled")
                .contains("allow-remote-without-auth");
        assertThat(call(filter, "/api/v1/health", "10.1.2.3", null).getStatus()).isEqualTo(200);
        assertThat(call(new BearerTokenFilter(tokens(false, true)), "/v1/jobs", "10.1.2.3", null)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void withAuthenticationOnNeedsAKnownBearerTokenExceptOnHealthAndTokenPaths() throws Exception {
        BearerTokenFilter filter = new BearerTokenFilter(tokens(true, false));
        assertThat(call(filter, "/api/public/v1/jobs", "127.0.0.1", null).getStatus())
                .isEqualTo(401);
        assertThat(call(filter, "/api/public/v1/jobs", "127.0.0.1", "Basic abc").getStatus())
                .isEqualTo(401);
        assertThat(call(filter, "/api/public/v1/jobs", "127.0.0.1", "Bearer unknown")
                        .getContentAsString())
                .contains("unknown or expired");
        assertThat(call(filter, "/api/public/v1/applications/token", "10.0.0.1", null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call(filter, "/api/public/v1/health", "10.0.0.1", null).getStatus())
                .isEqualTo(200);
        assertThat(call(filter, "/actuator/health", "10.0.0.1", null).getStatus())
                .isEqualTo(200);
    }

    @Test
    void refusesAuthenticationWithoutClientsOrWithWeakSecrets() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuthSettings(true, List.of(), null, null))
                .hasMessageContaining("no tributary.auth.clients are configured");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new AuthSettings(true, List.of(new AuthSettings.Client("a", "short")), null, null))
                .hasMessageContaining("at least 8 characters");
    }
}
