package io.tributary.batch.engine;

/** What one stream's load step did in a sync. */
public record StreamResult(String stream, String status, long records, long bytes) {}
