package io.tributary.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Jobs, their attempts and the attempts' log lines in PostgreSQL. */
@Repository
public class JobStore {

    /** Log lines kept per attempt; a runaway log cannot fill the database. */
    public static final int MAX_LOG_LINES = 5_000;

    private final JdbcTemplate jdbc;

    public JobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates a pending job, unless the connection has one in progress.
     *
     * @return empty when a job of the connection is pending, running or incomplete (on any node)
     */
    public Optional<JobRecord> createPending(UUID connectionId, String configType) {
        try {
            Long id = jdbc.queryForObject(
                    "INSERT INTO job (config_type, connection_id, status) VALUES (?, ?, 'pending') RETURNING id",
                    Long.class,
                    configType,
                    connectionId);
            return Optional.of(get(id));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public JobRecord get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("job", id));
    }

    public Optional<JobRecord> find(long id) {
        return jdbc.query("SELECT * FROM job WHERE id = ?", JobStore::job, id).stream()
                .findFirst();
    }

    public Optional<JobRecord> inProgress(UUID connectionId) {
        return jdbc
                .query(
                        "SELECT * FROM job WHERE connection_id = ? AND status IN ('pending', 'running', 'incomplete')",
                        JobStore::job,
                        connectionId)
                .stream()
                .findFirst();
    }

    public List<JobRecord> inProgress() {
        return jdbc.query(
                "SELECT * FROM job WHERE status IN ('pending', 'running', 'incomplete') ORDER BY id", JobStore::job);
    }

    /** Jobs newest first, filtered by connection (null: all), config types and status (null: any). */
    public List<JobRecord> list(UUID connectionId, List<String> configTypes, String status, int limit, int offset) {
        return jdbc.query(
                "SELECT * FROM job WHERE (?::uuid IS NULL OR connection_id = ?::uuid) AND config_type = ANY (?) "
                        + "AND (?::text IS NULL OR status = ?::text) ORDER BY id DESC LIMIT ? OFFSET ?",
                JobStore::job,
                connectionId,
                connectionId,
                configTypes.toArray(String[]::new),
                status,
                status,
                limit,
                offset);
    }

    public long count(UUID connectionId, List<String> configTypes, String status) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM job WHERE (?::uuid IS NULL OR connection_id = ?::uuid) AND config_type = ANY (?) "
                        + "AND (?::text IS NULL OR status = ?::text)",
                Long.class,
                connectionId,
                connectionId,
                configTypes.toArray(String[]::new),
                status,
                status);
    }

    public Optional<JobRecord> last(UUID connectionId) {
        return jdbc
                .query(
                        "SELECT * FROM job WHERE connection_id = ? ORDER BY id DESC LIMIT 1",
                        JobStore::job,
                        connectionId)
                .stream()
                .findFirst();
    }

    /** Moves a job on; a job already ended keeps its end (a late event cannot revive it). */
    public void setStatus(long jobId, String status) {
        jdbc.update(
                "UPDATE job SET status = ?, updated_at = now() WHERE id = ? AND status NOT IN ('failed', 'succeeded', 'cancelled')",
                status,
                jobId);
    }

    public void requestCancel(long jobId) {
        jdbc.update("UPDATE job SET cancel_requested = true, updated_at = now() WHERE id = ?", jobId);
    }

    public AttemptRecord startAttempt(long jobId, int number, String owner) {
        jdbc.update(
                "INSERT INTO attempt (job_id, attempt_number, status, owner) VALUES (?, ?, 'running', ?)",
                jobId,
                number,
                owner);
        return attempts(jobId).get(number);
    }

    public void attemptExecution(long jobId, int number, long jobExecutionId) {
        jdbc.update(
                "UPDATE attempt SET job_execution_id = ?, updated_at = now() WHERE job_id = ? AND attempt_number = ?",
                jobExecutionId,
                jobId,
                number);
    }

    public void endAttempt(long jobId, int number, String status, long records, long bytes, String failure) {
        jdbc.update(
                "UPDATE attempt SET status = ?, records_synced = ?, bytes_synced = ?, failure = ?, updated_at = now(), "
                        + "ended_at = now() WHERE job_id = ? AND attempt_number = ? AND status = 'running'",
                status,
                records,
                bytes,
                failure,
                jobId,
                number);
    }

    public List<AttemptRecord> attempts(long jobId) {
        return jdbc.query("SELECT * FROM attempt WHERE job_id = ? ORDER BY attempt_number", JobStore::attempt, jobId);
    }

    /** Attempts marked running, on any node. */
    public List<AttemptRecord> runningAttempts() {
        return jdbc.query(
                "SELECT * FROM attempt WHERE status = 'running' ORDER BY job_id, attempt_number", JobStore::attempt);
    }

    /** Appends a log line unless the attempt has {@link #MAX_LOG_LINES} already. */
    public void appendLog(long jobId, int attempt, Instant at, String line) {
        jdbc.update(
                "INSERT INTO attempt_log (job_id, attempt_number, logged_at, line) SELECT ?, ?, ?, ? "
                        + "WHERE (SELECT count(*) FROM attempt_log WHERE job_id = ? AND attempt_number = ?) < ?",
                jobId,
                attempt,
                Timestamp.from(at),
                line,
                jobId,
                attempt,
                MAX_LOG_LINES);
    }

    public List<String> logLines(long jobId, int attempt) {
        return jdbc.queryForList(
                "SELECT line FROM attempt_log WHERE job_id = ? AND attempt_number = ? ORDER BY id",
                String.class,
                jobId,
                attempt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static JobRecord job(ResultSet rs, int n) throws SQLException {
        return new JobRecord(
                rs.getLong("id"),
                rs.getString("config_type"),
                rs.getObject("connection_id", UUID.class),
                rs.getString("status"),
                rs.getBoolean("cancel_requested"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static AttemptRecord attempt(ResultSet rs, int n) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        return new AttemptRecord(
                rs.getLong("job_id"),
                rs.getInt("attempt_number"),
                rs.getString("status"),
                rs.getString("owner"),
                executionId,
                rs.getLong("records_synced"),
                rs.getLong("bytes_synced"),
                rs.getString("failure"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "ended_at"));
    }
}
