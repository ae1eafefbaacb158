package io.tributary.rest.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request being assembled: the URL, its query parameters, headers and JSON body fields. A next-page
 * URL from the server ({@link #replaceUrl}) replaces the URL and the query: it already carries them.
 */
public final class RequestParts {

    private final String method;
    private String url;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private boolean urlFromServer;

    public RequestParts(String method, String url) {
        this.method = method;
        this.url = url;
    }

    /** Sets a query parameter; a {@code null} or empty value leaves it out, as Airbyte does. */
    public RequestParts param(String name, String value) {
        if (value == null || value.isEmpty()) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return this;
    }

    public RequestParts header(String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(name, value);
        }
        return this;
    }

    public RequestParts body(String json) {
        this.body = json;
        return this;
    }

    /** Fetch exactly this URL (a next-page link): the stream's own query parameters are dropped. */
    public RequestParts replaceUrl(String absoluteUrl) {
        this.url = absoluteUrl;
        this.urlFromServer = true;
        return this;
    }

    public ApiRequest build() {
        String full = url;
        if (!urlFromServer && !params.isEmpty()) {
            String query = params.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            full = url + (url.contains("?") ? "&" : "?") + query;
        }
        return new ApiRequest(method, full, headers, body);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
