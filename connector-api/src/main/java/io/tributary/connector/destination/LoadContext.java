package io.tributary.connector.destination;

/**
 * Where a stream loader runs: the connection and the sync it belongs to.
 *
 * @param syncId identifies the sync across restarts of the same sync (the Spring Batch job
 *     instance id), so staging names chosen from it stay the same after a crash
 */
public record LoadContext(String connection, long syncId) {}
