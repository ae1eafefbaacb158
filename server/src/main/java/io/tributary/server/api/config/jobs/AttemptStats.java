package io.tributary.server.api.config.jobs;

/** An attempt's totals (emitted and committed are the same here: a chunk counts once committed). */
public record AttemptStats(long recordsEmitted, long bytesEmitted, long recordsCommitted) {}
