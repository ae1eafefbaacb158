package io.tributary.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes the APIs' requests and answers as schemas (the controllers speak
 * in records), and the records answer the JSON Airbyte's clients read: same names, optional fields
 * left out rather than null.
 */
class OpenApiDocumentIT {

    @TempDir
    static Path lake;

    private static TestDatabase database;
    private static TestService service;

    @BeforeAll
    static void start() {
        database = TestPostgres.get().createDatabase("openapi");
        service = TestService.start(database);
    }

    @AfterAll
    static void stop() {
        service.close();
        database.close();
    }

    private static JsonNode document() {
        Api.Answer answer = service.api.get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void theDocumentHasAComponentSchemaForEachMainRequestAndAnswer() {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(schemas.propertyNames())
                .contains(
                        "ConnectionRead",
                        "ConnectionReadList",
                        "ConnectionCreate",
                        "ConnectionUpdate",
                        "ConnectionIdRequestBody",
                        "ConnectionScheduleData",
                        "AirbyteCatalog",
                        "AirbyteStream",
                        "JobRead",
                        "JobInfoRead",
                        "AttemptRead",
                        "JobReadList",
                        "JobListRequestBody",
                        "JobIdRequestBody",
                        "SourceRead",
                        "SourceReadList",
                        "SourceCreate",
                        "SourceUpdate",
                        "SourceIdRequestBody",
                        "SourceDiscoverSchemaRead",
                        "DestinationRead",
                        "DestinationCreate",
                        "CheckConnectionRead",
                        "SynchronousJobRead",
                        "SourceDefinitionRead",
                        "DestinationDefinitionSpecificationRead",
                        "WorkspaceRead",
                        "WorkspaceReadList",
                        "JobResponse",
                        "JobsResponse",
                        "JobCreateRequest",
                        "AccessTokenRequest",
                        "AccessTokenResponse",
                        "HealthCheckRead");
        assertThat(schemas.path("ConnectionRead").path("properties").propertyNames())
                .contains(
                        "connectionId",
                        "sourceId",
                        "destinationId",
                        "syncCatalog",
                        "status",
                        "namespaceDefinition",
                        "namespaceFormat",
                        "prefix",
                        "scheduleType",
                        "scheduleData",
                        "schedule");
        assertThat(schemas.path("SourceRead").path("properties").propertyNames())
                .as("free-form settings do not empty the record")
                .contains(
                        "sourceId",
                        "sourceDefinitionId",
                        "workspaceId",
                        "connectionConfiguration",
                        "name",
                        "createdAt");
        assertThat(schemas.path("SourceRead")
                        .path("properties")
                        .path("connectionConfiguration")
                        .path("type")
                        .asString())
                .isEqualTo("object");
        assertThat(schemas.path("AirbyteStream").path("properties").propertyNames())
                .contains("jsonSchema", "supportedSyncModes");
        assertThat(schemas.path("JobRead").path("properties").propertyNames())
                .contains("id", "configType", "configId", "createdAt", "updatedAt", "status");
        assertThat(schemas.path("JobResponse").path("properties").propertyNames())
                .contains(
                        "jobId",
                        "status",
                        "jobType",
                        "startTime",
                        "connectionId",
                        "lastUpdatedAt",
                        "duration",
                        "bytesSynced",
                        "rowsSynced");
        assertThat(schemas.path("AccessTokenResponse").path("properties").propertyNames())
                .as("the OAuth names, not the Java ones")
                .contains("access_token", "token_type", "expires_in");
        assertThat(schemas.path("AccessTokenRequest").path("properties").propertyNames())
                .contains("client_id", "client_secret", "grant_type");
        assertThat(schemas.path("ConnectionIdRequestBody")
                        .path("properties")
                        .path("connectionId")
                        .path("format")
                        .asString())
                .isEqualTo("uuid");
    }

    @Test
    void theOperationsReferToThoseSchemas() {
        JsonNode paths = document().path("paths");
        JsonNode sync = paths.path("/api/v1/connections/sync").path("post");
        assertThat(sync.path("requestBody").toString()).contains("#/components/schemas/ConnectionIdRequestBody");
        assertThat(sync.path("responses").path("200").toString()).contains("#/components/schemas/JobInfoRead");
        assertThat(paths.path("/api/v1/sources/get")
                        .path("post")
                        .path("responses")
                        .path("200")
                        .toString())
                .contains("#/components/schemas/SourceRead");
        assertThat(sync.path("responses").path("404").toString()).contains("#/components/schemas/KnownExceptionInfo");
        assertThat(sync.path("responses").path("422").toString()).contains("#/components/schemas/KnownExceptionInfo");
        assertThat(paths.path("/api/public/v1/jobs/{jobId}")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .toString())
                .contains("#/components/schemas/JobResponse");
        assertThat(paths.path("/api/public/v1/jobs/{jobId}")
                        .path("get")
                        .path("responses")
                        .path("404")
                        .toString())
                .as("the public API's errors are problem JSON")
                .contains("#/components/schemas/ProblemResponse");
    }

    @Test
    void answersLeaveOptionalFieldsOutAndKeepAirbytesNames() {
        String source = service.source("shapes", "{'count':10,'key':'shapes'}");
        String connection = service.connection(source, service.localDestination(lake), "");
        JsonNode manual = service.api.ok("/api/v1/connections/get", "{'connectionId':'" + connection + "'}");
        assertThat(manual.has("scheduleData")).as("manual: no scheduleData").isFalse();
        assertThat(manual.has("schedule")).isFalse();
        assertThat(manual.path("operationIds").isArray()).isTrue();
        assertThat(manual.path("retryPolicy").has("maxAttempts")).isTrue();

        JsonNode cron = service.api.ok(
                "/api/v1/connections/update",
                "{'connectionId':'" + connection
                        + "','scheduleType':'cron','scheduleData':{'cron':{'cronExpression':'0 0 */6 * * ?'}}}");
        assertThat(cron.path("scheduleData").propertyNames()).containsExactly("cron");
        assertThat(cron.path("scheduleData").path("cron").path("cronTimeZone").asString())
                .isEqualTo("UTC");
        assertThat(cron.has("schedule"))
                .as("the legacy schedule is for basic schedules only")
                .isFalse();
        JsonNode basic = service.api.ok(
                "/api/v1/connections/update",
                "{'connectionId':'" + connection + "','schedule':{'units':2,'timeUnit':'hours'}}");
        assertThat(basic.path("scheduleType").asString()).isEqualTo("basic");
        assertThat(basic.path("schedule").path("units").asLong()).isEqualTo(2);
        assertThat(basic.path("scheduleData").propertyNames()).containsExactly("basicSchedule");
        service.api.ok("/api/v1/connections/update", "{'connectionId':'" + connection + "','scheduleType':'manual'}");

        JsonNode started = service.api.ok("/api/v1/connections/sync", "{'connectionId':'" + connection + "'}");
        JsonNode done = service.awaitJob(started.path("job").path("id").asLong(), java.time.Duration.ofSeconds(60));
        JsonNode attempt = done.path("attempts").get(0).path("attempt");
        assertThat(attempt.has("failureSummary"))
                .as("a succeeded attempt has no failureSummary")
                .isFalse();
        assertThat(attempt.path("endedAt").isNumber()).isTrue();
        assertThat(done.path("job").path("startedAt").isNumber()).isTrue();

        JsonNode publicJob = service.api
                .get("/api/public/v1/jobs/" + started.path("job").path("id").asLong())
                .json();
        assertThat(publicJob.path("jobId").isIntegralNumber()).isTrue();
        assertThat(publicJob.path("connectionId").asString()).isEqualTo(connection);
        JsonNode page = service.api
                .get("/api/public/v1/jobs?connectionId=" + connection)
                .json();
        assertThat(page.has("next")).isFalse();
        assertThat(page.has("previous")).isFalse();

        JsonNode workspace =
                service.api.ok("/api/v1/workspaces/get", "{'workspaceId':'" + service.workspaceId() + "'}");
        assertThat(workspace.path("notifications").isArray()).isTrue();
        JsonNode check = service.api.ok("/api/v1/sources/check_connection", "{'sourceId':'" + source + "'}");
        assertThat(check.path("jobInfo").has("failureReason")).isFalse();
        assertThat(check.path("jobInfo").path("logs").path("logLines").isArray())
                .isTrue();
    }

    @Test
    void aFieldOfTheWrongTypeIsA422NamingIt() {
        Api.Answer badId = service.api.post("/api/v1/jobs/get", "{'id':'twelve'}");
        assertThat(badId.status()).isEqualTo(422);
        JsonNode error = badId.json().path("validationErrors").get(0);
        assertThat(error.path("propertyPath").asString()).isEqualTo("id");
        assertThat(error.path("invalidValue").asString()).isEqualTo("twelve");
        assertThat(badId.json().path("exceptionStack").isArray()).isTrue();
        assertThat(badId.json().has("id")).as("only a 404 names an id").isFalse();

        Api.Answer missing = service.api.post("/api/v1/connections/get", "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json()
                        .path("validationErrors")
                        .get(0)
                        .path("message")
                        .asString())
                .isEqualTo("required");
        assertThat(missing.json().path("validationErrors").get(0).has("invalidValue"))
                .isFalse();

        Api.Answer publicBad =
                service.api.post("/api/public/v1/jobs", "{'connectionId':'not-a-uuid','jobType':'sync'}");
        assertThat(publicBad.status()).isEqualTo(422);
        assertThat(publicBad
                        .json()
                        .path("validationErrors")
                        .get(0)
                        .path("propertyPath")
                        .asString())
                .isEqualTo("connectionId");
        assertThat(List.of("type", "title", "status", "detail")).allMatch(publicBad.json()::has);
    }
}
