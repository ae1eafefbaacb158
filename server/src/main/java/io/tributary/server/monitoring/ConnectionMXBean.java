package io.tributary.server.monitoring;

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

    /** ISO-8601, or empty when manual or paused. */
    String getNextFireTime();

    /** Starts a sync now and returns its job id. */
    long syncNow();

    /** Disables the connection's schedule. */
    void pause();

    /** Enables the schedule again (and forgets the failures counted so far). */
    void resume();
}
