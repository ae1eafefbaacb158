package io.tributary.rest.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request as built from a stream's templates and the page token: a full URL (query
 * included), headers, and an optional JSON body.
 *
 * @param body the JSON text to send, or {@code null}
 */
public record ApiRequest(String method, String url, Map<String, String> headers, String body) {

    public ApiRequest {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiRequest(method, url, copy, body);
    }

    public ApiRequest withUrl(String newUrl) {
        return new ApiRequest(method, newUrl, headers, body);
    }
}
