package io.tributary.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service with authentication on, driven the way Airflow's Airbyte provider drives Airbyte:
 * token, trigger, poll until succeeded, rows synced; then the same through the Config API. Every
 * answer and log line is scanned for the secrets it holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AirflowFlowIT {

    private static final String TOKEN = "tok-9f8e7d6c5b4a";
    private static final String CLIENT_SECRET = "client-secret-0123456789";

    @TempDir
    static Path lake;

    private static TestDatabase database;
    private static TestService service;
    private static LogCapture logs;
    private static String connectionId;
    private static String sourceId;

    @BeforeAll
    static void start() {
        database = TestPostgres.get().createDatabase("airflow");
        service = TestService.start(
                database,
                "--tributary.auth.enabled=true",
                "--tributary.auth.clients[0].client-id=airflow",
                "--tributary.auth.clients[0].client-secret=" + CLIENT_SECRET);
        // After the start: Spring Boot sets logging up anew when it starts.
        logs = LogCapture.begin();
    }

    @AfterAll
    static void stop() {
        service.close();
        database.close();
        logs.close();
    }

    private static String token() {
        Api.Answer answer = service.api.postForm(
                "/api/public/v1/applications/token",
                Map.of("client_id", "airflow", "client_secret", CLIENT_SECRET, "grant_type", "client_credentials"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("access_token").asString();
    }

    @Test
    @Order(1)
    void refusesApiCallsWithoutAValidTokenButServesHealthAndTheTokenEndpoint() {
        Api anonymous = service.api;
        assertThat(anonymous.get("/api/public/v1/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
        Api.Answer refused = anonymous.post("/api/v1/workspaces/list", "{}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.json().path("detail").asString()).contains("Bearer");
        assertThat(anonymous.get("/api/public/v1/jobs").status()).isEqualTo(401);

        Api.Answer wrong = anonymous.postForm(
                "/api/public/v1/applications/token",
                Map.of("client_id", "airflow", "client_secret", "not-the-secret", "grant_type", "client_credentials"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(new Api(service.port)
                        .bearer("made-up-token")
                        .post("/api/v1/workspaces/list", "{}")
                        .status())
                .isEqualTo(401);

        Api.Answer json = anonymous.post(
                "/api/public/v1/applications/token",
                "{'client_id':'airflow','client_secret':'" + CLIENT_SECRET + "','grant_type':'client_credentials'}");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.json().path("expires_in").asLong()).isPositive();
        assertThat(new Api(service.port)
                        .bearer(json.json().path("access_token").asString())
                        .post("/api/v1/workspaces/list", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void createsASourceDestinationAndConnectionWithTheSecretMasked() {
        service.api.bearer(token());
        sourceId = service.source("numbers", "{'count':1234,'key':'airflow','token':'" + TOKEN + "'}");
        JsonNode read = service.api.ok("/api/v1/sources/get", "{'sourceId':'" + sourceId + "'}");
        assertThat(read.path("connectionConfiguration").path("token").asString())
                .isEqualTo("**********");
        assertThat(read.path("connectionConfiguration").path("count").asInt()).isEqualTo(1234);

        JsonNode updated = service.api.ok(
                "/api/v1/sources/update",
                "{'sourceId':'" + sourceId
                        + "','name':'numbers','connectionConfiguration':{'count':1234,'key':'airflow','token':'**********'}}");
        assertThat(updated.path("connectionConfiguration").path("token").asString())
                .isEqualTo("**********");
        assertThat(database.queryValue("SELECT configuration->>'token' FROM actor WHERE id = '" + sourceId + "'"))
                .isEqualTo(TOKEN);
        JsonNode check = service.api.ok("/api/v1/sources/check_connection", "{'sourceId':'" + sourceId + "'}");
        assertThat(check.path("status").asString()).isEqualTo("succeeded");

        connectionId = service.connection(sourceId, service.localDestination(lake), "");
        JsonNode connection = service.api.ok("/api/v1/connections/get", "{'connectionId':'" + connectionId + "'}");
        assertThat(connection.path("syncCatalog").path("streams")).hasSize(1);
        assertThat(connection.path("status").asString()).isEqualTo("active");
        assertThat(connection.path("scheduleType").asString()).isEqualTo("manual");
    }

    @Test
    @Order(3)
    void airflowsPublicApiFlowTriggersPollsAndSeesTheRowsSynced() {
        Api airflow = new Api(service.port).bearer(token());
        Api.Answer created =
                airflow.post("/api/public/v1/jobs", "{'connectionId':'" + connectionId + "','jobType':'sync'}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode job = created.json();
        assertThat(job.path("status").asString()).isIn("pending", "running");
        assertThat(job.path("jobType").asString()).isEqualTo("sync");
        assertThat(job.path("connectionId").asString()).isEqualTo(connectionId);
        Instant.parse(job.path("startTime").asString());
        long jobId = job.path("jobId").asLong();

        JsonNode polled;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            TestService.sleep(300);
            polled = airflow.get("/api/public/v1/jobs/" + jobId).json();
            assertThat(polled.path("status").asString()).isIn("pending", "running", "incomplete", "succeeded");
            assertThat(System.nanoTime()).isLessThan(deadline);
        } while (!polled.path("status").asString().equals("succeeded"));
        assertThat(polled.path("rowsSynced").asLong()).isEqualTo(1234);
        assertThat(polled.path("bytesSynced").asLong()).isPositive();
        assertThat(polled.path("duration").asString()).startsWith("PT");
        Instant.parse(polled.path("lastUpdatedAt").asString());
        assertThat(TestService.ids(lake))
                .isEqualTo(LongStream.rangeClosed(1, 1234).boxed().toList());

        JsonNode list = airflow.get("/api/public/v1/jobs?connectionId=" + connectionId + "&limit=10&offset=0")
                .json();
        assertThat(list.path("data")).hasSize(1);
        assertThat(list.path("data").get(0).path("jobId").asLong()).isEqualTo(jobId);
    }

    @Test
    @Order(4)
    void theConfigApiFlowTriggersWithConnectionsSyncAndReportsAttemptsAndLogs() {
        JsonNode started = service.api.ok("/api/v1/connections/sync", "{'connectionId':'" + connectionId + "'}");
        assertThat(started.path("job").path("configType").asString()).isEqualTo("sync");
        assertThat(started.path("job").path("configId").asString()).isEqualTo(connectionId);
        assertThat(started.path("job").path("status").asString()).isIn("pending", "running");
        long createdAt = started.path("job").path("createdAt").asLong();
        assertThat(createdAt)
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
        JsonNode done = service.awaitJob(started.path("job").path("id").asLong(), Duration.ofSeconds(60));
        assertThat(done.path("job").path("status").asString()).isEqualTo("succeeded");
        JsonNode attempt = done.path("attempts").get(0);
        assertThat(attempt.path("attempt").path("status").asString()).isEqualTo("succeeded");
        assertThat(attempt.path("attempt").path("recordsSynced").asLong()).isEqualTo(1234);
        assertThat(attempt.path("logs").path("logLines").toString()).contains("counting source opens numbers");

        JsonNode list = service.api.ok(
                "/api/v1/jobs/list",
                "{'configTypes':['sync'],'configId':'" + connectionId + "','pagination':{'pageSize':1,'rowOffset':0}}");
        assertThat(list.path("totalJobCount").asLong()).isEqualTo(2);
        assertThat(list.path("jobs")).hasSize(1);
        assertThat(list.path("jobs")
                        .get(0)
                        .path("attempts")
                        .get(0)
                        .path("recordsSynced")
                        .asLong())
                .isEqualTo(1234);
    }

    @Test
    @Order(5)
    void noAnswerAndNoLogLineEverShowsASecret() {
        List<String> secrets = List.of(TOKEN, CLIENT_SECRET);
        for (Api.Answer answer : service.api.answers()) {
            assertThat(secrets).noneMatch(answer.body()::contains);
        }
        List<String> lines = logs.lines();
        assertThat(lines).anyMatch(l -> l.contains("counting source opens numbers at id 0 with token **********"));
        for (String line : lines) {
            assertThat(secrets).as(line).noneMatch(line::contains);
        }
    }
}
