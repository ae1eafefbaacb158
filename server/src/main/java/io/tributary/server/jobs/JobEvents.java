package io.tributary.server.jobs;

import io.tributary.server.store.ConnectionRecord;

/** Told when jobs start and end and when a connection is disabled: metrics, JMX and notifications listen. */
public interface JobEvents {

    default void jobStarted(ConnectionRecord connection, JobView job) {}

    /** A job reached succeeded, failed or cancelled. */
    default void jobEnded(ConnectionRecord connection, JobView job, String failure) {}

    /** A connection's schedule was disabled after {@code failures} failed jobs in a row. */
    default void connectionDisabled(ConnectionRecord connection, int failures) {}
}
