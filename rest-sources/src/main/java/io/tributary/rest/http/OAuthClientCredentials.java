package io.tributary.rest.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2.0: an access token obtained from {@code tokenUrl} with the client credentials grant (or the
 * refresh token grant when a refresh token is given), sent as a bearer token, renewed a minute
 * before it expires and once after a 401. Every token obtained is registered as a secret.
 */
public final class OAuthClientCredentials implements Authenticator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final String scope;
    private final Secrets secrets;
    private final Clock clock;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    /**
     * @param refreshToken when given, the refresh token grant is used instead of client credentials
     * @param scope space-separated scopes, or {@code null}
     */
    public OAuthClientCredentials(
            String tokenUrl,
            String clientId,
            String clientSecret,
            String refreshToken,
            String scope,
            Secrets secrets,
            Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.scope = scope;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public synchronized ApiRequest authenticate(ApiRequest request, ApiClient client) {
        if (accessToken == null || !clock.instant().isBefore(expiresAt)) {
            obtainToken(client);
        }
        return request.withHeader("Authorization", "Bearer " + accessToken);
    }

    @Override
    public synchronized boolean refreshAfterUnauthorized() {
        accessToken = null;
        return true;
    }

    private void obtainToken(ApiClient client) {
        Map<String, String> form = new LinkedHashMap<>();
        if (refreshToken != null && !refreshToken.isEmpty()) {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
        } else {
            form.put("grant_type", "client_credentials");
        }
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        if (scope != null && !scope.isEmpty()) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ApiRequest request = new ApiRequest(
                "POST",
                tokenUrl,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
                body);
        JsonNode answer;
        try (ApiResponse response = client.send(request, new Authenticator.None());
                InputStream in = response.body()) {
            answer = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new RestApiException(
                    "POST " + secrets.maskUrl(tokenUrl) + ": the token endpoint's answer is not JSON ("
                            + e.getOriginalMessage() + "); check the token_url setting");
        } catch (IOException e) {
            throw new RestApiException("POST " + secrets.maskUrl(tokenUrl) + ": " + e.getMessage());
        }
        String token = answer.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new RestApiException("POST " + secrets.maskUrl(tokenUrl)
                    + ": the token endpoint's answer has no access_token"
                    + (answer.has("error")
                            ? " (error: " + secrets.mask(answer.path("error").asString("")) + ")"
                            : "")
                    + "; check client_id and client_secret");
        }
        secrets.add(token);
        accessToken = token;
        long expiresIn = answer.path("expires_in").asLong(3600);
        // Renew a minute early so that a token never expires between two requests of one page.
        expiresAt = clock.instant().plusSeconds(Math.max(expiresIn - 60, 0));
    }
}
