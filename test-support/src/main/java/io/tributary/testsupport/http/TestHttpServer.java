package io.tributary.testsupport.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests of anything that reads over HTTP
 * (file URLs, REST APIs). Start one per test and close it after:
 *
 * <pre>{@code
 * try (TestHttpServer http = TestHttpServer.start()) {
 *     http.serveFile("/orders.csv", file);
 *     http.serve("/api/items", Response.status(429), Response.json("{\"items\": []}"));
 *     URI url = http.uri("/orders.csv");
 *     ...
 *     assertThat(http.requests()).extracting(RecordedRequest::path).contains("/api/items");
 * }
 * }</pre>
 *
 * <p>Paths are matched exactly (without the query string); a path nobody registered answers 404.
 * Every request is recorded with its method, path, query, headers and body.
 */
public final class TestHttpServer implements AutoCloseable {

    /** One answer: status, headers and body. A positive delay holds the answer back (for timeout tests). */
    public record Response(int status, Map<String, String> headers, byte[] body, Duration delay) {

        public Response {
            headers = Map.copyOf(headers);
            body = body.clone();
            delay = delay == null ? Duration.ZERO : delay;
        }

        public static Response of(int status, String contentType, byte[] body) {
            return new Response(status, Map.of("Content-Type", contentType), body, Duration.ZERO);
        }

        public static Response text(String body) {
            return of(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response json(String body) {
            return of(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        /** A status with a short text body, e.g. {@code status(503)}. */
        public static Response status(int status) {
            return of(status, "text/plain; charset=utf-8", ("status " + status).getBytes(StandardCharsets.UTF_8));
        }

        public Response withHeader(String name, String value) {
            Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Response(status, copy, body, delay);
        }

        public Response delayedBy(Duration delay) {
            return new Response(status, headers, body, delay);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** A request as the server received it. */
    public record RecordedRequest(
            String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header (case-insensitive name), or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private TestHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 and a port the system chooses. */
    public static TestHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-http-server");
                t.setDaemon(true);
                return t;
            });
            TestHttpServer test = new TestHttpServer(server, executor);
            server.createContext("/", test::dispatch);
            server.setExecutor(executor);
            server.start();
            return test;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test HTTP server", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><pathAndQuery>}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** Serves a file's content at {@code path}, streamed (no length known up front: chunked encoding). */
    public TestHttpServer serveFile(String path, Path file) {
        return serve(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
    }

    /** Serves the same bytes at {@code path} for every request. */
    public TestHttpServer serveBytes(String path, byte[] body, String contentType) {
        return serve(path, Response.of(200, contentType, body));
    }

    /** Answers {@code path} with a bare status code, e.g. 404 or 500. */
    public TestHttpServer serveStatus(String path, int status) {
        return serve(path, Response.status(status));
    }

    /**
     * Answers successive requests to {@code path} with the given responses in turn; the last one
     * repeats (so {@code serve(p, status(429), json(...))} fails once, then succeeds).
     */
    public TestHttpServer serve(String path, Response... responses) {
        if (responses.length == 0) {
            throw new IllegalArgumentException("give at least one response");
        }
        List<Response> answers = List.of(responses);
        AtomicInteger next = new AtomicInteger();
        return serve(path, exchange -> {
            Response response = answers.get(Math.min(next.getAndIncrement(), answers.size() - 1));
            if (!response.delay().isZero()) {
                try {
                    Thread.sleep(response.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            response.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = response.body();
            boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!noBody) {
                    out.write(body);
                }
            }
        });
    }

    /** Any handler, for answers the other methods cannot express (streamed, generated, failing midway). */
    public TestHttpServer serve(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Headers headers = exchange.getRequestHeaders();
            Map<String, List<String>> headerCopy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((k, v) -> headerCopy.put(k, List.copyOf(v)));
            URI uri = exchange.getRequestURI();
            requests.add(new RecordedRequest(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    uri.getRawQuery(),
                    Collections.unmodifiableMap(headerCopy),
                    body));
            HttpHandler handler = routes.get(uri.getPath());
            if (handler == null) {
                byte[] notFound = ("no route for " + uri.getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, notFound.length);
                exchange.getResponseBody().write(notFound);
                return;
            }
            handler.handle(exchange);
        } catch (IOException e) {
            // The client went away (closed early, timed out): nothing left to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
