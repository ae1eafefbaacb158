package io.tributary.schedules;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.CronScheduleBuilder;
import org.quartz.DateBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections' schedules as Quartz triggers in a clustered JDBC job store in PostgreSQL: one
 * durable job and one trigger per connection, so that with several nodes on one database each
 * firing runs on exactly one node, and a missed firing (node down, all threads busy) is caught up
 * once, not once per missed time. The retries of failed jobs are one-shot triggers in the same
 * store, so they survive a restart and fire on one node too.
 */
public final class ConnectionSchedules implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSchedules.class);
    private static final String GROUP = "tributary-connections";
    private static final String RETRY_GROUP = "tributary-retries";
    private static final Object CREATION = new Object();

    private final Scheduler scheduler;

    private ConnectionSchedules(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts this node's scheduler on {@code dataSource} (whose Quartz tables must exist: see
     * {@link QuartzSchema}); firings go to {@code syncs}, retries to {@code retries}.
     */
    public static ConnectionSchedules start(
            DataSource dataSource, QuartzSettings settings, ScheduledSyncs syncs, SyncRetries retries) {
        ConnectionSchedules schedules = create(dataSource, settings);
        schedules.start(syncs, retries);
        return schedules;
    }

    /**
     * This node's scheduler in standby: triggers and retries can be set, none fires until
     * {@link #start(ScheduledSyncs, SyncRetries)}. What a firing calls is given only then, so the
     * scheduler can be built before the jobs that both use it and receive its firings.
     */
    public static ConnectionSchedules create(DataSource dataSource, QuartzSettings settings) {
        String providerName = "tributary-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(providerName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to the application
            }

            @Override
            public void initialize() {
                // nothing to set up
            }
        });
        try {
            Scheduler scheduler;
            synchronized (CREATION) {
                scheduler = new StdSchedulerFactory(settings.properties(providerName)).getScheduler();
                // Quartz keeps one scheduler per name in a JVM; unbinding it lets a second node live in the same JVM
                // (tests).
                SchedulerRepository.getInstance().remove(settings.schedulerName());
            }
            return new ConnectionSchedules(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Lets triggers fire on this node: schedules' firings go to {@code syncs}, retries to {@code retries}. */
    public void start(ScheduledSyncs syncs, SyncRetries retries) {
        try {
            scheduler.getContext().put(ScheduledSyncJob.SYNCS_KEY, syncs);
            scheduler.getContext().put(RetrySyncJob.RETRIES_KEY, retries);
            scheduler.start();
            log.info(
                    "Scheduler {} started (instance {})",
                    scheduler.getSchedulerName(),
                    scheduler.getSchedulerInstanceId());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Sets the schedule of a connection: manual removes its trigger; an unchanged schedule keeps its fire times. */
    public void apply(String connectionId, Schedule schedule) {
        apply(connectionId, schedule, null);
    }

    /**
     * {@link #apply(String, Schedule)} with the trigger's first possible fire time (a basic schedule
     * otherwise first fires one interval from now).
     */
    public void apply(String connectionId, Schedule schedule, Instant startAt) {
        try {
            if (schedule instanceof Schedule.Manual) {
                remove(connectionId);
                return;
            }
            String description = describe(schedule);
            TriggerKey key = TriggerKey.triggerKey(connectionId, GROUP);
            Trigger existing = scheduler.getTrigger(key);
            if (existing != null && description.equals(existing.getDescription()) && startAt == null) {
                return;
            }
            JobDetail job = JobBuilder.newJob(ScheduledSyncJob.class)
                    .withIdentity(JobKey.jobKey(connectionId, GROUP))
                    .withDescription("sync of connection " + connectionId)
                    .storeDurably()
                    .build();
            scheduler.addJob(job, true);
            Trigger trigger = trigger(key, job, schedule, description, startAt);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else {
                scheduler.rescheduleJob(key, trigger);
            }
            log.info("Connection {} scheduled: {}, next at {}", connectionId, description, trigger.getNextFireTime());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule connection " + connectionId + ": " + e.getMessage(), e);
        }
    }

    private static Trigger trigger(
            TriggerKey key, JobDetail job, Schedule schedule, String description, Instant startAt) {
        TriggerBuilder<Trigger> builder =
                TriggerBuilder.newTrigger().withIdentity(key).forJob(job).withDescription(description);
        if (schedule instanceof Schedule.Cron cron) {
            return builder.withSchedule(CronScheduleBuilder.cronSchedule(cron.quartzExpression())
                            .inTimeZone(TimeZone.getTimeZone(cron.zone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .startAt(startAt == null ? new Date() : Date.from(startAt))
                    .build();
        }
        if (schedule instanceof Schedule.Basic basic) {
            return builder.withSchedule(CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                            .withInterval(
                                    Math.toIntExact(basic.units()), basic.unit().quartz())
                            .withMisfireHandlingInstructionFireAndProceed())
                    .startAt(
                            startAt != null
                                    ? Date.from(startAt)
                                    : DateBuilder.futureDate(
                                            Math.toIntExact(basic.units()),
                                            basic.unit().quartz()))
                    .build();
        }
        throw new IllegalArgumentException("a manual schedule has no trigger");
    }

    static String describe(Schedule schedule) {
        if (schedule instanceof Schedule.Cron cron) {
            return "cron " + cron.quartzExpression() + " " + cron.zone().getId();
        }
        if (schedule instanceof Schedule.Basic basic) {
            return "every " + basic.units() + " " + basic.unit().wireName();
        }
        return "manual";
    }

    /**
     * Schedules the retry of a failed job as a one-shot trigger in the clustered store: it fires at
     * {@code at} on exactly one node, also after this node stopped, and fires at once when every
     * node was down at that time. A retry already scheduled for the job is replaced.
     */
    public void scheduleRetry(String connectionId, long jobId, int attempt, String kind, Instant at) {
        JobKey key = retryKey(jobId);
        JobDetail job = JobBuilder.newJob(RetrySyncJob.class)
                .withIdentity(key)
                .withDescription("attempt " + attempt + " of job " + jobId + " of connection " + connectionId)
                .usingJobData(RetrySyncJob.CONNECTION_ID, connectionId)
                .usingJobData(RetrySyncJob.JOB_ID, String.valueOf(jobId))
                .usingJobData(RetrySyncJob.ATTEMPT, String.valueOf(attempt))
                .usingJobData(RetrySyncJob.KIND, kind)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(key.getName(), RETRY_GROUP))
                .forJob(job)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
            log.info("Job {}: attempt {} scheduled at {}", jobId, attempt, at);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule the retry of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** Drops the waiting retry of a job (cancelled job); false when none waits. */
    public boolean cancelRetry(long jobId) {
        try {
            return scheduler.deleteJob(retryKey(jobId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot drop the retry of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** When the waiting retry of a job fires; empty when none waits (any node's, since they share the store). */
    public Optional<Instant> retryTime(long jobId) {
        try {
            return scheduler.getTriggersOfJob(retryKey(jobId)).stream()
                    .map(Trigger::getNextFireTime)
                    .filter(java.util.Objects::nonNull)
                    .map(Date::toInstant)
                    .findFirst();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot read the retry of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    private static JobKey retryKey(long jobId) {
        return JobKey.jobKey(String.valueOf(jobId), RETRY_GROUP);
    }

    /** Removes a connection's trigger and job (deleted connection, manual schedule). */
    public void remove(String connectionId) {
        try {
            scheduler.deleteJob(JobKey.jobKey(connectionId, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot unschedule connection " + connectionId + ": " + e.getMessage(), e);
        }
    }

    /** Stops a connection's trigger from firing until {@link #resume}; no-op without a trigger. */
    public void pause(String connectionId) {
        try {
            scheduler.pauseTrigger(TriggerKey.triggerKey(connectionId, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot pause connection " + connectionId + ": " + e.getMessage(), e);
        }
    }

    /** Lets a paused trigger fire again (one catch-up run if it missed firings meanwhile). */
    public void resume(String connectionId) {
        try {
            scheduler.resumeTrigger(TriggerKey.triggerKey(connectionId, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot resume connection " + connectionId + ": " + e.getMessage(), e);
        }
    }

    /** When the connection's trigger fires next; empty when manual or paused. */
    public Optional<Instant> nextFireTime(String connectionId) {
        try {
            TriggerKey key = TriggerKey.triggerKey(connectionId, GROUP);
            Trigger trigger = scheduler.getTrigger(key);
            if (trigger == null || scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED) {
                return Optional.empty();
            }
            return Optional.ofNullable(trigger.getNextFireTime()).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "Cannot read the schedule of connection " + connectionId + ": " + e.getMessage(), e);
        }
    }

    /** This node's instance id in the cluster. */
    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * Stops firing on this node at once (a node shutting down must not start a retry it can no
     * longer run); its triggers stay for the other nodes and the next start.
     */
    public void standby() {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            log.warn("Scheduler did not go to standby: {}", e.getMessage());
        }
    }

    /** Stops this node's scheduler; triggers stay in the database for the other nodes and the next start. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }
}
