package io.tributary.batch.repository;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** A small connection pool to the PostgreSQL database that holds the job repository. */
public final class RepositoryDataSource {

    private RepositoryDataSource() {}

    public static HikariDataSource create(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setPoolName("tributary-repository");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    public static boolean isPool(DataSource dataSource) {
        return dataSource instanceof HikariDataSource;
    }
}
