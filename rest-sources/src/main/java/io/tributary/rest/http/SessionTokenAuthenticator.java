package io.tributary.rest.http;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session token obtained by a login request (its answer holds the token at {@code tokenPath}),
 * then sent in a header (optionally as a bearer token); obtained again when it expires and once
 * after a 401. Every token obtained is registered as a secret.
 *
 * @param expiresAfter how long a token is good for, or {@code null} for as long as the server accepts it
 */
public final class SessionTokenAuthenticator implements Authenticator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiRequest login;
    private final Authenticator loginAuth;
    private final List<String> tokenPath;
    private final String header;
    private final boolean bearer;
    private final Duration expiresAfter;
    private final Secrets secrets;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MAX;

    public SessionTokenAuthenticator(
            ApiRequest login,
            Authenticator loginAuth,
            List<String> tokenPath,
            String header,
            boolean bearer,
            Duration expiresAfter,
            Secrets secrets,
            Clock clock) {
        this.login = login;
        this.loginAuth = loginAuth;
        this.tokenPath = List.copyOf(tokenPath);
        this.header = header;
        this.bearer = bearer;
        this.expiresAfter = expiresAfter;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public synchronized ApiRequest authenticate(ApiRequest request, ApiClient client) {
        if (token == null || !clock.instant().isBefore(expiresAt)) {
            token = login(client);
            expiresAt = expiresAfter == null ? Instant.MAX : clock.instant().plus(expiresAfter);
        }
        return request.withHeader(header, bearer ? "Bearer " + token : token);
    }

    @Override
    public synchronized boolean refreshAfterUnauthorized() {
        token = null;
        return true;
    }

    private String login(ApiClient client) {
        String shown = login.method() + " " + secrets.maskUrl(login.url());
        JsonNode answer;
        try (ApiResponse response = client.send(login, loginAuth);
                InputStream in = response.body()) {
            answer = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new RestApiException(shown + ": the login answer is not JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new RestApiException(shown + ": " + e.getMessage());
        }
        JsonNode node = answer;
        for (String key : tokenPath) {
            node = node.path(key);
        }
        String value = node.isValueNode() ? node.asString("") : "";
        if (value.isEmpty()) {
            throw new RestApiException(
                    shown + ": the login answer has no session token at " + String.join(".", tokenPath));
        }
        secrets.add(value);
        return value;
    }
}
