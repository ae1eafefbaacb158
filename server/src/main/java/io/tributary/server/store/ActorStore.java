package io.tributary.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.node.ObjectNode;

/** Sources and destinations in PostgreSQL. A deleted one is kept as a tombstone so old jobs still name it. */
@Repository
public class ActorStore {

    private final JdbcTemplate jdbc;

    public ActorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Actor create(ActorKind kind, UUID workspaceId, String name, String connectorType, ObjectNode configuration) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO actor (id, kind, workspace_id, name, connector_type, configuration) VALUES (?, ?, ?, ?, ?, ?::jsonb)",
                id,
                kind.wireName(),
                workspaceId,
                name,
                connectorType,
                StoreJson.write(configuration));
        return get(kind, id);
    }

    public Actor update(ActorKind kind, UUID id, String name, ObjectNode configuration) {
        int n = jdbc.update(
                "UPDATE actor SET name = ?, configuration = ?::jsonb, updated_at = now() WHERE id = ? AND kind = ? AND NOT tombstone",
                name,
                StoreJson.write(configuration),
                id,
                kind.wireName());
        if (n == 0) {
            throw new NotFoundException(kind.wireName(), id);
        }
        return get(kind, id);
    }

    public Actor get(ActorKind kind, UUID id) {
        return find(kind, id).orElseThrow(() -> new NotFoundException(kind.wireName(), id));
    }

    public Optional<Actor> find(ActorKind kind, UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM actor WHERE id = ? AND kind = ? AND NOT tombstone",
                        ActorStore::row,
                        id,
                        kind.wireName())
                .stream()
                .findFirst();
    }

    /** Also a deleted one: jobs and connections keep naming it. */
    public Optional<Actor> findAny(UUID id) {
        return jdbc.query("SELECT * FROM actor WHERE id = ?", ActorStore::row, id).stream()
                .findFirst();
    }

    public List<Actor> list(ActorKind kind, UUID workspaceId) {
        return jdbc.query(
                "SELECT * FROM actor WHERE kind = ? AND workspace_id = ? AND NOT tombstone ORDER BY created_at, name",
                ActorStore::row,
                kind.wireName(),
                workspaceId);
    }

    public List<Actor> listAll(ActorKind kind) {
        return jdbc.query(
                "SELECT * FROM actor WHERE kind = ? AND NOT tombstone ORDER BY created_at, name",
                ActorStore::row,
                kind.wireName());
    }

    public void delete(ActorKind kind, UUID id) {
        if (jdbc.update(
                        "UPDATE actor SET tombstone = true, updated_at = now() WHERE id = ? AND kind = ? AND NOT tombstone",
                        id,
                        kind.wireName())
                == 0) {
            throw new NotFoundException(kind.wireName(), id);
        }
    }

    private static Actor row(ResultSet rs, int n) throws SQLException {
        return new Actor(
                rs.getObject("id", UUID.class),
                ActorKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getObject("workspace_id", UUID.class),
                rs.getString("name"),
                rs.getString("connector_type"),
                StoreJson.read(rs.getString("configuration")),
                rs.getTimestamp("created_at").toInstant());
    }
}
