package io.tributary.batch.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.job.ConnectionJobFactory;
import io.tributary.batch.plan.ConnectionPlanner;
import io.tributary.batch.repository.JobRepositorySchema;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** An ordinary Spring Batch application builds and launches a Tributary connection as one of its jobs. */
class TributaryAutoConfigurationIT {

    @TempDir
    Path lake;

    @Configuration
    @EnableBatchProcessing
    @EnableJdbcJobRepository
    static class ExistingBatchApplication {
        static DataSource dataSource;

        @Bean
        DataSource dataSource() {
            return dataSource;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }

    @Test
    void aSpringBatchApplicationRunsAConnectionAsItsOwnJob() throws Exception {
        try (TestDatabase db = TestPostgres.get().createDatabase("autoconfig")) {
            ExistingBatchApplication.dataSource = db.dataSource();
            JobRepositorySchema.ensure(db.dataSource());
            String yaml = """
                    sources: { seq: { type: sequence, config: { count: 42 } } }
                    destinations: { lake: { type: local, config: { destination_path: "%s" } } }
                    connections: { numbers: { source: seq, destination: lake, chunk_size: 10 } }
                    """.formatted(lake);
            TributaryConfig config = new ConnectionsFileLoader(n -> null)
                    .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "app.yml");
            new ApplicationContextRunner()
                    .withUserConfiguration(ExistingBatchApplication.class)
                    .withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class))
                    .run(context -> {
                        ConnectionPlanner planner = context.getBean(ConnectionPlanner.class);
                        Job job = context.getBean(ConnectionJobFactory.class).create(planner.plan(config, "numbers"));
                        JobExecution execution = context.getBean(JobOperator.class)
                                .start(
                                        job,
                                        new JobParametersBuilder()
                                                .addLong("run", 1L)
                                                .toJobParameters());
                        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
                        assertThat(execution.getStepExecutions().stream()
                                        .mapToLong(s -> s.getWriteCount())
                                        .sum())
                                .isEqualTo(42);
                    });
            try (var files = Files.walk(lake)) {
                assertThat(files.filter(f -> f.toString().endsWith(".jsonl")).count())
                        .isPositive();
            }
        }
    }
}
