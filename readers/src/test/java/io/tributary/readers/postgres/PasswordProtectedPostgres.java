package io.tributary.readers.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

/**
 * A private PostgreSQL server that asks for a password ({@code scram-sha-256}), for testing
 * authentication failures: the shared test server trusts every local connection. Started from the
 * machine's PostgreSQL binaries ({@code pg_config --bindir}; as the {@code postgres} OS user when the
 * tests run as root, which PostgreSQL refuses), else as an embedded server whose {@code hba_file}
 * trusts only its own superuser. With TLS it serves a certificate for {@code localhost} (not for
 * {@code 127.0.0.1}) signed by a CA of its own, whose PEM text {@link #caCertificate()} gives.
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

    /** The PEM text of the CA that signed the server's certificate (TLS servers only). */
    String caCertificate() {
        try {
            return Files.readString(directory.resolve("ca.crt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PasswordProtectedPostgres start() {
        return start(false);
    }

    static PasswordProtectedPostgres start(boolean tls) {
        try {
            Path bin = binaries();
            return bin != null ? startLocal(bin, tls) : startEmbedded(tls);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a password-protected PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
                return Path.of(out);
            }
        } catch (IOException notInstalled) {
            // no local PostgreSQL: the embedded one is used
        }
        return null;
    }

    private static PasswordProtectedPostgres startLocal(Path bin, boolean tls)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tributary-scram-pg");
        Files.writeString(dir.resolve("pwfile"), PASSWORD);
        if (tls) {
            certificates(dir);
        }
        List<String> asServerUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.toList()) {
                    Files.setOwner(f, postgres);
                }
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            asServerUser.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        List<String> initdb = new ArrayList<>(asServerUser);
        initdb.addAll(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-U",
                USER,
                "--auth=scram-sha-256",
                "--pwfile=" + dir.resolve("pwfile"),
                "-E",
                "UTF8",
                "--no-sync"));
        Process init = new ProcessBuilder(initdb).redirectErrorStream(true).start();
        String initOutput = new String(init.getInputStream().readAllBytes());
        if (init.waitFor() != 0) {
            throw new IllegalStateException("initdb failed: " + initOutput);
        }
        int port = freePort();
        List<String> server = new ArrayList<>(asServerUser);
        server.addAll(List.of(
                bin.resolve("postgres").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-p",
                String.valueOf(port),
                "-k",
                dir.toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "shared_buffers=16MB",
                "-c",
                "max_connections=10"));
        if (tls) {
            server.addAll(List.of(
                    "-c",
                    "ssl=on",
                    "-c",
                    "ssl_cert_file=" + dir.resolve("server.crt"),
                    "-c",
                    "ssl_key_file=" + dir.resolve("server.key")));
        }
        Process process = new ProcessBuilder(server)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        PasswordProtectedPostgres pg = new PasswordProtectedPostgres(port, process, null, dir);
        pg.awaitReady();
        return pg;
    }

    private static PasswordProtectedPostgres startEmbedded(boolean tls) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tributary-scram-pg");
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                host all postgres 127.0.0.1/32 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString());
        if (tls) {
            certificates(dir);
            builder.setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                    .setServerConfig("ssl_key_file", dir.resolve("server.key").toString());
        }
        EmbeddedPostgres pg = builder.start();
        try (var c = pg.getPostgresDatabase().getConnection();
                var s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            pg.close();
            throw new IllegalStateException("Could not create the password-protected role", e);
        }
        return new PasswordProtectedPostgres(pg.getPort(), null, pg, dir);
    }

    /** A CA, and a server certificate for localhost that it signed, written with openssl. */
    private static void certificates(Path dir) throws IOException, InterruptedException {
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Tributary test CA",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt");
        openssl(
                dir,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-keyout",
                "server.key",
                "-out",
                "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                "san.ext",
                "-out",
                "server.crt");
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "2");
        while (true) {
            try (var ignored =
                    DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props)) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    close();
                    throw new IllegalStateException(
                            "The password-protected PostgreSQL did not start: " + notYet.getMessage());
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
