package io.tributary.server.monitoring;

import java.util.Map;

/** A connection as JConsole shows it: its state, its last job, its schedule, and what an operator may do. */
public interface ConnectionMXBean {

    String getConnectionId();

    String getName();

    /** active, inactive (disabled or paused) or deprecated (deleted). */
    String getStatus();

    /** The newest job's id, or -1 before the first. */
    long getLastJobId();

    String getLastJobStatus();

    long getLastRecordsSynced();

    long getLastBytesSynced();

    double getLastDurationSeconds();

    int getConsecutiveFailures();

    /**
     * WAL retained by each CDC stream's replication slot (bytes, by stream) at the end of the last sync
     * that reported it since the service started; empty for connections without CDC streams.
     */
    Map<String, Long> getCdcRetainedWalBytes();

    /** The sum of {@link #getCdcRetainedWalBytes()}: what the connection's slots keep the server from removing. */
    long getCdcRetainedWalBytesTotal();

    /** ISO-8601, or empty when manual or paused. */
    String getNextFireTime();

    /** Starts a sync now and returns its job id. */
    long syncNow();

    /** Disables the connection's schedule. */
    void pause();

    /** Enables the schedule again (and forgets the failures counted so far). */
    void resume();
}
