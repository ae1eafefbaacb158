package io.tributary.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.testconnectors.CountingSource;
import io.tributary.testsupport.http.TestHttpServer;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Jobs through the Config API with authentication off: conflicts, cancel, resume, retries, alerts, schedules, errors. */
class JobControlIT {

    @TempDir
    static Path work;

    private static TestDatabase database;
    private static TestService service;
    private static TestHttpServer slack;

    @BeforeAll
    static void start() {
        slack = TestHttpServer.start();
        // The webhook fails once, then accepts: a failing webhook is retried and never fails a sync.
        slack.serve("/hook", TestHttpServer.Response.status(500), TestHttpServer.Response.json("{\"ok\":true}"));
        database = TestPostgres.get().createDatabase("jobcontrol");
        service = TestService.start(
                database,
                "--tributary.notifications.webhook-url=" + slack.uri("/hook"),
                "--tributary.notifications.backoff=100ms",
                "--tributary.notifications.on-success=true");
    }

    @AfterAll
    static void stop() {
        service.close();
        database.close();
        slack.close();
    }

    private static Path lake(String name) {
        try {
            return Files.createDirectories(work.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long sync(String connectionId) {
        return service.api
                .ok("/api/v1/connections/sync", "{'connectionId':'" + connectionId + "'}")
                .path("job")
                .path("id")
                .asLong();
    }

    @Test
    void aSecondSyncWhileOneRunsIsA409AndCancelStopsTheRunningOneAtAChunkBoundary() {
        String source = service.source("slow", "{'count':100000,'key':'slow','delay_millis':2}");
        String connection = service.connection(source, service.localDestination(lake("slow")), "");
        long job = sync(connection);
        service.awaitStatus(job, "running", Duration.ofSeconds(30));

        Api.Answer second = service.api.post("/api/v1/connections/sync", "{'connectionId':'" + connection + "'}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("message").asString()).isEqualTo("A sync is already running for: " + connection);
        Api.Answer publicSecond =
                service.api.post("/api/public/v1/jobs", "{'connectionId':'" + connection + "','jobType':'sync'}");
        assertThat(publicSecond.status()).isEqualTo(409);

        TestService.sleep(1_500);
        JsonNode cancelled = service.api.ok("/api/v1/jobs/cancel", "{'id':" + job + "}");
        assertThat(cancelled.path("job").path("status").asString()).isEqualTo("cancelled");
        JsonNode attempt = cancelled.path("attempts").get(0).path("attempt");
        assertThat(attempt.path("status").asString()).isEqualTo("failed");
        long records = attempt.path("recordsSynced").asLong();
        assertThat(records).isPositive().isLessThan(100_000);
        assertThat(records % 100).as("stopped at a chunk boundary").isZero();
        assertThat(service.api
                        .get("/api/public/v1/jobs/" + job)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("cancelled");

        // The connection is free again: the next sync starts anew and completes.
        service.api.ok(
                "/api/v1/sources/update",
                "{'sourceId':'" + source + "','name':'slow','connectionConfiguration':{'count':300,'key':'slow'}}");
        JsonNode next = service.awaitJob(sync(connection), Duration.ofSeconds(60));
        assertThat(next.path("job").path("status").asString()).isEqualTo("succeeded");
        assertThat(TestService.ids(lake("slow")))
                .isEqualTo(LongStream.rangeClosed(1, 300).boxed().toList());
    }

    @Test
    void aSyncAfterAFailedOneResumesAfterItsLastCommittedChunkWithoutReadingAgain() {
        String source = service.source(
                "flaky", "{'count':1000,'key':'resume','fail_at':550,'fail_times':1,'token':'resume-secret-1'}");
        String connection = service.connection(source, service.localDestination(lake("resume")), ",'maxAttempts':1");
        JsonNode failed = service.awaitJob(sync(connection), Duration.ofSeconds(60));
        assertThat(failed.path("job").path("status").asString()).isEqualTo("failed");
        JsonNode attempt = failed.path("attempts").get(0).path("attempt");
        assertThat(attempt.path("failureSummary")
                        .path("failures")
                        .get(0)
                        .path("externalMessage")
                        .asString())
                .contains("failing at id 550")
                .contains("**********")
                .doesNotContain("resume-secret-1");
        assertThat(CountingSource.reads("resume")).isEqualTo(549);

        JsonNode resumed = service.awaitJob(sync(connection), Duration.ofSeconds(60));
        assertThat(resumed.path("job").path("status").asString()).isEqualTo("succeeded");
        assertThat(resumed.path("attempts")
                        .get(0)
                        .path("attempt")
                        .path("recordsSynced")
                        .asLong())
                .isEqualTo(500);
        assertThat(CountingSource.reads("resume"))
                .as("ids 501..1000 read once more, nothing else")
                .isEqualTo(549 + 500);
        assertThat(TestService.ids(lake("resume")))
                .isEqualTo(LongStream.rangeClosed(1, 1000).boxed().toList());
    }

    @Test
    void aFailedAttemptIsRetriedAutomaticallyAndTheRetryResumes() {
        String source = service.source("retried", "{'count':600,'key':'retry','fail_at':250,'fail_times':1}");
        String connection = service.connection(
                source, service.localDestination(lake("retry")), ",'retryPolicy':{'maxAttempts':3,'backoffSeconds':1}");
        JsonNode done = service.awaitJob(sync(connection), Duration.ofSeconds(60));
        assertThat(done.path("job").path("status").asString()).isEqualTo("succeeded");
        assertThat(done.path("attempts")).hasSize(2);
        assertThat(done.path("attempts").get(0).path("attempt").path("status").asString())
                .isEqualTo("failed");
        assertThat(done.path("attempts").get(1).path("attempt").path("status").asString())
                .isEqualTo("succeeded");
        assertThat(CountingSource.reads("retry")).isEqualTo(249 + 400);
        assertThat(TestService.ids(lake("retry")))
                .isEqualTo(LongStream.rangeClosed(1, 600).boxed().toList());
    }

    @Test
    void threeFailedJobsInARowDisableTheConnectionAndTheWebhookSaysSo() throws Exception {
        String source = service.source("broken", "{'count':10,'key':'broken','fail_at':1}");
        String connection = service.connection(
                source,
                service.localDestination(lake("broken")),
                ",'maxAttempts':1,'scheduleType':'cron','scheduleData':{'cron':{'cronExpression':'0 2 * * 1-5','cronTimeZone':'Europe/Paris'}}");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName bean = new ObjectName(service.jmxDomain() + ":type=Connection,name=" + connection);
        for (int i = 1; i <= 3; i++) {
            JsonNode failed = service.awaitJob(sync(connection), Duration.ofSeconds(60));
            assertThat(failed.path("job").path("status").asString()).isEqualTo("failed");
            assertThat(jmx.getAttribute(bean, "ConsecutiveFailures")).isEqualTo(i);
        }
        JsonNode read = service.api.ok("/api/v1/connections/get", "{'connectionId':'" + connection + "'}");
        assertThat(read.path("status").asString()).isEqualTo("inactive");
        assertThat(jmx.getAttribute(bean, "Status")).isEqualTo("inactive");
        assertThat(jmx.getAttribute(bean, "NextFireTime")).isEqualTo("");
        assertThat(jmx.getAttribute(bean, "LastJobStatus")).isEqualTo("failed");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slack.requests().stream().noneMatch(r -> r.bodyText().contains("was disabled after 3 failed jobs"))) {
            assertThat(System.nanoTime()).as("disabled notification").isLessThan(deadline);
            Thread.sleep(100);
        }
        List<String> texts = slack.requests().stream()
                .map(TestHttpServer.RecordedRequest::bodyText)
                .toList();
        assertThat(texts).allMatch(t -> t.startsWith("{\"text\":"));
        assertThat(texts.stream()
                        .filter(t -> t.contains("broken") || t.contains(connection) && t.contains("failed"))
                        .count())
                .isGreaterThanOrEqualTo(3);

        // Resuming through JMX makes it active again and schedules it.
        jmx.invoke(bean, "resume", null, null);
        assertThat(jmx.getAttribute(bean, "Status")).isEqualTo("active");
        assertThat((String) jmx.getAttribute(bean, "NextFireTime")).isNotEmpty();
        assertThat(jmx.getAttribute(bean, "ConsecutiveFailures")).isEqualTo(0);
    }

    @Test
    void importsAConnectionsFileAndExportsItBackWithSecretsAsEnvironmentReferences() throws Exception {
        Path lake = lake("imported");
        String yaml = """
                sources:
                  counted: { type: counting, config: { count: 120, key: imported, token: import-secret-42 } }
                destinations:
                  files: { type: local, config: { destination_path: "%s" } }
                connections:
                  counted_to_files:
                    source: counted
                    destination: files
                    chunk_size: 50
                    streams:
                      - { name: numbers, sync_mode: incremental, cursor_field: [id], destination_sync_mode: append }
                """.formatted(lake);
        java.net.http.HttpResponse<String> imported = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + service.port
                                        + "/api/v1/tributary/connections_file/import"))
                                .header("Content-Type", "application/yaml")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(yaml))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode created = Api.JSON.readTree(imported.body());
        String connection = created.path("connections").path("counted_to_files").asString();
        JsonNode read = service.api.ok("/api/v1/connections/get", "{'connectionId':'" + connection + "'}");
        assertThat(read.path("chunkSize").asInt()).isEqualTo(50);
        assertThat(read.path("syncCatalog")
                        .path("streams")
                        .get(0)
                        .path("config")
                        .path("syncMode")
                        .asString())
                .isEqualTo("incremental");
        assertThat(service.awaitJob(sync(connection), Duration.ofSeconds(60))
                        .path("job")
                        .path("status")
                        .asString())
                .isEqualTo("succeeded");
        assertThat(TestService.ids(lake)).hasSize(120);

        Api.Answer exported = service.api.post(
                "/api/v1/tributary/connections_file/export",
                "{'workspaceId':'" + created.path("workspaceId").asString() + "'}");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body())
                .contains("counted_to_files")
                .contains("${env:COUNTED_TOKEN}")
                .doesNotContain("import-secret-42")
                .contains("cursor_field");
        var reloaded = new io.tributary.batch.config.ConnectionsFileLoader(name -> "from-env")
                .load(
                        new java.io.ByteArrayInputStream(
                                exported.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "exported.yml");
        assertThat(reloaded.connection("counted_to_files").chunkSize()).isEqualTo(50);
        assertThat(reloaded.source("counted").config()).containsEntry("token", "from-env");

        Api.Answer broken = service.api.post("/api/v1/tributary/connections_file/import", "{'sources': 3}");
        assertThat(broken.status()).isEqualTo(422);
    }

    @Test
    void invalidCronExpressionsAreA422ThatSaysWhatIsWrong() {
        String source = service.source("cron", "{'count':10,'key':'cron'}");
        String destination = service.localDestination(lake("cron"));
        Api.Answer wrongHour = service.api.post(
                "/api/v1/connections/create",
                "{'sourceId':'" + source + "','destinationId':'" + destination
                        + "','scheduleType':'cron','scheduleData':{'cron':{'cronExpression':'0 25 * * *','cronTimeZone':'UTC'}}}");
        assertThat(wrongHour.status()).isEqualTo(422);
        JsonNode error = wrongHour.json().path("validationErrors").get(0);
        assertThat(error.path("propertyPath").asString()).isEqualTo("scheduleData.cron.cronExpression");
        assertThat(error.path("message").asString()).contains("hour field '25': 25 is out of range 0-23");

        Api.Answer badQuartz = service.api.post(
                "/api/v1/connections/create",
                "{'sourceId':'" + source + "','destinationId':'" + destination
                        + "','scheduleType':'cron','scheduleData':{'cron':{'cronExpression':'0 0 12 * * *'}}}");
        assertThat(badQuartz.status()).isEqualTo(422);
        assertThat(badQuartz.body()).contains("is not valid");

        Api.Answer badZone = service.api.post(
                "/api/v1/connections/create",
                "{'sourceId':'" + source + "','destinationId':'" + destination
                        + "','scheduleType':'cron','scheduleData':{'cron':{'cronExpression':'0 2 * * *','cronTimeZone':'Mars/Base'}}}");
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.body()).contains("not a known time zone");

        JsonNode quartz = service.api.ok(
                "/api/v1/connections/create",
                "{'sourceId':'" + source + "','destinationId':'" + destination
                        + "','scheduleType':'cron','scheduleData':{'cron':{'cronExpression':'0 0 */6 * * ?'}}}");
        assertThat(quartz.path("scheduleData")
                        .path("cron")
                        .path("cronExpression")
                        .asString())
                .isEqualTo("0 0 */6 * * ?");
        JsonNode basic = service.api.ok(
                "/api/v1/connections/create",
                "{'sourceId':'" + source + "','destinationId':'" + destination
                        + "','schedule':{'units':6,'timeUnit':'hours'}}");
        assertThat(basic.path("scheduleType").asString()).isEqualTo("basic");
        assertThat(basic.path("scheduleData")
                        .path("basicSchedule")
                        .path("units")
                        .asInt())
                .isEqualTo(6);
    }

    @Test
    void unknownIdsAre404AndInvalidInputIs422WithValidationErrors() {
        assertThat(service.api.post("/api/v1/jobs/get", "{'id':987654}").status())
                .isEqualTo(404);
        Api.Answer missing =
                service.api.post("/api/v1/connections/get", "{'connectionId':'00000000-0000-0000-0000-000000000001'}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("id").asString()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(service.api.get("/api/public/v1/jobs/987654").status()).isEqualTo(404);
        assertThat(service.api
                        .post("/api/public/v1/jobs", "{'connectionId':'00000000-0000-0000-0000-000000000002'}")
                        .status())
                .isEqualTo(404);

        Api.Answer badConfig = service.api.post(
                "/api/v1/sources/create",
                "{'workspaceId':'" + service.workspaceId()
                        + "','name':'x','sourceDefinitionId':'" + service.definitionId("source", "counting")
                        + "','connectionConfiguration':{'count':'many','colour':'red'}}");
        assertThat(badConfig.status()).isEqualTo(422);
        assertThat(badConfig.json().path("validationErrors").toString())
                .contains("connectionConfiguration.count")
                .contains("is not a whole number")
                .contains("connectionConfiguration.colour")
                .contains("unknown field");

        Api.Answer notJson = service.api.post("/api/v1/connections/sync", "{not json");
        assertThat(notJson.status()).isEqualTo(422);
        Api.Answer badId = service.api.post("/api/v1/connections/sync", "{'connectionId':'nope'}");
        assertThat(badId.status()).isEqualTo(422);
        assertThat(badId.json()
                        .path("validationErrors")
                        .get(0)
                        .path("propertyPath")
                        .asString())
                .isEqualTo("connectionId");

        String source = service.source("streams", "{'count':5,'key':'streams'}");
        Api.Answer unknownStream = service.api.post(
                "/api/v1/connections/create",
                "{'sourceId':'" + source + "','destinationId':'"
                        + service.localDestination(lake("streams"))
                        + "','syncCatalog':{'streams':[{'stream':{'name':'nothing','namespace':'seq'},"
                        + "'config':{'syncMode':'full_refresh','destinationSyncMode':'overwrite','selected':true}}]}}");
        assertThat(unknownStream.status()).isEqualTo(422);
        assertThat(unknownStream.body()).contains("stream 'seq.nothing' not found");
    }

    @Test
    void aResetEmptiesTheDestinationAndMetricsAndTheEngineMBeanCountJobs() throws Exception {
        String source = service.source("reset", "{'count':300,'key':'reset'}");
        Path lake = lake("reset");
        String connection = service.connection(source, service.localDestination(lake), "");
        assertThat(service.awaitJob(sync(connection), Duration.ofSeconds(60))
                        .path("job")
                        .path("status")
                        .asString())
                .isEqualTo("succeeded");
        assertThat(TestService.ids(lake)).hasSize(300);

        JsonNode reset = service.api.ok("/api/v1/connections/reset", "{'connectionId':'" + connection + "'}");
        assertThat(reset.path("job").path("configType").asString()).isEqualTo("reset_connection");
        assertThat(service.awaitJob(reset.path("job").path("id").asLong(), Duration.ofSeconds(60))
                        .path("job")
                        .path("status")
                        .asString())
                .isEqualTo("succeeded");
        assertThat(TestService.ids(lake)).isEmpty();

        String prometheus = service.api.getText("/actuator/prometheus").body();
        assertThat(prometheus).contains("tributary_sync_records_total{connection=\"" + connection + "\"} 300.0");
        assertThat(prometheus)
                .contains("tributary_sync_duration_seconds_count{connection=\"" + connection
                        + "\",status=\"succeeded\"}");
        assertThat(prometheus).contains("tributary_sync_running");

        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName engine = new ObjectName(service.jmxDomain() + ":type=Engine");
        assertThat((Long) jmx.getAttribute(engine, "SucceededJobs")).isGreaterThanOrEqualTo(2);
        ObjectName bean = new ObjectName(service.jmxDomain() + ":type=Connection,name=" + connection);
        long job = (Long) jmx.invoke(bean, "syncNow", null, null);
        assertThat(service.awaitJob(job, Duration.ofSeconds(60))
                        .path("job")
                        .path("status")
                        .asString())
                .isEqualTo("succeeded");
        assertThat(jmx.getAttribute(bean, "LastRecordsSynced")).isEqualTo(300L);
        assertThat(jmx.getAttribute(bean, "LastJobId")).isEqualTo(job);

        assertThat(service.api.get("/v3/api-docs").body())
                .contains("/api/v1/connections/sync")
                .contains("/api/public/v1/jobs");
    }
}
