package io.tributary.testsupport.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database created for one test class on the {@link TestPostgres} server; dropped on close. */
public final class TestDatabase implements AutoCloseable {

    private final TestPostgres server;
    private final String name;

    TestDatabase(TestPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public TestPostgres server() {
        return server;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    public DataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(jdbcUrl(), server.user(), server.password());
        ds.setDriverClassName("org.postgresql.Driver");
        return ds;
    }

    /**
     * This database's connection settings as the PostgreSQL source and destination take them (TLS off,
     * the test server's credentials), in a new map a test may add to.
     */
    public Map<String, Object> connectionSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("host", server.host());
        settings.put("port", server.port());
        settings.put("database", name);
        settings.put("username", server.user());
        if (!server.password().isEmpty()) {
            settings.put("password", server.password());
        }
        settings.put("ssl_mode", "disable");
        return settings;
    }

    /** {@link #connectionSettings()} as the entries of a YAML flow map: {@code host: "…", port: 5432, …, ssl_mode: disable}. */
    public String connectionSettingsYaml() {
        return "host: \"" + server.host() + "\", port: " + server.port() + ", database: " + name + ", username: "
                + server.user() + ", password: \"" + server.password() + "\", ssl_mode: disable";
    }

    /** Runs statements in this database, each in auto-commit. */
    public void execute(String... sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query and returns every row as an array of objects. */
    public List<Object[]> query(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed in " + name + ": " + e.getMessage(), e);
        }
    }

    /** The single value of a one-row, one-column query. */
    public Object queryValue(String sql) {
        List<Object[]> rows = query(sql);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0)[0];
    }

    @Override
    public void close() {
        server.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
