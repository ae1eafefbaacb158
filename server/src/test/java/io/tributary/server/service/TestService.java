package io.tributary.server.service;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The service running in this JVM on a free loopback port and a database of its own, with
 * helpers to create a source, destination and connection and to wait for jobs.
 */
final class TestService implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    final ConfigurableApplicationContext context;
    final Api api;
    final int port;

    private TestService(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.api = new Api(port);
    }

    /** Starts a service on {@code database}; {@code properties} are Spring arguments such as {@code --tributary.auth.enabled=true}. */
    static TestService start(TestDatabase database, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--tributary.database.url=" + database.jdbcUrl(),
                "--tributary.database.user=" + TestPostgres.get().user(),
                "--tributary.database.password=" + TestPostgres.get().password(),
                "--tributary.database.pool-size=12",
                "--tributary.jmx.domain=io.tributary.test" + INSTANCES.incrementAndGet(),
                "--tributary.jobs.progress-interval=1s",
                "--tributary.jobs.retry-backoff=1s",
                "--tributary.jobs.cancel-wait=20s"));
        args.addAll(List.of(properties));
        return new TestService(new SpringApplicationBuilder(ServiceApplication.class).run(args.toArray(String[]::new)));
    }

    String jmxDomain() {
        return context.getEnvironment().getProperty("tributary.jmx.domain");
    }

    String workspaceId() {
        return api.ok("/api/v1/workspaces/list", "{}")
                .path("workspaces")
                .get(0)
                .path("workspaceId")
                .asString();
    }

    String definitionId(String kind, String type) {
        for (JsonNode d : api.ok("/api/v1/" + kind + "_definitions/list", "{}").path(kind + "Definitions")) {
            if (d.path("connectorType").asString().equals(type)) {
                return d.path(kind + "DefinitionId").asString();
            }
        }
        throw new AssertionError("no " + kind + " definition " + type);
    }

    /** Creates a counting source with the given JSON settings (single quotes allowed) and returns its id. */
    String source(String name, String configuration) {
        return api.ok(
                        "/api/v1/sources/create",
                        "{'workspaceId':'" + workspaceId() + "','name':'" + name + "','sourceDefinitionId':'"
                                + definitionId("source", "counting") + "','connectionConfiguration':" + configuration
                                + "}")
                .path("sourceId")
                .asString();
    }

    String localDestination(Path directory) {
        return api.ok(
                        "/api/v1/destinations/create",
                        "{'workspaceId':'" + workspaceId() + "','name':'lake','destinationDefinitionId':'"
                                + definitionId("destination", "local")
                                + "','connectionConfiguration':{'destination_path':'" + directory + "'}}")
                .path("destinationId")
                .asString();
    }

    /** A manual connection; {@code extra} adds fields to the request, e.g. {@code ,'maxAttempts':1}. */
    String connection(String sourceId, String destinationId, String extra) {
        return api.ok(
                        "/api/v1/connections/create",
                        "{'name':'numbers','sourceId':'" + sourceId + "','destinationId':'" + destinationId
                                + "','status':'active','chunkSize':100" + extra + "}")
                .path("connectionId")
                .asString();
    }

    /** Polls jobs/get until the job leaves pending/running/incomplete. */
    JsonNode awaitJob(long jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode info = api.ok("/api/v1/jobs/get", "{'id':" + jobId + "}");
            String status = info.path("job").path("status").asString();
            if (!List.of("pending", "running", "incomplete").contains(status)) {
                return info;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " still " + status + " after " + timeout);
            }
            sleep(200);
        }
    }

    /** Polls until the job's status is {@code status}. */
    void awaitStatus(long jobId, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!api.ok("/api/v1/jobs/get", "{'id':" + jobId + "}")
                .path("job")
                .path("status")
                .asString()
                .equals(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " never reached " + status);
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ids the local destination made visible for the counting source's stream, sorted. */
    static List<Long> ids(Path lake) {
        Path table = lake.resolve("seq").resolve("numbers");
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(table)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(table)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        ids.add(Api.JSON.readTree(line).get("id").asLong());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ids.sort(Long::compare);
        return ids;
    }

    @Override
    public void close() {
        context.close();
    }
}
