package io.tributary.server.api.publicapi.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An OAuth client-credentials answer: a bearer token and how many seconds it lasts. */
public record AccessTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    public static AccessTokenResponse bearer(String accessToken, long expiresInSeconds) {
        return new AccessTokenResponse(accessToken, "Bearer", expiresInSeconds);
    }
}
