package io.tributary.rest.http;

import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.source.CheckResult;
import io.tributary.text.JsonSchemaInference;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** What {@code check} and {@code discover} do alike for every REST source, whatever form it was written in. */
public final class HttpStreams {

    /** Records read from the first page to infer a schema the configuration does not give. */
    private static final int SAMPLE = 200;

    private HttpStreams() {}

    /** Up to {@code max} records of the stream's first page. */
    public static List<ObjectNode> firstPage(HttpStream stream, ApiClient client, Templates templates, int max) {
        String lowerBound = stream.incremental() == null
                ? null
                : emptyToNull(templates.render(
                        stream.incremental().startValue(),
                        stream.templateVariables(null, null),
                        stream.name() + ".start_value"));
        ApiRequest request = stream.request(stream.pagination().firstToken(), lowerBound, templates);
        List<ObjectNode> records = new ArrayList<>();
        try (ApiResponse response =
                        client.send(request, stream.auth(), stream.retry() == null ? client.retry() : stream.retry());
                PageParser page = new PageParser(
                        response.body(), stream.recordPath(), request.method() + " " + response.displayUrl())) {
            for (ObjectNode record = page.next(); record != null && records.size() < max; record = page.next()) {
                records.add(record);
            }
        }
        return records;
    }

    /** Fetches the first page of the first stream: the URL, the credentials and the record path all work. */
    public static CheckResult check(List<HttpStream> streams, ApiClient client, Templates templates) {
        if (streams.isEmpty()) {
            return CheckResult.failure("no streams are configured");
        }
        HttpStream first = streams.get(0);
        try {
            int n = firstPage(first, client, templates, 1).size();
            return CheckResult.success("stream '" + first.name() + "' answers; its first page "
                    + (n == 0 ? "holds no records" : "holds records"));
        } catch (RuntimeException e) {
            return CheckResult.failure(
                    "stream '" + first.name() + "': " + client.secrets().mask(e.getMessage()));
        }
    }

    /** The catalog entry of a stream: its schema as given, or inferred from its first page. */
    public static Stream discover(HttpStream stream, ApiClient client, Templates templates) {
        ObjectNode schema = stream.schema();
        if (schema == null) {
            JsonSchemaInference inference = JsonSchemaInference.forJson();
            for (ObjectNode record : firstPage(stream, client, templates, SAMPLE)) {
                inference.accept(record);
            }
            schema = inference.recordSchema();
        }
        boolean incremental = stream.incremental() != null;
        return new Stream(
                stream.name(),
                null,
                schema,
                incremental ? List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL) : List.of(SyncMode.FULL_REFRESH),
                incremental,
                incremental ? stream.incremental().cursorField() : List.of(),
                stream.primaryKey(),
                incremental ? List.of(String.join(".", stream.incremental().cursorField())) : List.of());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
