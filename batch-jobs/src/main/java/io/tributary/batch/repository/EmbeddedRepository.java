package io.tributary.batch.repository;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default job repository: an embedded PostgreSQL (zonky) whose data stays in a directory
 * ({@code ~/.tributary/data} unless {@code --data-dir} says otherwise), so nothing must be
 * installed and sync history survives between runs.
 */
public final class EmbeddedRepository implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRepository.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedRepository(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".tributary", "data");
    }

    public static EmbeddedRepository start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopLeftoverServer(dataDirectory);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("wal_level", "logical")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.debug("Embedded job repository on port {} with data in {}", pg.getPort(), dataDirectory);
            return new EmbeddedRepository(pg);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start the embedded job repository in " + dataDirectory + ": " + e.getMessage()
                            + "; pass --repository-url to use a PostgreSQL server instead",
                    e);
        }
    }

    /**
     * A JVM killed with {@code kill -9} leaves its embedded server running; it holds the data
     * directory, so stop it before starting ours.
     */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent() && process.get().isAlive()) {
            log.info("Stopping the embedded PostgreSQL (pid {}) left running by an earlier process", pid);
            process.get().destroy();
            try {
                process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
