package io.tributary.batch.engine;

/** What a launched sync does: a new sync, the resumption of the failed one, or a reset of the destination. */
public enum SyncKind {
    /** A new sync of every selected stream. */
    SYNC,
    /** The last sync, failed or stopped or left by a dead process, continued after its last committed chunk. */
    RESUME,
    /** Empties the connection's streams in the destination and forgets their state (cursors), like Airbyte's reset. */
    RESET
}
