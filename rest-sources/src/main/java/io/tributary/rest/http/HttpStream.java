package io.tributary.rest.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One stream of a REST source, ready to run: what both the {@code rest} form and a declarative
 * manifest compile to. The request's parts are templates rendered for each page.
 *
 * @param url the URL template (base and path joined)
 * @param params query parameter templates; one rendering to nothing is left out
 * @param body a JSON body template, or {@code null}
 * @param recordPath where the records are in a response; empty for the response itself
 * @param incremental how the stream reads only new records, or {@code null} for full refresh only
 * @param schema the records' JSON Schema, or {@code null} to infer it from the first page
 * @param variables the template variables besides the runtime ones ({@code config}, {@code parameters})
 * @param transform what is done to each record (filters, added and removed fields), or {@code null}
 * @param retry how this stream's failed requests are retried, or {@code null} for the source's policy
 * @param slices the partitions read one after the other, each with its own pages (a list partition
 *     router's values), offered to templates as {@code stream_slice}; one empty partition when not partitioned
 */
public record HttpStream(
        String name,
        String method,
        String url,
        Map<String, String> params,
        Map<String, String> headers,
        String body,
        Authenticator auth,
        Pagination pagination,
        List<String> recordPath,
        Incremental incremental,
        ObjectNode schema,
        List<List<String>> primaryKey,
        Map<String, Object> variables,
        RecordTransform transform,
        RetryPolicy retry,
        List<Map<String, Object>> slices) {

    /**
     * Incremental reading by a cursor field (an update time, an increasing id). The lower bound of a
     * sync is the previous sync's highest cursor value, or {@code startValue} on the first sync; it is
     * sent as {@code requestParam} (when set), offered to templates as {@code stream_state} and
     * {@code stream_slice.start_time}, and records below it are dropped.
     *
     * @param cursorField the path of the cursor in a record, e.g. {@code [updated_at]}
     * @param startValue a template, e.g. {@code {{ config['start_date'] }}}; may render to nothing
     */
    public record Incremental(List<String> cursorField, String requestParam, String startValue) {
        public Incremental {
            cursorField = List.copyOf(cursorField);
        }
    }

    public HttpStream {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        recordPath = List.copyOf(recordPath);
        primaryKey = primaryKey == null
                ? List.of()
                : primaryKey.stream().map(List::copyOf).toList();
        variables = Map.copyOf(variables);
        slices = slices == null || slices.isEmpty() ? List.of(Map.of()) : List.copyOf(slices);
    }

    /** The template variables of one request. */
    public Map<String, Object> templateVariables(String pageToken, String lowerBound) {
        return templateVariables(pageToken, lowerBound, Map.of());
    }

    /** The template variables of one request of a partition. */
    public Map<String, Object> templateVariables(String pageToken, String lowerBound, Map<String, Object> partition) {
        Map<String, Object> vars = new LinkedHashMap<>(variables);
        Map<String, Object> state = new LinkedHashMap<>();
        Map<String, Object> slice = new LinkedHashMap<>(partition);
        if (incremental != null && lowerBound != null) {
            state.put(String.join(".", incremental.cursorField()), lowerBound);
            slice.put("start_time", lowerBound);
        }
        vars.put("stream_state", state);
        vars.put("stream_slice", slice);
        vars.put("stream_interval", slice);
        vars.put("stream_partition", slice);
        Map<String, Object> token = new LinkedHashMap<>();
        if (pageToken != null) {
            token.put("next_page_token", pageToken);
        }
        vars.put("next_page_token", token);
        return vars;
    }

    /** The request for the page named {@code pageToken}, templates rendered. */
    public ApiRequest request(String pageToken, String lowerBound, Templates templates) {
        return request(pageToken, lowerBound, templates, slices.get(0));
    }

    /** The request for the page named {@code pageToken} of a partition, templates rendered. */
    public ApiRequest request(String pageToken, String lowerBound, Templates templates, Map<String, Object> partition) {
        Map<String, Object> vars = templateVariables(pageToken, lowerBound, partition);
        RequestParts parts = new RequestParts(method, joinSlashes(templates.render(url, vars, name + ".url")));
        params.forEach((k, v) -> parts.param(k, templates.render(v, vars, name + ".params." + k)));
        headers.forEach((k, v) -> parts.header(k, templates.render(v, vars, name + ".headers." + k)));
        if (body != null) {
            parts.body(templates.render(body, vars, name + ".body"));
        }
        if (incremental != null && incremental.requestParam() != null && lowerBound != null) {
            parts.param(incremental.requestParam(), lowerBound);
        }
        pagination.apply(pageToken, parts);
        return parts.build();
    }

    /**
     * A base URL and a path joined as templates can meet with two slashes ({@code {{ base }}/} and
     * {@code /items}) once rendered: the path part of the URL keeps one.
     */
    static String joinSlashes(String url) {
        int scheme = url.indexOf("://");
        int query = url.indexOf('?');
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = query < 0 ? url.length() : query;
        if (start >= end) {
            return url;
        }
        return url.substring(0, start) + url.substring(start, end).replaceAll("/{2,}", "/") + url.substring(end);
    }
}
