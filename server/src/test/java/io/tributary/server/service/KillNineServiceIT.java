package io.tributary.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.TributaryApplication;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the service as {@code tributary serve} in its own JVM, kills it with kill -9 in the middle
 * of a sync, starts it again: the job is recovered (failed, never left running), and the next sync
 * resumes and delivers every record exactly once.
 */
class KillNineServiceIT {

    private static final long RECORDS = 6_000;

    @TempDir
    Path work;

    @Test
    void aServiceKilledDuringASyncRecoversTheJobAndTheNextSyncDeliversExactlyOnce() throws Exception {
        try (TestDatabase database = TestPostgres.get().createDatabase("killserve")) {
            Path lake = Files.createDirectories(work.resolve("lake"));
            int port = freePort();
            Process first = serve(database, port, "first");
            Api api = new Api(port);
            awaitHealth(api, first, "first");
            String workspace = api.ok("/api/v1/workspaces/list", "{}")
                    .path("workspaces")
                    .get(0)
                    .path("workspaceId")
                    .asString();
            String sourceDefinition = definition(api, "source", "counting");
            String destinationDefinition = definition(api, "destination", "local");
            String source = api.ok(
                            "/api/v1/sources/create",
                            "{'workspaceId':'" + workspace + "','name':'n','sourceDefinitionId':'" + sourceDefinition
                                    + "','connectionConfiguration':{'count':" + RECORDS
                                    + ",'key':'kill','delay_millis':1}}")
                    .path("sourceId")
                    .asString();
            String destination = api.ok(
                            "/api/v1/destinations/create",
                            "{'workspaceId':'" + workspace + "','name':'l',"
                                    + "'destinationDefinitionId':'" + destinationDefinition
                                    + "','connectionConfiguration':{'destination_path':'"
                                    + lake + "'}}")
                    .path("destinationId")
                    .asString();
            String connection = api.ok(
                            "/api/v1/connections/create",
                            "{'sourceId':'" + source + "','destinationId':'" + destination
                                    + "','chunkSize':100,'maxAttempts':1}")
                    .path("connectionId")
                    .asString();

            long job = api.ok("/api/v1/connections/sync", "{'connectionId':'" + connection + "'}")
                    .path("job")
                    .path("id")
                    .asLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records(api, job) < 1_500) {
                assertThat(first.isAlive()).isTrue();
                assertThat(System.nanoTime()).as("sync too slow").isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(status(api, job)).isEqualTo("running");
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Process second = serve(database, port, "second");
            try {
                awaitHealth(api, second, "second");
                JsonNode recovered = api.ok("/api/v1/jobs/get", "{'id':" + job + "}");
                assertThat(recovered.path("job").path("status").asString()).isEqualTo("failed");
                assertThat(recovered
                                .path("attempts")
                                .get(0)
                                .path("attempt")
                                .path("failureSummary")
                                .toString())
                        .contains("stopped during the sync");
                assertThat(
                                database.queryValue(
                                        "SELECT count(*) FROM batch_job_execution WHERE status IN ('STARTING','STARTED','STOPPING')"))
                        .isEqualTo(0L);

                long next = api.ok("/api/v1/connections/sync", "{'connectionId':'" + connection + "'}")
                        .path("job")
                        .path("id")
                        .asLong();
                long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (List.of("pending", "running").contains(status(api, next))) {
                    assertThat(System.nanoTime()).isLessThan(until);
                    Thread.sleep(200);
                }
                assertThat(status(api, next)).isEqualTo("succeeded");
                assertThat(records(api, next))
                        .as("only what was not committed before the kill")
                        .isLessThan(RECORDS);
                assertThat(TestService.ids(lake))
                        .isEqualTo(LongStream.rangeClosed(1, RECORDS).boxed().toList());
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process serve(TestDatabase database, int port, String name) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TributaryApplication.class.getName(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--database-url",
                        database.jdbcUrl(),
                        "--server.address=127.0.0.1",
                        "--tributary.jobs.progress-interval=1s")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        pb.environment().put("TRIBUTARY_DATABASE_USER", TestPostgres.get().user());
        pb.environment().put("TRIBUTARY_DATABASE_PASSWORD", TestPostgres.get().password());
        return pb.start();
    }

    private void awaitHealth(Api api, Process process, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("service died: " + Files.readString(work.resolve(name + ".log")));
            }
            try {
                if (api.get("/api/v1/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("service did not start").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static String definition(Api api, String kind, String type) {
        for (JsonNode d : api.ok("/api/v1/" + kind + "_definitions/list", "{}").path(kind + "Definitions")) {
            if (d.path("connectorType").asString().equals(type)) {
                return d.path(kind + "DefinitionId").asString();
            }
        }
        throw new AssertionError("no " + type);
    }

    private static long records(Api api, long job) {
        JsonNode attempts = api.ok("/api/v1/jobs/get", "{'id':" + job + "}").path("attempts");
        return attempts.isEmpty()
                ? 0
                : attempts.get(attempts.size() - 1)
                        .path("attempt")
                        .path("recordsSynced")
                        .asLong();
    }

    private static String status(Api api, long job) {
        return api.ok("/api/v1/jobs/get", "{'id':" + job + "}")
                .path("job")
                .path("status")
                .asString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
