package io.tributary.schedules;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of a connection's trigger: hands the firing to the node's {@link ScheduledSyncs}.
 * One job per connection, never run twice at once (across the cluster too: Quartz keeps that in
 * its tables).
 */
@DisallowConcurrentExecution
public final class ScheduledSyncJob implements Job {

    static final String SYNCS_KEY = "tributary.scheduledSyncs";
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String connectionId = context.getJobDetail().getKey().getName();
        try {
            Object syncs = context.getScheduler().getContext().get(SYNCS_KEY);
            if (!(syncs instanceof ScheduledSyncs target)) {
                throw new JobExecutionException("no ScheduledSyncs registered on scheduler "
                        + context.getScheduler().getSchedulerInstanceId());
            }
            java.util.Date due = context.getScheduledFireTime();
            target.fire(connectionId, due == null ? java.time.Instant.now() : due.toInstant());
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        } catch (RuntimeException e) {
            // A schedule that cannot start its sync must not stop the trigger: log, and fire next time.
            log.error("Scheduled sync of connection {} could not start: {}", connectionId, e.getMessage());
        }
    }
}
