package io.tributary.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Workspaces in PostgreSQL. */
@Repository
public class WorkspaceStore {

    private final JdbcTemplate jdbc;

    public WorkspaceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Workspace create(String name, String email) {
        UUID id = UUID.randomUUID();
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        jdbc.update("INSERT INTO workspace (id, name, slug, email) VALUES (?, ?, ?, ?)", id, name, slug, email);
        return get(id);
    }

    public Workspace get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("workspace", id));
    }

    public Optional<Workspace> find(UUID id) {
        return jdbc.query("SELECT * FROM workspace WHERE id = ?", WorkspaceStore::row, id).stream()
                .findFirst();
    }

    public List<Workspace> list() {
        return jdbc.query("SELECT * FROM workspace ORDER BY created_at, name", WorkspaceStore::row);
    }

    /** The first workspace, created as "Default Workspace" when there is none (Airbyte OSS has one too). */
    public synchronized Workspace defaultWorkspace() {
        List<Workspace> all = list();
        return all.isEmpty() ? create("Default Workspace", null) : all.get(0);
    }

    private static Workspace row(ResultSet rs, int n) throws SQLException {
        return new Workspace(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("email"),
                rs.getTimestamp("created_at").toInstant());
    }
}
