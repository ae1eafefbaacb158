package io.tributary.writers.s3;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an S3 stream loader saves in the step's {@code ExecutionContext} with every chunk: enough to
 * continue after a crash without losing or repeating rows.
 *
 * @param chunks chunks committed so far
 * @param syncStartMillis the sync's start, the time in the path template (stable across restarts)
 * @param uuid the value of {@code ${UUID}} for this sync
 * @param tables per table of the stream
 */
record S3LoadState(long chunks, long syncStartMillis, String uuid, Map<String, TableFiles> tables) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The files of one table in this sync: parts {@code firstFile} to {@code nextFile - 1} are closed
     * and uploaded as multipart uploads not yet completed ({@code pending}, invisible until
     * {@code complete()}); part {@code nextFile} is the open file, holding the rows of the chunks from
     * {@code openFileFirstChunk} on, which the chunk journals can rebuild.
     */
    record TableFiles(long firstFile, long nextFile, long openFileFirstChunk, List<PendingFile> pending) {
        TableFiles {
            pending = List.copyOf(pending);
        }
    }

    /** A closed file uploaded in parts, waiting for {@code CompleteMultipartUpload}. */
    record PendingFile(String key, String uploadId, List<String> etags, long bytes) {
        PendingFile {
            etags = List.copyOf(etags);
        }
    }

    /**
     * The open file of a table, uploaded (not completed) when the load step closed after its last
     * commit, so the {@code complete()} that follows in another loader need not rebuild it. Stored
     * under the sync's staging prefix; valid only while the state still has the same chunks.
     */
    record HandOver(long firstChunk, long chunks, long part, PendingFile file) {

        String toJson() {
            return JSON.writeValueAsString(this);
        }

        static HandOver fromJson(String json) {
            return JSON.readValue(json, HandOver.class);
        }
    }

    S3LoadState {
        tables = Map.copyOf(tables);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static S3LoadState fromJson(String json) {
        return JSON.readValue(json, S3LoadState.class);
    }
}
