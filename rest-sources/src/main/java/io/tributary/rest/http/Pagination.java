package io.tributary.rest.http;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a stream walks its pages. A page is named by a token (a page number, an offset, a cursor, a
 * next URL), a {@code String} so that it is saved as it is in the step's ExecutionContext: a
 * restarted sync fetches again the page it was reading.
 */
public interface Pagination {

    /** The token of the first page, or {@code null} when the first request carries none. */
    String firstToken();

    /** Adds the page's token (and page size) to a request. */
    void apply(String token, RequestParts request);

    /** The token of the page after {@code page}, or {@code null} when it was the last. */
    String next(String token, PageOutcome page);

    /** Whether the same token coming back means the server is looping (true for tokens the server chooses). */
    default boolean serverChosen() {
        return true;
    }

    /**
     * What a page held, for deciding the next one.
     *
     * @param envelope the response without its records
     */
    record PageOutcome(long records, ObjectNode envelope, Map<String, List<String>> headers, ObjectNode lastRecord) {

        /** The first value of a header, by case-insensitive name, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e ->
                            e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A single request. */
    record None() implements Pagination {
        @Override
        public String firstToken() {
            return null;
        }

        @Override
        public void apply(String token, RequestParts request) {}

        @Override
        public String next(String token, PageOutcome page) {
            return null;
        }
    }

    /**
     * Page numbers: {@code ?page=1}, 2, ... until a page holds fewer records than {@code pageSize}
     * (or none, when the page size is unknown).
     */
    record PageNumber(String pageParam, long startPage, Long pageSize, String pageSizeParam) implements Pagination {
        @Override
        public String firstToken() {
            return Long.toString(startPage);
        }

        @Override
        public void apply(String token, RequestParts request) {
            request.param(pageParam, token);
            if (pageSizeParam != null && pageSize != null) {
                request.param(pageSizeParam, pageSize.toString());
            }
        }

        @Override
        public String next(String token, PageOutcome page) {
            boolean last = page.records() == 0 || (pageSize != null && page.records() < pageSize);
            return last ? null : Long.toString(Long.parseLong(token) + 1);
        }

        @Override
        public boolean serverChosen() {
            return false;
        }
    }

    /** Offsets: {@code ?offset=0&limit=100}, 100, ... until a page holds fewer than {@code limit} records. */
    record Offset(String offsetParam, String limitParam, long limit) implements Pagination {
        @Override
        public String firstToken() {
            return "0";
        }

        @Override
        public void apply(String token, RequestParts request) {
            request.param(offsetParam, token);
            request.param(limitParam, Long.toString(limit));
        }

        @Override
        public String next(String token, PageOutcome page) {
            return page.records() < limit || page.records() == 0
                    ? null
                    : Long.toString(Long.parseLong(token) + page.records());
        }

        @Override
        public boolean serverChosen() {
            return false;
        }
    }

    /**
     * A next-page token the response carries at {@code cursorPath} (e.g. {@code meta.next_cursor}), sent as
     * {@code cursorParam}; the last page has none (missing, null or empty). A token that is an absolute
     * URL is fetched as the next page's URL.
     */
    record Cursor(List<String> cursorPath, String cursorParam) implements Pagination {
        @Override
        public String firstToken() {
            return null;
        }

        @Override
        public void apply(String token, RequestParts request) {
            if (token == null) {
                return;
            }
            if (token.startsWith("http://") || token.startsWith("https://")) {
                request.replaceUrl(token);
            } else {
                request.param(cursorParam, token);
            }
        }

        @Override
        public String next(String token, PageOutcome page) {
            JsonNode node = page.envelope();
            for (String key : cursorPath) {
                node = node.path(key);
            }
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            String value = node.isValueNode() ? node.asString("") : node.toString();
            return value.isEmpty() ? null : value;
        }
    }

    /** RFC 8288 {@code Link} headers: the next page is the URL with {@code rel="next"}. */
    record LinkHeader() implements Pagination {
        private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
        private static final Pattern REL_NEXT =
                Pattern.compile("rel\\s*=\\s*\"?([^\";,]*\\s)?next(\\s[^\";,]*)?\"?", Pattern.CASE_INSENSITIVE);

        @Override
        public String firstToken() {
            return null;
        }

        @Override
        public void apply(String token, RequestParts request) {
            if (token != null) {
                request.replaceUrl(token);
            }
        }

        @Override
        public String next(String token, PageOutcome page) {
            return nextLink(page.headers());
        }

        /** The {@code rel="next"} URL among all {@code Link} headers, or {@code null}. */
        public static String nextLink(Map<String, List<String>> headers) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (!header.getKey().equalsIgnoreCase("link")) {
                    continue;
                }
                for (String value : header.getValue()) {
                    Matcher m = LINK.matcher(value);
                    while (m.find()) {
                        if (REL_NEXT.matcher(m.group(2)).find()) {
                            return m.group(1).trim();
                        }
                    }
                }
            }
            return null;
        }
    }
}
