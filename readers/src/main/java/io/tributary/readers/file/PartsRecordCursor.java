package io.tributary.readers.file;

import io.tributary.connector.record.SourceRecord;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records of every part of a file's content one after another, as one stream: a plain file
 * has one part, a zip archive one per entry (each with its own header, for CSV and sheets). The
 * first part is opened at once, so that a file that cannot be read fails on open.
 */
final class PartsRecordCursor implements RecordCursor {

    private final FileContent content;
    private final Function<FileContent.Part, RecordCursor> opener;
    private RecordCursor current;
    private List<String> firstColumns = List.of();
    private ObjectNode firstSchema;

    PartsRecordCursor(FileContent content, Function<FileContent.Part, RecordCursor> opener) {
        this.content = content;
        this.opener = opener;
        if (openNext()) {
            firstColumns = current.columns();
            firstSchema = current.declaredSchema();
        }
    }

    private boolean openNext() {
        if (current != null) {
            current.close();
            current = null;
        }
        FileContent.Part part = content.next();
        if (part == null) {
            return false;
        }
        current = opener.apply(part);
        return true;
    }

    @Override
    public boolean next() {
        while (current != null) {
            if (current.next()) {
                return true;
            }
            openNext();
        }
        return false;
    }

    @Override
    public long skip(long n) {
        long skipped = 0;
        while (current != null && skipped < n) {
            skipped += current.skip(n - skipped);
            if (skipped < n) {
                openNext();
            }
        }
        return skipped;
    }

    @Override
    public SourceRecord record(long emittedAt) {
        if (current == null) {
            throw new IllegalStateException("no current record: call next() first");
        }
        return current.record(emittedAt);
    }

    /** The first part's columns: every part of one stream is expected to share them. */
    @Override
    public List<String> columns() {
        return firstColumns;
    }

    @Override
    public ObjectNode declaredSchema() {
        return firstSchema;
    }

    @Override
    public void close() {
        try {
            if (current != null) {
                current.close();
                current = null;
            }
        } finally {
            content.close();
        }
    }
}
