package io.tributary.server.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Issued bearer tokens by their SHA-256 hash, shared by every node of a cluster. */
@Repository
public class TokenStore {

    private final JdbcTemplate jdbc;

    public TokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String tokenHash, String clientId, Instant expiresAt) {
        jdbc.update("DELETE FROM access_token WHERE expires_at < now()");
        jdbc.update(
                "INSERT INTO access_token (token_hash, client_id, expires_at) VALUES (?, ?, ?)",
                tokenHash,
                clientId,
                Timestamp.from(expiresAt));
    }

    /** The client a token was issued to, if it exists and has not expired. */
    public Optional<String> clientOf(String tokenHash) {
        return jdbc
                .queryForList(
                        "SELECT client_id FROM access_token WHERE token_hash = ? AND expires_at > now()",
                        String.class,
                        tokenHash)
                .stream()
                .findFirst();
    }
}
