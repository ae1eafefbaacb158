package io.tributary.readers.file;

import io.tributary.connector.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/** Where a file is, as the {@code url} setting says: a local path, a {@code file://} or an {@code http(s)://} URL. */
sealed interface FileLocation {

    /** How HTTP files are fetched: one client per source, and how long to wait for an answer. */
    record HttpAccess(HttpClient client, Duration responseTimeout) {}

    /** The file as messages name it (a URL without its query string, which may hold a token). */
    String display();

    /** The last path segment, e.g. {@code orders.csv.gz}. */
    String fileName();

    /**
     * Opens the raw (possibly compressed) content.
     *
     * @param fix what the user should check, appended to every message
     * @throws ItemStreamException when the file cannot be read, with the cause in words
     */
    InputStream open(HttpAccess http, String fix);

    Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    static FileLocation parse(String url) {
        String value = url.trim();
        var scheme = SCHEME.matcher(value);
        if (!scheme.matches()) {
            try {
                return new Local(Path.of(value));
            } catch (InvalidPathException e) {
                throw new ConfigException("url: '" + value + "' is not a valid path: " + e.getReason());
            }
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException("url: '" + value + "' is not a valid URL: " + e.getReason()
                    + "; spaces and other special characters must be percent-encoded");
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "file" -> {
                try {
                    yield new Local(Path.of(uri));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("url: '" + value + "' is not a valid file URL (" + e.getMessage()
                            + "); write file:///absolute/path");
                }
            }
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new ConfigException("url: '" + value + "' has no host name");
                }
                yield new Http(uri);
            }
            case "s3" ->
                throw new ConfigException("url: '" + value + "': S3 objects are read by the s3 source;"
                        + " the file source reads local paths, file:// and http(s):// URLs");
            default ->
                throw new ConfigException("url: unsupported scheme '" + scheme.group(1)
                        + "'; the file source reads local paths, file:// and http(s):// URLs");
        };
    }

    /** A file on this machine. */
    record Local(Path path) implements FileLocation {

        @Override
        public String display() {
            return path.toString();
        }

        @Override
        public String fileName() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }

        @Override
        public InputStream open(HttpAccess http, String fix) {
            if (Files.isDirectory(path)) {
                throw new ItemStreamException(path + " is a directory, not a file; " + fix);
            }
            try {
                return Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new ItemStreamException("file not found: " + path.toAbsolutePath() + "; " + fix);
            } catch (AccessDeniedException e) {
                throw new ItemStreamException("file not readable: " + path.toAbsolutePath()
                        + " (permission denied); give the user running Tributary read access, or " + fix);
            } catch (IOException e) {
                throw new ItemStreamException(
                        "cannot read " + path.toAbsolutePath() + ": " + e.getMessage() + "; " + fix, e);
            }
        }
    }

    /** A file served over HTTP(S), fetched with a streaming body. */
    record Http(URI uri) implements FileLocation {

        @Override
        public String display() {
            String shown = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
            return uri.getRawQuery() == null ? shown : shown + "?…";
        }

        @Override
        public String fileName() {
            String path = uri.getPath() == null ? "" : uri.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.isEmpty() ? uri.getHost() : name;
        }

        @Override
        public InputStream open(HttpAccess http, String fix) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(http.responseTimeout())
                    .build();
            HttpResponse<InputStream> response;
            try {
                response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new ItemStreamException(
                        "GET " + display() + ": no answer within "
                                + http.responseTimeout().toSeconds() + " s (" + e.getMessage() + "); " + fix,
                        e);
            } catch (ConnectException e) {
                throw new ItemStreamException(
                        "GET " + display() + ": cannot connect ("
                                + (e.getMessage() == null ? "connection refused" : e.getMessage()) + "); " + fix,
                        e);
            } catch (IOException e) {
                throw new ItemStreamException(
                        "GET " + display() + ": " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + e.getMessage()) + "; " + fix,
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("GET " + display() + ": interrupted", e);
            }
            int status = response.statusCode();
            if (status != 200) {
                try (InputStream ignored = response.body()) {
                    // Release the connection; the body of an error page is of no use here.
                } catch (IOException ignored) {
                    // nothing more to release
                }
                throw new ItemStreamException(
                        "GET " + display() + " answered HTTP " + status + describe(status) + "; " + fix);
            }
            return response.body();
        }

        private static String describe(int status) {
            return switch (status) {
                case 401, 403 -> " (access denied: the URL needs credentials or a signed link)";
                case 404 -> " (not found)";
                case 410 -> " (gone)";
                case 429 -> " (too many requests)";
                default -> status >= 500 ? " (server error)" : "";
            };
        }
    }
}
