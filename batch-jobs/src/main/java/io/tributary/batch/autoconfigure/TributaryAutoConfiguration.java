package io.tributary.batch.autoconfigure;

import io.tributary.batch.job.ConnectionJobFactory;
import io.tributary.batch.plan.ConnectionPlanner;
import io.tributary.connector.registry.ConnectorRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Lets an existing Spring Batch application run Tributary connections as its own jobs: provides
 * the connector registry (connectors on the class path), the {@link ConnectionPlanner} and a
 * {@link ConnectionJobFactory} bound to the application's {@link JobRepository}.
 */
@AutoConfiguration
@ConditionalOnClass(JobRepository.class)
public class TributaryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ConnectorRegistry tributaryConnectorRegistry() {
        return ConnectorRegistry.load();
    }

    @Bean
    @ConditionalOnMissingBean
    public ConnectionPlanner tributaryConnectionPlanner(ConnectorRegistry registry) {
        return new ConnectionPlanner(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({JobRepository.class, PlatformTransactionManager.class})
    public ConnectionJobFactory tributaryConnectionJobFactory(
            JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new ConnectionJobFactory(jobRepository, transactionManager);
    }
}
