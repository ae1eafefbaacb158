package io.tributary.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.testconnectors.CountingSource;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The retry of a failed attempt waits as a one-shot trigger in Quartz's clustered store: the
 * service stops while it waits, two nodes start on the same database, and the retry fires on
 * exactly one of them and resumes the failed execution after its last committed chunk. A cancel on
 * any node drops a waiting retry.
 */
class RetryAfterRestartIT {

    private static final String RETRY_TRIGGERS =
            "SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'tributary-retries'";

    @TempDir
    Path lake;

    @Test
    void aRetryWaitingWhenTheServiceStopsFiresOnceAfterItStartsAgainAndResumesTheFailedExecution() {
        try (TestDatabase database = TestPostgres.get().createDatabase("retryrestart")) {
            String connection;
            long job;
            try (TestService first = TestService.start(database)) {
                String source =
                        first.source("flaky", "{'count':600,'key':'restart-retry','fail_at':250,'fail_times':1}");
                connection = first.connection(
                        source, first.localDestination(lake), ",'retryPolicy':{'maxAttempts':2,'backoffSeconds':20}");
                job = first.api
                        .ok("/api/v1/connections/sync", "{'connectionId':'" + connection + "'}")
                        .path("job")
                        .path("id")
                        .asLong();
                first.awaitStatus(job, "incomplete", Duration.ofSeconds(60));
                assertThat(database.queryValue(RETRY_TRIGGERS)).isEqualTo(1L);
            }
            assertThat(CountingSource.reads("restart-retry")).isEqualTo(249);
            assertThat(database.queryValue(RETRY_TRIGGERS))
                    .as("the retry outlives the service")
                    .isEqualTo(1L);

            try (TestService second = TestService.start(database, "--tributary.schedules.cluster-checkin=2s");
                    TestService third = TestService.start(database, "--tributary.schedules.cluster-checkin=2s");
                    LogCapture logs = LogCapture.begin()) {
                JsonNode waiting = second.api.ok("/api/v1/jobs/get", "{'id':" + job + "}");
                assertThat(waiting.path("job").path("status").asString())
                        .as("started before the retry was due")
                        .isEqualTo("incomplete");
                assertThat(waiting.path("attempts")).hasSize(1);

                JsonNode done = third.awaitJob(job, Duration.ofSeconds(90));
                assertThat(done.path("job").path("status").asString()).isEqualTo("succeeded");
                assertThat(done.path("attempts")).hasSize(2);
                assertThat(done.path("attempts")
                                .get(0)
                                .path("attempt")
                                .path("status")
                                .asString())
                        .isEqualTo("failed");
                assertThat(done.path("attempts")
                                .get(1)
                                .path("attempt")
                                .path("status")
                                .asString())
                        .isEqualTo("succeeded");
                assertThat(done.path("attempts")
                                .get(1)
                                .path("attempt")
                                .path("recordsSynced")
                                .asLong())
                        .as("resumed after the last committed chunk (200)")
                        .isEqualTo(400);
                assertThat(CountingSource.reads("restart-retry")).isEqualTo(249 + 400);
                assertThat(TestService.ids(lake))
                        .isEqualTo(LongStream.rangeClosed(1, 600).boxed().toList());

                TestService.sleep(3_000);
                assertThat(logs.lines().stream()
                                .filter(l ->
                                        l.contains("Job " + job + " of connection " + connection + ": retry fired")))
                        .as("the retry fired on one node only")
                        .hasSize(1);
                assertThat(second.api
                                .ok("/api/v1/jobs/get", "{'id':" + job + "}")
                                .path("attempts"))
                        .hasSize(2);
                assertThat(database.queryValue(RETRY_TRIGGERS)).isEqualTo(0L);
            }
        }
    }

    @Test
    void cancellingAJobThatWaitsForItsRetryDropsTheRetryFromTheSchedulerOfEveryNode() {
        try (TestDatabase database = TestPostgres.get().createDatabase("retrycancel");
                TestService a = TestService.start(database, "--tributary.schedules.cluster-checkin=2s");
                TestService b = TestService.start(database, "--tributary.schedules.cluster-checkin=2s")) {
            String source = a.source("flaky", "{'count':300,'key':'cancel-retry','fail_at':150,'fail_times':1}");
            String connection = a.connection(
                    source, a.localDestination(lake), ",'retryPolicy':{'maxAttempts':3,'backoffSeconds':4}");
            long job = a.api.ok("/api/v1/connections/sync", "{'connectionId':'" + connection + "'}")
                    .path("job")
                    .path("id")
                    .asLong();
            a.awaitStatus(job, "incomplete", Duration.ofSeconds(60));
            assertThat(database.queryValue(RETRY_TRIGGERS)).isEqualTo(1L);

            JsonNode cancelled = b.api.ok("/api/v1/jobs/cancel", "{'id':" + job + "}");
            assertThat(cancelled.path("job").path("status").asString()).isEqualTo("cancelled");
            assertThat(database.queryValue(RETRY_TRIGGERS)).isEqualTo(0L);
            TestService.sleep(6_000);
            JsonNode after = a.api.ok("/api/v1/jobs/get", "{'id':" + job + "}");
            assertThat(after.path("job").path("status").asString()).isEqualTo("cancelled");
            assertThat(after.path("attempts")).as("no retry ran").hasSize(1);
            assertThat(CountingSource.reads("cancel-retry")).isEqualTo(149);
        }
    }
}
