package io.tributary.server.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.repository.EmbeddedRepository;
import java.nio.file.Path;

/**
 * The service's database: the PostgreSQL server configured ({@code spring.datasource.url} or
 * {@code TRIBUTARY_DATABASE_URL}), or else an embedded PostgreSQL whose data stays in
 * {@code tributary.data-dir} (default {@code ~/.tributary/data}), so that nothing must be
 * installed. Holds workspaces to jobs, Spring Batch's job repository and Quartz's tables.
 */
public final class ServiceDataSource implements AutoCloseable {

    private final HikariDataSource pool;
    private final EmbeddedRepository embedded;

    private ServiceDataSource(HikariDataSource pool, EmbeddedRepository embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    public static ServiceDataSource open(String url, String user, String password, Path dataDir, int poolSize) {
        EmbeddedRepository embedded = null;
        String jdbcUrl = url;
        String username = user;
        if (url == null || url.isBlank()) {
            embedded = EmbeddedRepository.start(dataDir != null ? dataDir : EmbeddedRepository.defaultDataDirectory());
            jdbcUrl = embedded.jdbcUrl();
            username = embedded.user();
            password = null;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username == null || username.isBlank() ? "postgres" : username);
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("tributary-service");
        config.setConnectionTimeout(20_000);
        return new ServiceDataSource(new HikariDataSource(config), embedded);
    }

    public HikariDataSource pool() {
        return pool;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
