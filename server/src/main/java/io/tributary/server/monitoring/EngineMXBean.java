package io.tributary.server.monitoring;

/** The service's job engine as JConsole shows it. */
public interface EngineMXBean {

    /** Jobs running now (on any node). */
    long getRunningJobs();

    /** Jobs that succeeded since this node started. */
    long getSucceededJobs();

    /** Jobs that failed since this node started. */
    long getFailedJobs();

    /** Failed / (failed + succeeded) since this node started; 0 before the first job. */
    double getFailureRate();
}
