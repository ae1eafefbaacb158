package io.tributary.schedules;

import java.time.Duration;
import java.util.Properties;

/**
 * How the clustered Quartz scheduler runs. Every node of a cluster must use the same
 * {@code schedulerName} on the same database; each node gets its own instance id.
 *
 * @param threads how many triggers may fire at once on this node
 * @param misfireThreshold how late a trigger may fire before it counts as misfired (then it fires
 *     once to catch up, not once per missed time)
 * @param clusterCheckin how often a node tells the others it is alive; a node silent for longer
 *     has its triggers taken over
 */
public record QuartzSettings(String schedulerName, int threads, Duration misfireThreshold, Duration clusterCheckin) {

    public static QuartzSettings defaults() {
        return new QuartzSettings("tributary", 4, Duration.ofSeconds(60), Duration.ofMillis(7_500));
    }

    public QuartzSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("Quartz needs at least one thread, got " + threads);
        }
    }

    /** The Quartz properties of a clustered JDBC job store in PostgreSQL reading its connections from {@code dataSourceName}. */
    Properties properties(String dataSourceName) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "tributary-schedule");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // Spring does not pick the delegate, and the standard one cannot read PostgreSQL's bytea.
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(clusterCheckin.toMillis()));
        // Acquiring within the lock is what keeps two nodes from both firing one trigger.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(misfireThreshold.toMillis()));
        return p;
    }
}
