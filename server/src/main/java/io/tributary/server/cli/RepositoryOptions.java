package io.tributary.server.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.repository.EmbeddedRepository;
import io.tributary.batch.repository.RepositoryDataSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the job repository lives: a PostgreSQL server given by {@code --repository-url}, or by
 * default an embedded PostgreSQL keeping its data in {@code --data-dir}.
 */
public final class RepositoryOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Directory of the embedded job repository (default: ~/.tributary/data). Ignored with --repository-url.")
    Path dataDir;

    @Option(
            names = "--repository-url",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL of the job repository, e.g. jdbc:postgresql://db:5432/tributary. "
                    + "Default: an embedded PostgreSQL in --data-dir. Env: TRIBUTARY_REPOSITORY_URL.")
    String url = System.getenv("TRIBUTARY_REPOSITORY_URL");

    @Option(
            names = "--repository-user",
            paramLabel = "USER",
            description = "User of the job repository database (default: postgres). Env: TRIBUTARY_REPOSITORY_USER.")
    String user = envOr("TRIBUTARY_REPOSITORY_USER", "postgres");

    /** Read from the environment only, so that it never shows in a process list or shell history. */
    String password = System.getenv("TRIBUTARY_REPOSITORY_PASSWORD");

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** An open repository database; close it when done (stops the embedded server if one was started). */
    public OpenRepository open() {
        if (url != null && !url.isBlank()) {
            return new OpenRepository(RepositoryDataSource.create(url, user, password), null);
        }
        EmbeddedRepository embedded =
                EmbeddedRepository.start(dataDir != null ? dataDir : EmbeddedRepository.defaultDataDirectory());
        return new OpenRepository(RepositoryDataSource.create(embedded.jdbcUrl(), embedded.user(), null), embedded);
    }

    /** A repository connection pool and, when embedded, the server behind it. */
    public record OpenRepository(HikariDataSource dataSource, EmbeddedRepository embedded) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
