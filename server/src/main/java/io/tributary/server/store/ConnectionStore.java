package io.tributary.server.store;

import io.tributary.batch.engine.RetryPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Connections in PostgreSQL. Deleting one marks it deprecated (Airbyte does the same): its jobs stay readable. */
@Repository
public class ConnectionStore {

    private final JdbcTemplate jdbc;

    public ConnectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces every column but the failure count and creation time. */
    public ConnectionRecord save(ConnectionRecord c) {
        ScheduleSettings s = c.schedule();
        jdbc.update(
                """
                INSERT INTO connection (id, workspace_id, name, source_id, destination_id, status, namespace_definition,
                    namespace_format, prefix, sync_catalog, schedule_type, schedule_units, schedule_time_unit, cron_expression,
                    cron_time_zone, chunk_size, max_attempts, retry_backoff_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status,
                    namespace_definition = excluded.namespace_definition, namespace_format = excluded.namespace_format,
                    prefix = excluded.prefix, sync_catalog = excluded.sync_catalog, schedule_type = excluded.schedule_type,
                    schedule_units = excluded.schedule_units, schedule_time_unit = excluded.schedule_time_unit,
                    cron_expression = excluded.cron_expression, cron_time_zone = excluded.cron_time_zone,
                    chunk_size = excluded.chunk_size, max_attempts = excluded.max_attempts,
                    retry_backoff_seconds = excluded.retry_backoff_seconds, updated_at = now()
                """,
                c.id(),
                c.workspaceId(),
                c.name(),
                c.sourceId(),
                c.destinationId(),
                c.status(),
                c.namespaceDefinition(),
                c.namespaceFormat(),
                c.prefix(),
                StoreJson.write(c.syncCatalog()),
                s.type(),
                s.units(),
                s.timeUnit(),
                s.cronExpression(),
                s.cronTimeZone(),
                c.chunkSize(),
                c.retry().maxAttempts(),
                (int) c.retry().backoff().toSeconds());
        return get(c.id());
    }

    public ConnectionRecord get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("connection", id));
    }

    public Optional<ConnectionRecord> find(UUID id) {
        return jdbc.query("SELECT * FROM connection WHERE id = ?", ConnectionStore::row, id).stream()
                .findFirst();
    }

    /** The workspace's connections, deleted ones left out unless asked for. */
    public List<ConnectionRecord> list(UUID workspaceId, boolean includeDeleted) {
        return jdbc.query(
                "SELECT * FROM connection WHERE workspace_id = ? AND (? OR status <> 'deprecated') ORDER BY created_at, name",
                ConnectionStore::row,
                workspaceId,
                includeDeleted);
    }

    public List<ConnectionRecord> listAll() {
        return jdbc.query(
                "SELECT * FROM connection WHERE status <> 'deprecated' ORDER BY created_at, name",
                ConnectionStore::row);
    }

    /** Connections that use a source or destination. */
    public List<ConnectionRecord> usingActor(UUID actorId) {
        return jdbc.query(
                "SELECT * FROM connection WHERE (source_id = ? OR destination_id = ?) AND status <> 'deprecated'",
                ConnectionStore::row,
                actorId,
                actorId);
    }

    public void setStatus(UUID id, String status) {
        jdbc.update("UPDATE connection SET status = ?, updated_at = now() WHERE id = ?", status, id);
    }

    /** Counts one more failed job in a row and returns the new count. */
    public int recordFailure(UUID id) {
        return jdbc.queryForObject(
                "UPDATE connection SET consecutive_failures = consecutive_failures + 1 WHERE id = ? "
                        + "RETURNING consecutive_failures",
                Integer.class,
                id);
    }

    public void resetFailures(UUID id) {
        jdbc.update("UPDATE connection SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0", id);
    }

    private static ConnectionRecord row(ResultSet rs, int n) throws SQLException {
        long units = rs.getLong("schedule_units");
        Long scheduleUnits = rs.wasNull() ? null : units;
        return new ConnectionRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getString("name"),
                rs.getObject("source_id", UUID.class),
                rs.getObject("destination_id", UUID.class),
                rs.getString("status"),
                rs.getString("namespace_definition"),
                rs.getString("namespace_format"),
                rs.getString("prefix"),
                StoreJson.read(rs.getString("sync_catalog")),
                new ScheduleSettings(
                        rs.getString("schedule_type"),
                        scheduleUnits,
                        rs.getString("schedule_time_unit"),
                        rs.getString("cron_expression"),
                        rs.getString("cron_time_zone")),
                rs.getInt("chunk_size"),
                new RetryPolicy(rs.getInt("max_attempts"), Duration.ofSeconds(rs.getInt("retry_backoff_seconds"))),
                rs.getInt("consecutive_failures"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
