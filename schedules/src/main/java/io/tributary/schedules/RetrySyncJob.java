package io.tributary.schedules;

import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of a one-shot retry trigger: hands the retry of a failed job to the node's
 * {@link SyncRetries}. It lives in the clustered job store, so a retry outlives the node that
 * scheduled it and fires on exactly one node.
 */
public final class RetrySyncJob implements Job {

    static final String RETRIES_KEY = "tributary.syncRetries";
    static final String CONNECTION_ID = "connectionId";
    static final String JOB_ID = "jobId";
    static final String ATTEMPT = "attempt";
    static final String KIND = "kind";
    private static final Logger log = LoggerFactory.getLogger(RetrySyncJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String connectionId = data.getString(CONNECTION_ID);
        long jobId = Long.parseLong(data.getString(JOB_ID));
        int attempt = Integer.parseInt(data.getString(ATTEMPT));
        try {
            Object retries = context.getScheduler().getContext().get(RETRIES_KEY);
            if (!(retries instanceof SyncRetries target)) {
                throw new JobExecutionException("no SyncRetries registered on scheduler "
                        + context.getScheduler().getSchedulerInstanceId());
            }
            target.retry(connectionId, jobId, attempt, data.getString(KIND));
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        } catch (RuntimeException e) {
            // The service records its own failures; Quartz would only log this again and refire nothing.
            log.error(
                    "Retry of job {} (attempt {}) of connection {} could not start: {}",
                    jobId,
                    attempt,
                    connectionId,
                    e.getMessage(),
                    e);
        }
    }
}
