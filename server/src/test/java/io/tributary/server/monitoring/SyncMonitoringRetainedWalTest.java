package io.tributary.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.server.jobs.JobView;
import io.tributary.server.store.AttemptRecord;
import io.tributary.server.store.ConnectionRecord;
import io.tributary.server.store.JobRecord;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** The WAL a CDC slot retains, as the load step committed it, reaches the connection's MBean and a gauge. */
class SyncMonitoringRetainedWalTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UUID connectionId = UUID.randomUUID();
    private final String domain = "io.tributary.test" + connectionId.toString().substring(0, 8);

    private static JobExecution execution(long id, Map<String, Long> retainedByStream) {
        JobExecution execution = new JobExecution(id, new JobInstance(id, "capture"), new JobParameters());
        StepExecution load = new StepExecution(id * 10, "load:public.customers", execution);
        retainedByStream.forEach(
                (stream, bytes) -> load.getExecutionContext().putLong(stream + ".cdc.retained_wal_bytes", bytes));
        load.getExecutionContext().putLong("public.customers.other", 7);
        execution.addStepExecution(load);
        execution.addStepExecution(new StepExecution(id * 10 + 1, "complete:public.customers", execution));
        return execution;
    }

    private void jobEnded(SyncMonitoring monitoring, long jobId, long executionId) {
        ConnectionRecord connection = new ConnectionRecord(
                connectionId,
                null,
                "capture",
                null,
                null,
                "active",
                null,
                null,
                null,
                null,
                null,
                100,
                null,
                0,
                null,
                null);
        Instant now = Instant.now();
        AttemptRecord attempt =
                new AttemptRecord(jobId, 1, "succeeded", "test", executionId, 3, 30, null, now, now, now);
        JobView job = new JobView(
                new JobRecord(jobId, "sync", connectionId, "succeeded", false, now, now),
                List.of(new JobView.Attempt(attempt, 3, 30, List.of())));
        monitoring.jobEnded(connection, job, null);
    }

    @Test
    void theRetainedWalOfTheLastSyncIsAnMBeanAttributeAndAGaugePerStream() throws Exception {
        Map<Long, JobExecution> repository = Map.of(
                1L, execution(1, Map.of("public.customers", 13_002_752L)),
                2L, execution(2, Map.of("public.customers", 4_096L)));
        try (SyncMonitoring monitoring = new SyncMonitoring(meters, null, null, null, domain, repository::get)) {
            jobEnded(monitoring, 11, 1);
            assertThat(meters.get("tributary.cdc.retained.wal")
                            .tag("connection", connectionId.toString())
                            .tag("stream", "public.customers")
                            .gauge()
                            .value())
                    .isEqualTo(13_002_752.0);

            jobEnded(monitoring, 12, 2);
            assertThat(meters.get("tributary.cdc.retained.wal")
                            .tag("stream", "public.customers")
                            .gauge()
                            .value())
                    .as("the acknowledged WAL went away")
                    .isEqualTo(4_096.0);
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            ObjectName bean = new ObjectName(domain + ":type=Connection,name=" + connectionId);
            assertThat(jmx.getAttribute(bean, "CdcRetainedWalBytesTotal")).isEqualTo(4_096L);
            TabularData byStream = (TabularData) jmx.getAttribute(bean, "CdcRetainedWalBytes");
            assertThat(byStream.values()).singleElement().satisfies(row -> {
                assertThat(((CompositeData) row).get("key")).isEqualTo("public.customers");
                assertThat(((CompositeData) row).get("value")).isEqualTo(4_096L);
            });
        }
    }

    @Test
    void aConnectionWithoutCdcStreamsReportsNothing() throws Exception {
        try (SyncMonitoring monitoring =
                new SyncMonitoring(meters, null, null, null, domain, id -> execution(id, Map.of()))) {
            jobEnded(monitoring, 21, 3);
            assertThat(meters.find("tributary.cdc.retained.wal").gauges()).isEmpty();
            ObjectName bean = new ObjectName(domain + ":type=Connection,name=" + connectionId);
            assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(bean, "CdcRetainedWalBytesTotal"))
                    .isEqualTo(0L);
        }
    }
}
