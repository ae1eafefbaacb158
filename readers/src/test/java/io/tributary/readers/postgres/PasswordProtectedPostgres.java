package io.tributary.readers.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A private PostgreSQL server that asks for a password ({@code scram-sha-256}), for testing
 * authentication failures: the shared test server trusts every local connection. Started from the
 * machine's PostgreSQL binaries ({@code pg_config --bindir}; as the {@code postgres} OS user when the
 * tests run as root, which PostgreSQL refuses), else as an embedded server whose {@code hba_file}
 * trusts only its own superuser.
 */
final class PasswordProtectedPostgres implements AutoCloseable {

    static final String USER = "secured";
    static final String PASSWORD = "right-password";

    private final int port;
    private final Process process;
    private final EmbeddedPostgres embedded;
    private final Path directory;

    private PasswordProtectedPostgres(int port, Process process, EmbeddedPostgres embedded, Path directory) {
        this.port = port;
        this.process = process;
        this.embedded = embedded;
        this.directory = directory;
    }

    int port() {
        return port;
    }

    static PasswordProtectedPostgres start() {
        try {
            Path bin = binaries();
            return bin != null ? startLocal(bin) : startEmbedded();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a password-protected PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
                return Path.of(out);
            }
        } catch (IOException notInstalled) {
            // no local PostgreSQL: the embedded one is used
        }
        return null;
    }

    private static PasswordProtectedPostgres startLocal(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tributary-scram-pg");
        Files.writeString(dir.resolve("pwfile"), PASSWORD);
        List<String> asServerUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(dir.resolve("pwfile"), postgres);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            asServerUser.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        List<String> initdb = new ArrayList<>(asServerUser);
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=scram-sha-256", "--pwfile=" + dir.resolve("pwfile"), "-E", "UTF8", "--no-sync"));
        Process init = new ProcessBuilder(initdb).redirectErrorStream(true).start();
        String initOutput = new String(init.getInputStream().readAllBytes());
        if (init.waitFor() != 0) {
            throw new IllegalStateException("initdb failed: " + initOutput);
        }
        int port = freePort();
        List<String> server = new ArrayList<>(asServerUser);
        server.addAll(List.of(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(), "-p",
                String.valueOf(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                "-c", "shared_buffers=16MB", "-c", "max_connections=10"));
        Process process = new ProcessBuilder(server).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        PasswordProtectedPostgres pg = new PasswordProtectedPostgres(port, process, null, dir);
        pg.awaitReady();
        return pg;
    }

    private static PasswordProtectedPostgres startEmbedded() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tributary-scram-pg");
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            pg.close();
            throw new IllegalStateException("Could not create the password-protected role", e);
        }
        return new PasswordProtectedPostgres(pg.getPort(), null, pg, dir);
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "2");
        while (true) {
            try (var ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props)) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    close();
                    throw new IllegalStateException("The password-protected PostgreSQL did not start: " + notYet.getMessage());
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
