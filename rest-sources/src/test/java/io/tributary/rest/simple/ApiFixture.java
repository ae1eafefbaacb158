package io.tributary.rest.simple;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.JsonNodeFactory;

/** A small fake API on the real loopback HTTP server, and helpers to configure and read a {@code rest} source. */
public final class ApiFixture {

    static final RestSource SOURCE = new RestSource();

    private ApiFixture() {}

    /** Item {@code i} (1-based): {"id": i, "name": "item i", "updated_at": "2024-01-DDT00:00:00Z"} with DD growing with i. */
    public static String item(int i) {
        return "{\"id\":" + i + ",\"name\":\"item " + i + "\",\"updated_at\":\"2024-"
                + String.format("%02d-%02d", 1 + i / 28, 1 + i % 28) + "T00:00:00Z\"}";
    }

    public static String items(int from, int toExclusive, IntFunction<String> item) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            out.add(item.apply(i));
        }
        return "[" + String.join(",", out) + "]";
    }

    /** {@code ?page=k&per_page=n} → {"data": {"items": [...]}, "meta": {"page": k}}. */
    public static HttpHandler pages(int total) {
        return exchange -> {
            Map<String, String> q = query(exchange);
            int page = Integer.parseInt(q.getOrDefault("page", "1"));
            int size = Integer.parseInt(q.getOrDefault("per_page", "10"));
            int from = 1 + (page - 1) * size;
            int to = Math.min(total + 1, from + size);
            send(
                    exchange,
                    200,
                    "{\"meta\":{\"page\":" + page + "},\"data\":{\"items\":"
                            + items(from, Math.max(from, to), ApiFixture::item) + "}}",
                    Map.of());
        };
    }

    /** {@code ?offset=o&limit=n} → {"results": [...]}. */
    public static HttpHandler offsets(int total) {
        return exchange -> {
            Map<String, String> q = query(exchange);
            int offset = Integer.parseInt(q.get("offset"));
            int limit = Integer.parseInt(q.get("limit"));
            int from = offset + 1;
            int to = Math.min(total + 1, from + limit);
            send(exchange, 200, "{\"results\":" + items(from, Math.max(from, to), ApiFixture::item) + "}", Map.of());
        };
    }

    /** {@code ?after=token} → {"items": [...], "paging": {"next": "tN"}}; the last page has {"next": null}. */
    public static HttpHandler cursors(int total, int size) {
        return exchange -> {
            String after = query(exchange).get("after");
            int from = after == null ? 1 : Integer.parseInt(after.substring(1));
            int to = Math.min(total + 1, from + size);
            String next = to <= total ? "\"t" + to + "\"" : "null";
            send(
                    exchange,
                    200,
                    "{\"items\":" + items(from, to, ApiFixture::item) + ",\"paging\":{\"next\":" + next + "}}",
                    Map.of());
        };
    }

    /** A root array per page and {@code Link: <...?p=k+1>; rel="next"} while more remain. */
    public static HttpHandler links(String selfUrl, int total, int size) {
        return exchange -> {
            int p = Integer.parseInt(query(exchange).getOrDefault("p", "1"));
            int from = 1 + (p - 1) * size;
            int to = Math.min(total + 1, from + size);
            Map<String, String> headers = to <= total
                    ? Map.of(
                            "Link",
                            "<" + selfUrl + "?p=1>; rel=\"first\", <" + selfUrl + "?p=" + (p + 1) + ">; rel=\"next\"")
                    : Map.of();
            send(exchange, 200, items(from, to, ApiFixture::item), headers);
        };
    }

    /** {@code ?updated_since=X&page=k}: the items updated at or after X, two per page, as {"events": [...]}. */
    public static HttpHandler eventsSince(List<Integer> items) {
        return exchange -> {
            Map<String, String> q = query(exchange);
            String since = q.getOrDefault("updated_since", "");
            List<String> matching = items.stream()
                    .map(ApiFixture::item)
                    .filter(json -> json.replaceAll(".*\"updated_at\":\"([^\"]*)\".*", "$1")
                                    .compareTo(since)
                            >= 0)
                    .toList();
            int page = Integer.parseInt(q.get("page"));
            List<String> slice =
                    matching.subList(Math.min(matching.size(), (page - 1) * 2), Math.min(matching.size(), page * 2));
            send(exchange, 200, "{\"events\":[" + String.join(",", slice) + "]}", Map.of());
        };
    }

    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    public static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A validated {@code rest} configuration from alternating keys and values. */
    static ConnectorConfig config(Object... keysAndValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            raw.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        raw.putIfAbsent("retry_backoff_seconds", "0.01");
        return SOURCE.spec().validate(raw, "sources.api.config");
    }

    static ConfiguredStream configured(String name, SyncMode mode) {
        Stream stream = new Stream(
                name,
                null,
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                false,
                List.of(),
                List.of(),
                List.of());
        return new ConfiguredStream(stream, mode, DestinationSyncMode.APPEND, List.of(), List.of(), null, null);
    }

    /** One whole sync of a stream: its records' data as JSON text, and the committed context. */
    record Sync(List<String> records, ExecutionContext context) {}

    static Sync sync(ConnectorConfig config, String stream, SyncMode mode, Map<String, Object> previous)
            throws Exception {
        ItemStreamReader<SourceRecord> reader = SOURCE.reader(config, configured(stream, mode), previous);
        ExecutionContext context = new ExecutionContext();
        List<String> records = new ArrayList<>();
        reader.open(context);
        try {
            for (SourceRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r.data().toString());
            }
            reader.update(context);
        } finally {
            reader.close();
        }
        return new Sync(records, context);
    }

    static List<String> sync(ConnectorConfig config, String stream) throws Exception {
        return sync(config, stream, SyncMode.FULL_REFRESH, Map.of()).records();
    }

    public static List<Integer> ids(List<String> records) {
        return records.stream()
                .map(r -> Integer.parseInt(r.replaceAll("^\\{\"id\":(\\d+),.*", "$1")))
                .toList();
    }

    public static List<Integer> range(int fromInclusive, int toInclusive) {
        List<Integer> out = new ArrayList<>();
        for (int i = fromInclusive; i <= toInclusive; i++) {
            out.add(i);
        }
        return out;
    }

    static Map<String, Object> endpoint(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
