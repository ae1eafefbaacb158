package io.tributary.batch.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Finds the state a stream committed in the previous sync of its connection (the incremental
 * cursor, for example): the ExecutionContext of the newest earlier load step of that stream. A
 * failed earlier sync counts too: what it committed was delivered, so its cursor is where to go on.
 */
public final class PreviousSyncState {

    private static final int LOOK_BACK = 50;

    private final JobRepository repository;

    public PreviousSyncState(JobRepository repository) {
        this.repository = repository;
    }

    public Map<String, Object> find(String jobName, long currentInstanceId, String loadStepName) {
        List<JobInstance> instances = repository.getJobInstances(jobName, 0, LOOK_BACK);
        for (JobInstance instance : instances) {
            if (instance.getInstanceId() >= currentInstanceId) {
                continue;
            }
            StepExecution step = repository.getLastStepExecution(instance, loadStepName);
            if (step != null) {
                Map<String, Object> state = new HashMap<>();
                step.getExecutionContext().entrySet().forEach(e -> {
                    if (!e.getKey().startsWith("batch.")) {
                        state.put(e.getKey(), e.getValue());
                    }
                });
                return state;
            }
        }
        return Map.of();
    }
}
