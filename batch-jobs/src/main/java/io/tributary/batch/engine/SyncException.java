package io.tributary.batch.engine;

/** A sync that cannot start or be restarted, with a message that says why and what to do. */
public class SyncException extends RuntimeException {

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
