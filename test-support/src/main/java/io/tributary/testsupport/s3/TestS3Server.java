package io.tributary.testsupport.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3-compatible server tests run against: s3proxy 2.6.0 ({@code filesystem-nio2} provider) as its
 * own {@code java -jar} process on a free 127.0.0.1 port, started once per JVM on first use and
 * stopped when the JVM exits. Two identities share one store: a read-write one and a read-only one
 * ({@code s3proxy.read-only-blobstore}), so tests can show a destination without write permission.
 *
 * <p>The jar is the one test-support's build copies to {@code test-support/target/s3proxy/s3proxy.jar}
 * (found through the {@code tributary.projectRoot} system property), or the local Maven repository's.
 */
public final class TestS3Server {

    public static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "tributary-test";
    private static final String SECRET_KEY = "tributary-test-secret";
    private static final String READ_ONLY_ACCESS_KEY = "tributary-read-only";
    private static final String READ_ONLY_SECRET_KEY = "tributary-read-only-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static TestS3Server instance;

    private final URI endpoint;
    private final Process process;
    private final Path workDir;

    private TestS3Server(URI endpoint, Process process, Path workDir) {
        this.endpoint = endpoint;
        this.process = process;
        this.workDir = workDir;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestS3Server get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    public String accessKeyId() {
        return ACCESS_KEY;
    }

    public String secretAccessKey() {
        return SECRET_KEY;
    }

    /** Credentials that may read every bucket but not write. */
    public String readOnlyAccessKeyId() {
        return READ_ONLY_ACCESS_KEY;
    }

    public String readOnlySecretAccessKey() {
        return READ_ONLY_SECRET_KEY;
    }

    /** A client with the read-write identity, path-style, checksums only when required (what s3proxy accepts). */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Creates a bucket with a fresh name starting with {@code prefix} (lower case, digits and dashes). */
    public String createBucket(String prefix) {
        String name = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(name));
        }
        return name;
    }

    private static TestS3Server start() {
        Path jar = locateJar();
        try {
            Path workDir = Files.createTempDirectory("tributary-s3proxy-");
            Path data = Files.createDirectories(workDir.resolve("data"));
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path readWrite = workDir.resolve("s3proxy.properties");
            Files.writeString(readWrite, properties(endpoint, data, ACCESS_KEY, SECRET_KEY, false));
            Path readOnly = workDir.resolve("s3proxy-read-only.properties");
            Files.writeString(readOnly, properties(endpoint, data, READ_ONLY_ACCESS_KEY, READ_ONLY_SECRET_KEY, true));
            Path log = workDir.resolve("s3proxy.log");
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(),
                    "-Xmx256m",
                    "-jar",
                    jar.toString(),
                    "--properties",
                    readWrite.toString(),
                    "--properties",
                    readOnly.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            TestS3Server server = new TestS3Server(endpoint, process, workDir);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "s3proxy-stop"));
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start s3proxy from " + jar + ": " + e.getMessage(), e);
        }
    }

    private static String properties(URI endpoint, Path data, String identity, String credential, boolean readOnly) {
        return String.join(
                "\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + identity,
                "s3proxy.credential=" + credential,
                "s3proxy.ignore-unknown-headers=true",
                "s3proxy.read-only-blobstore=" + readOnly,
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=" + identity,
                "jclouds.credential=" + credential,
                "jclouds.filesystem.basedir=" + data,
                "");
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "s3proxy exited with " + process.exitValue() + " before answering; log:\n" + tail(log));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for s3proxy", e);
            }
        }
        stop();
        throw new IllegalStateException(
                "s3proxy did not answer at " + endpoint + " within " + START_TIMEOUT + "; log:\n" + tail(log));
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path locateJar() {
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("tributary.projectRoot");
        if (root != null && !root.isBlank()) {
            candidates.add(Path.of(root, "test-support", "target", "s3proxy", "s3proxy.jar"));
        }
        candidates.add(Path.of(
                System.getProperty("user.home"),
                ".m2",
                "repository",
                "org",
                "gaul",
                "s3proxy",
                "2.6.0",
                "s3proxy-2.6.0-jar-with-dependencies.jar"));
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("s3proxy jar not found at " + candidates
                        + "; build test-support first (./mvnw -pl test-support install) so it copies the jar"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
