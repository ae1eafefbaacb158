package io.tributary.rest.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful (2xx) answer whose body is still on the wire: read it as a stream and close it.
 *
 * @param displayUrl the URL for messages, secrets masked
 */
public record ApiResponse(int status, Map<String, List<String>> headers, InputStream body, String displayUrl)
        implements AutoCloseable {

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // the connection is dropped either way
        }
    }
}
