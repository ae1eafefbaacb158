package io.tributary.batch.engine;

/**
 * Told about a sync while it runs, so that a caller who launched it in the background (the
 * service) can record its job execution and stop it.
 */
@FunctionalInterface
public interface SyncListener {

    /** Nothing to be told. */
    SyncListener NONE = jobExecutionId -> {};

    /**
     * The sync's job execution was created and starts now, in the thread that runs it; its owner
     * process is already recorded, so from here on it can be stopped.
     */
    void started(long jobExecutionId);
}
