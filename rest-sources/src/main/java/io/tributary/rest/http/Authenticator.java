package io.tributary.rest.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Adds credentials to a request. Implementations register their secrets with the source's
 * {@link Secrets} so that no message shows them.
 */
public interface Authenticator {

    /** The request with credentials added. */
    ApiRequest authenticate(ApiRequest request, ApiClient client);

    /**
     * Called once when a request answered 401: an authenticator that can obtain a fresh credential
     * (an OAuth access token) forgets the one it has and returns true so the request is sent again.
     */
    default boolean refreshAfterUnauthorized() {
        return false;
    }

    /** No credentials. */
    record None() implements Authenticator {
        @Override
        public ApiRequest authenticate(ApiRequest request, ApiClient client) {
            return request;
        }
    }

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(String token) implements Authenticator {
        @Override
        public ApiRequest authenticate(ApiRequest request, ApiClient client) {
            return request.withHeader("Authorization", "Bearer " + token);
        }
    }

    /** HTTP basic: {@code Authorization: Basic base64(user:password)}. */
    record Basic(String username, String password) implements Authenticator {
        @Override
        public ApiRequest authenticate(ApiRequest request, ApiClient client) {
            String pair = username + ":" + (password == null ? "" : password);
            return request.withHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * An API key in a header ({@code X-API-Key: <key>}, optionally with a prefix such as {@code Token })
     * or in a query parameter.
     *
     * @param header the header name, or {@code null} when the key goes into {@code queryParam}
     */
    record ApiKey(String key, String header, String prefix, String queryParam) implements Authenticator {
        @Override
        public ApiRequest authenticate(ApiRequest request, ApiClient client) {
            if (header != null) {
                return request.withHeader(header, (prefix == null ? "" : prefix) + key);
            }
            String url = request.url();
            String separator = url.contains("?") ? "&" : "?";
            return request.withUrl(url + separator + URLEncoder.encode(queryParam, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode((prefix == null ? "" : prefix) + key, StandardCharsets.UTF_8));
        }
    }
}
