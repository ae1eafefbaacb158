package io.tributary.server.api.publicapi.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /applications/token} as JSON (the same fields are accepted form-encoded): client credentials. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessTokenRequest(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_secret") String clientSecret,
        @JsonProperty("grant_type") String grantType) {}
