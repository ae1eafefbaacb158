package io.tributary.rest.http;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.ReadAheadSafe;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ReaderNotOpenException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one REST stream page by page, each page streamed (one record in memory at a time).
 *
 * <p>Restartable: the position is the partition ({@code <stream>.slice}, for partitioned streams), the
 * page to fetch in it ({@code <stream>.page_token}) and how many of its
 * records were already emitted ({@code <stream>.page_records}); a restarted step fetches that page
 * again and skips those records, so nothing committed is read twice. The incremental lower bound of
 * the sync ({@code <stream>.lower_bound}) is saved too, so the restarted sync sends the same
 * requests, and the highest cursor value emitted ({@code <stream>.cursor}) is the state the next sync
 * starts from. A server-chosen next-page token equal to the current one stops the sync with an error
 * instead of looping forever. {@link ReadAheadSafe}: {@code update} only saves this position.
 */
public final class HttpStreamReader implements ItemStreamReader<SourceRecord>, ReadAheadSafe {

    private static final Logger LOG = LoggerFactory.getLogger(HttpStreamReader.class);

    private final HttpStream stream;
    private final ApiClient client;
    private final Templates templates;
    private final boolean incremental;
    private final Map<String, Object> previousSync;
    private final String key;

    private boolean open;
    private int slice;
    private String token;
    private long pageRecords;
    private boolean done;
    private String lowerBound;
    private String cursor;
    private long pages;
    /** Times the current page broke off while being read. */
    private int brokenPages;

    private ApiResponse response;
    private PageParser page;
    /** The page's last record, for paginations that name the next page by it (a declarative cursor_value). */
    private ObjectNode lastRecord;

    /**
     * @param incremental whether this sync reads incrementally (from the previous sync's cursor)
     * @param previousSync the previous sync's committed state of this stream, empty on the first
     */
    public HttpStreamReader(
            HttpStream stream,
            ApiClient client,
            Templates templates,
            boolean incremental,
            Map<String, Object> previousSync) {
        this.stream = stream;
        this.client = client;
        this.templates = templates;
        this.incremental = incremental && stream.incremental() != null;
        this.previousSync = previousSync == null ? Map.of() : previousSync;
        this.key = stream.name() + ".";
    }

    @Override
    public void open(ExecutionContext context) {
        boolean resuming = context.containsKey(key + "page_records");
        slice = resuming && context.containsKey(key + "slice") ? context.getInt(key + "slice") : 0;
        token = resuming
                ? (String) context.get(key + "page_token")
                : stream.pagination().firstToken();
        pageRecords = resuming ? context.getLong(key + "page_records") : 0;
        done = resuming && context.containsKey(key + "done") && (Boolean) context.get(key + "done");
        Object previousCursor = incremental ? previousSync.get(key + "cursor") : null;
        if (context.containsKey(key + "lower_bound")) {
            lowerBound = (String) context.get(key + "lower_bound");
        } else if (previousCursor != null) {
            lowerBound = previousCursor.toString();
        } else if (stream.incremental() != null) {
            String start = templates.render(
                    stream.incremental().startValue(),
                    stream.templateVariables(null, null),
                    stream.name() + ".start_value");
            lowerBound = start == null || start.isBlank() ? null : start.trim();
        }
        // The state never goes back: a sync that emits nothing keeps the previous sync's cursor.
        cursor = context.containsKey(key + "cursor")
                ? (String) context.get(key + "cursor")
                : previousCursor == null ? null : previousCursor.toString();
        open = true;
    }

    @Override
    public SourceRecord read() {
        if (!open) {
            throw new ReaderNotOpenException(
                    "the reader of stream '" + stream.name() + "' is not open; call open() first");
        }
        while (!done) {
            if (page == null) {
                fetch();
            }
            ObjectNode record;
            try {
                record = page.next();
            } catch (RestApiException.Broken e) {
                if (++brokenPages > client.retry().maxRetries()) {
                    throw e;
                }
                // The page again, skipping what was already emitted, as a restart would.
                LOG.warn(
                        "stream {}: {}; fetching the page again (attempt {} of {})",
                        stream.name(),
                        e.getMessage(),
                        brokenPages,
                        client.retry().maxRetries());
                closePage();
                continue;
            }
            if (record != null) {
                lastRecord = record;
                if (page.records() <= pageRecords) {
                    continue; // emitted before the restart, and committed
                }
                pageRecords++;
                if (stream.transform() != null) {
                    record = stream.transform().apply(record);
                    if (record == null) {
                        continue; // filtered out; still counted above, as the page position counts the page's records
                    }
                }
                if (stream.incremental() != null) {
                    String value = CursorValues.of(record, stream.incremental().cursorField());
                    if (lowerBound != null && value != null && CursorValues.compare(value, lowerBound) < 0) {
                        continue; // older than what the previous sync delivered
                    }
                    if (incremental) {
                        cursor = CursorValues.max(cursor, value);
                    }
                }
                return new SourceRecord(record, System.currentTimeMillis());
            }
            nextPage();
        }
        return null;
    }

    private void fetch() {
        ApiRequest request =
                stream.request(token, lowerBound, templates, stream.slices().get(slice));
        response = client.send(request, stream.auth(), stream.retry() == null ? client.retry() : stream.retry());
        page = new PageParser(response.body(), stream.recordPath(), request.method() + " " + response.displayUrl());
        pages++;
        LOG.debug("stream {}: page {} from {}", stream.name(), pages, response.displayUrl());
    }

    private void nextPage() {
        Pagination.PageOutcome outcome =
                new Pagination.PageOutcome(page.records(), page.envelope(), response.headers(), lastRecord);
        String shown = response.displayUrl();
        closePage();
        lastRecord = null;
        brokenPages = 0;
        String next = stream.pagination().next(token, outcome);
        if (next == null) {
            if (slice + 1 < stream.slices().size()) {
                slice++;
                token = stream.pagination().firstToken();
                pageRecords = 0;
            } else {
                done = true;
            }
            return;
        }
        if (stream.pagination().serverChosen() && next.equals(token)) {
            throw new RestApiException("stream '" + stream.name() + "': the response of " + shown
                    + " names itself as the next page again ("
                    + client.secrets().maskUrl(next)
                    + "); stopping instead of looping. Check the pagination settings (cursor path, page size)");
        }
        token = next;
        pageRecords = 0;
    }

    @Override
    public void update(ExecutionContext context) {
        if (token == null) {
            context.remove(key + "page_token");
        } else {
            context.putString(key + "page_token", token);
        }
        context.putLong(key + "page_records", pageRecords);
        context.putInt(key + "slice", slice);
        context.put(key + "done", done);
        if (lowerBound != null) {
            context.putString(key + "lower_bound", lowerBound);
        }
        if (cursor != null) {
            context.putString(key + "cursor", cursor);
        }
    }

    @Override
    public void close() {
        closePage();
        open = false;
    }

    private void closePage() {
        if (page != null) {
            page.close();
            page = null;
        }
        if (response != null) {
            response.close();
            response = null;
        }
    }
}
