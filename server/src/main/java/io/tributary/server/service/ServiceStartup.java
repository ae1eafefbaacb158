package io.tributary.server.service;

import io.tributary.schedules.ConnectionSchedules;
import io.tributary.server.jobs.SyncJobs;
import io.tributary.server.logging.AttemptLogAppender;
import io.tributary.server.monitoring.SyncMonitoring;
import io.tributary.server.store.JobStore;
import io.tributary.server.store.WorkspaceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the service does once it is up: collects job log lines, recovers the syncs a dead process
 * left running, puts every connection's schedule in Quartz, publishes the MBeans, and only then
 * lets schedules fire.
 */
@Component
class ServiceStartup implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServiceStartup.class);

    private final SyncJobs jobs;
    private final JobStore jobStore;
    private final WorkspaceStore workspaces;
    private final ConnectionService connections;
    private final ConnectionSchedules schedules;
    private final SyncMonitoring monitoring;
    private final Environment environment;
    private AttemptLogAppender appender;

    ServiceStartup(
            SyncJobs jobs,
            JobStore jobStore,
            WorkspaceStore workspaces,
            ConnectionService connections,
            ConnectionSchedules schedules,
            SyncMonitoring monitoring,
            Environment environment) {
        this.jobs = jobs;
        this.jobStore = jobStore;
        this.workspaces = workspaces;
        this.connections = connections;
        this.schedules = schedules;
        this.monitoring = monitoring;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        appender = AttemptLogAppender.attach(jobStore::appendLog);
        workspaces.defaultWorkspace();
        jobs.recover();
        connections.applyAllSchedules();
        monitoring.bind(jobs);
        schedules.start(jobs, jobs);
        log.info(
                "Tributary service ready on port {} (API: /api/v1, /api/public/v1; OpenAPI: /v3/api-docs)",
                environment.getProperty("local.server.port", environment.getProperty("server.port", "8001")));
        event.getApplicationContext().addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> {
            if (appender != null) {
                appender.detach();
            }
        });
    }
}
