package io.tributary.server.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.batch.engine.RetryPolicy;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.schedules.ConnectionSchedules;
import io.tributary.schedules.QuartzSettings;
import io.tributary.server.auth.BearerTokenFilter;
import io.tributary.server.auth.TokenService;
import io.tributary.server.jobs.JobEvents;
import io.tributary.server.jobs.JobSettings;
import io.tributary.server.jobs.SyncJobs;
import io.tributary.server.monitoring.SyncMonitoring;
import io.tributary.server.notifications.NotificationSettings;
import io.tributary.server.notifications.WebhookNotifier;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.JobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The service's parts and how they are wired. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean(destroyMethod = "close")
    ServiceDataSource serviceDataSource(
            Environment env,
            @Value("${tributary.data-dir:}") String dataDir,
            @Value("${tributary.database.pool-size:20}") int poolSize) {
        String url = first(env.getProperty("spring.datasource.url"), env.getProperty("tributary.database.url"));
        String user = first(env.getProperty("spring.datasource.username"), env.getProperty("tributary.database.user"));
        String password =
                first(env.getProperty("spring.datasource.password"), env.getProperty("tributary.database.password"));
        return ServiceDataSource.open(url, user, password, dataDir.isBlank() ? null : Path.of(dataDir), poolSize);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    @Bean
    DataSource dataSource(ServiceDataSource database) {
        return database.pool();
    }

    @Bean
    SyncEngine syncEngine(DataSource dataSource, ConnectorRegistry registry, JobSettings settings) {
        return SyncEngine.create(dataSource, registry, settings.progressInterval());
    }

    @Bean
    RetryPolicy defaultRetryPolicy(JobSettings settings) {
        return new RetryPolicy(settings.maxAttempts(), settings.retryBackoff());
    }

    @Bean
    ThreadPoolTaskExecutor syncExecutor(JobSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.maxConcurrent());
        executor.setMaxPoolSize(settings.maxConcurrent());
        executor.setThreadNamePrefix("tributary-sync-");
        // Stopping a node does not wait for its syncs: the next start recovers them and the next sync resumes.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * In standby until the service is ready: {@link ServiceStartup} then starts it with the jobs as
     * the receiver of firings and retries, so the jobs can use it without a wiring cycle.
     */
    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    ConnectionSchedules connectionSchedules(
            DataSource dataSource,
            @Value("${tributary.schedules.scheduler-name:tributary}") String name,
            @Value("${tributary.schedules.threads:4}") int threads,
            @Value("${tributary.schedules.misfire-threshold:60s}") Duration misfire,
            @Value("${tributary.schedules.cluster-checkin:7500ms}") Duration checkin) {
        return ConnectionSchedules.create(dataSource, new QuartzSettings(name, threads, misfire, checkin));
    }

    @Bean(destroyMethod = "close")
    WebhookNotifier webhookNotifier(NotificationSettings settings) {
        return new WebhookNotifier(settings);
    }

    @Bean(destroyMethod = "close")
    SyncMonitoring syncMonitoring(
            MeterRegistry meters,
            ConnectionStore connections,
            JobStore jobs,
            ConnectionService service,
            @Value("${tributary.jmx.domain:io.tributary}") String domain,
            SyncEngine engine) {
        return new SyncMonitoring(
                meters,
                connections,
                jobs,
                service,
                domain,
                id -> engine.repository().getJobExecution(id));
    }

    @Bean
    SyncJobs syncJobs(
            JobStore jobs,
            ConnectionStore connections,
            ConnectionConfigs configs,
            ConnectionService service,
            SyncEngine engine,
            ThreadPoolTaskExecutor syncExecutor,
            ConnectionSchedules schedules,
            JobSettings settings,
            List<JobEvents> events) {
        return new SyncJobs(jobs, connections, configs, service, engine, syncExecutor, schedules, settings, events);
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(TokenService tokens) {
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(tokens));
        registration.addUrlPatterns("/api/*", "/v1/*");
        registration.setOrder(1);
        return registration;
    }
}
