package io.tributary.batch.job;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records which process runs a sync ({@code pid@host}) in the job's ExecutionContext, so that a
 * later process can tell a sync that is still running from one whose JVM died.
 */
public final class SyncOwnerListener implements JobExecutionListener {

    public static final String OWNER_KEY = "tributary.owner";

    private final JobRepository repository;

    SyncOwnerListener(JobRepository repository) {
        this.repository = repository;
    }

    /** This process, as {@code pid@host}. */
    public static String currentOwner() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    /** Whether the owner recorded in an execution is a process that still runs on this host. */
    public static boolean isAlive(JobExecution execution) {
        return isAlive(execution.getExecutionContext().getString(OWNER_KEY, ""));
    }

    /** Whether {@code owner} ({@code pid@host}) is a process that still runs on this host; another host's is assumed alive. */
    public static boolean isAlive(String owner) {
        int at = owner.indexOf('@');
        if (at < 0) {
            return false;
        }
        String host = owner.substring(at + 1);
        if (!host.equals(currentOwner().substring(currentOwner().indexOf('@') + 1))) {
            return true; // another host: we cannot tell, so assume it runs
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().putString(OWNER_KEY, currentOwner());
        repository.updateExecutionContext(jobExecution);
    }
}
