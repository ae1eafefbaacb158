package io.tributary.server.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.server.jobs.JobEvents;
import io.tributary.server.jobs.JobView;
import io.tributary.server.jobs.SyncJobs;
import io.tributary.server.service.ConnectionService;
import io.tributary.server.store.ConnectionRecord;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.JobRecord;
import io.tributary.server.store.JobStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

/**
 * Publishes the service's state: Micrometer meters (records and bytes per connection, job
 * durations, jobs by outcome, running jobs, WAL retained by CDC slots per stream; Prometheus scrapes them at {@code /actuator/prometheus})
 * and JMX MBeans, one per connection ({@code <domain>:type=Connection,name=<id>}) and one for the
 * engine ({@code <domain>:type=Engine}).
 */
public class SyncMonitoring implements JobEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyncMonitoring.class);

    private final MeterRegistry meters;
    private final ConnectionStore connections;
    private final JobStore jobs;
    private final ConnectionService connectionService;
    private final String domain;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final LongFunction<JobExecution> executions;
    private final RetainedWal retainedWal;
    private volatile SyncJobs syncJobs;

    public SyncMonitoring(
            MeterRegistry meters,
            ConnectionStore connections,
            JobStore jobs,
            ConnectionService connectionService,
            String domain) {
        this(meters, connections, jobs, connectionService, domain, id -> null);
    }

    /**
     * @param executions the job repository's executions by id, to read what CDC streams report in their
     *     committed state (the WAL their slots retain)
     */
    public SyncMonitoring(
            MeterRegistry meters,
            ConnectionStore connections,
            JobStore jobs,
            ConnectionService connectionService,
            String domain,
            LongFunction<JobExecution> executions) {
        this.meters = meters;
        this.executions = executions;
        this.retainedWal = new RetainedWal(meters);
        this.connections = connections;
        this.jobs = jobs;
        this.connectionService = connectionService;
        this.domain = domain;
        Gauge.builder(
                        "tributary.sync.running",
                        () -> jobs.inProgress().stream()
                                .filter(j -> "running".equals(j.status()))
                                .count())
                .description("jobs running now")
                .register(meters);
        register(name("Engine", null), new StandardMBean(new Engine(), EngineMXBean.class, true));
    }

    /** Wired after construction: the jobs need the monitoring as a listener, and the MBeans need the jobs. */
    public void bind(SyncJobs jobs) {
        this.syncJobs = jobs;
        connections.listAll().forEach(c -> registerConnection(c.id()));
    }

    @Override
    public void jobStarted(ConnectionRecord connection, JobView job) {
        registerConnection(connection.id());
    }

    @Override
    public void jobEnded(ConnectionRecord connection, JobView job, String failure) {
        String id = connection.id().toString();
        String status = job.job().status();
        Counter.builder("tributary.sync.records")
                .description("records synced")
                .tag("connection", id)
                .register(meters)
                .increment(job.records());
        Counter.builder("tributary.sync.bytes")
                .description("bytes synced")
                .baseUnit("bytes")
                .tag("connection", id)
                .register(meters)
                .increment(job.bytes());
        Counter.builder("tributary.sync.jobs")
                .description("jobs ended, by outcome")
                .tag("connection", id)
                .tag("status", status)
                .register(meters)
                .increment();
        Timer.builder("tributary.sync.duration")
                .description("job durations")
                .tag("connection", id)
                .tag("status", status)
                .register(meters)
                .record(duration(job.job()));
        if ("succeeded".equals(status)) {
            succeeded.incrementAndGet();
        } else if ("failed".equals(status)) {
            failed.incrementAndGet();
        }
        for (JobView.Attempt attempt : job.attempts()) {
            if (attempt.record().jobExecutionId() != null) {
                retainedWal.record(
                        connection.id(), executions.apply(attempt.record().jobExecutionId()));
            }
        }
        registerConnection(connection.id());
    }

    private static Duration duration(JobRecord job) {
        return job.createdAt() == null || job.updatedAt() == null
                ? Duration.ZERO
                : Duration.between(job.createdAt(), job.updatedAt());
    }

    private void registerConnection(UUID id) {
        ObjectName name = name("Connection", id.toString());
        if (!registered.contains(name)) {
            register(name, new StandardMBean(new Connection(id), ConnectionMXBean.class, true));
        }
    }

    private ObjectName name(String type, String id) {
        try {
            return new ObjectName(domain + ":type=" + type + (id == null ? "" : ",name=" + id));
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException("tributary.jmx.domain '" + domain + "' is not a valid JMX domain", e);
        }
    }

    private void register(ObjectName name, Object bean) {
        try {
            server.registerMBean(bean, name);
            registered.add(name);
        } catch (InstanceAlreadyExistsException e) {
            registered.add(name);
        } catch (Exception e) {
            log.warn("Cannot register MBean {}: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (Exception e) {
                // already gone
            }
        }
        registered.clear();
    }

    private final class Engine implements EngineMXBean {
        @Override
        public long getRunningJobs() {
            return jobs.inProgress().stream()
                    .filter(j -> "running".equals(j.status()))
                    .count();
        }

        @Override
        public long getSucceededJobs() {
            return succeeded.get();
        }

        @Override
        public long getFailedJobs() {
            return failed.get();
        }

        @Override
        public double getFailureRate() {
            long s = succeeded.get();
            long f = failed.get();
            return s + f == 0 ? 0 : (double) f / (s + f);
        }
    }

    private final class Connection implements ConnectionMXBean {
        private final UUID id;

        Connection(UUID id) {
            this.id = id;
        }

        private Optional<JobView> last() {
            return jobs.last(id).map(j -> syncJobs.view(j.id()));
        }

        @Override
        public String getConnectionId() {
            return id.toString();
        }

        @Override
        public String getName() {
            return connections.get(id).name();
        }

        @Override
        public String getStatus() {
            return connections.get(id).status();
        }

        @Override
        public long getLastJobId() {
            return jobs.last(id).map(JobRecord::id).orElse(-1L);
        }

        @Override
        public String getLastJobStatus() {
            return jobs.last(id).map(JobRecord::status).orElse("");
        }

        @Override
        public long getLastRecordsSynced() {
            return last().map(JobView::records).orElse(0L);
        }

        @Override
        public long getLastBytesSynced() {
            return last().map(JobView::bytes).orElse(0L);
        }

        @Override
        public double getLastDurationSeconds() {
            return jobs.last(id).map(j -> duration(j).toMillis() / 1000.0).orElse(0.0);
        }

        @Override
        public int getConsecutiveFailures() {
            return connections.get(id).consecutiveFailures();
        }

        @Override
        public String getNextFireTime() {
            return connectionService.nextFireTime(id).map(Object::toString).orElse("");
        }

        @Override
        public Map<String, Long> getCdcRetainedWalBytes() {
            return retainedWal.of(id);
        }

        @Override
        public long getCdcRetainedWalBytesTotal() {
            return retainedWal.of(id).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        @Override
        public long syncNow() {
            return syncJobs.trigger(id, "sync").job().id();
        }

        @Override
        public void pause() {
            connectionService.setActive(id, false);
        }

        @Override
        public void resume() {
            connectionService.setActive(id, true);
        }
    }
}
