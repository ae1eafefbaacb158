package io.tributary.server.cli;

import io.tributary.server.service.ServiceApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code tributary serve}: the long-running service (REST API, schedules, JMX, metrics). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the operations service: Airbyte-compatible REST API (Config API /api/v1, public API /api/public/v1),"
                    + " Quartz schedules, job history, JMX and Prometheus metrics.",
            "Uses an embedded PostgreSQL in --data-dir unless a database is configured (--database-url,"
                    + " TRIBUTARY_DATABASE_URL or SPRING_DATASOURCE_URL).",
            "Any other --name=value is a Spring Boot setting, e.g. --tributary.auth.enabled=true."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 8001, Airbyte's API port).")
    Integer port;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Directory of the embedded PostgreSQL (default: ~/.tributary/data). Ignored with a database URL.")
    Path dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL of the service database, e.g. jdbc:postgresql://db:5432/tributary. "
                    + "User and password: TRIBUTARY_DATABASE_USER, TRIBUTARY_DATABASE_PASSWORD.")
    String databaseUrl;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(springArguments);
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (dataDir != null) {
            args.add("--tributary.data-dir=" + dataDir.toAbsolutePath());
        }
        if (databaseUrl != null) {
            args.add("--tributary.database.url=" + databaseUrl);
        }
        ConfigurableApplicationContext context = start(args.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(
                (org.springframework.context.ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }

    /** Starts the service with Spring Boot arguments and returns its running context. */
    static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ServiceApplication.class)
                .registerShutdownHook(true)
                .run(args);
    }
}
