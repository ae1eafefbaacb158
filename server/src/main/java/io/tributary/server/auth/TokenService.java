package io.tributary.server.auth;

import io.tributary.server.logging.SecretMasker;
import io.tributary.server.store.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Issues Bearer tokens for client credentials (OAuth 2 client credentials grant, as Airbyte's
 * {@code applications/token}) and checks them. Tokens are random; only their hash is stored, in
 * the database, so every node accepts a token any node issued.
 */
@Service
public class TokenService {

    /** An issued token. */
    public record Token(String accessToken, long expiresInSeconds) {}

    private final AuthSettings settings;
    private final TokenStore store;
    private final SecureRandom random = new SecureRandom();

    public TokenService(AuthSettings settings, TokenStore store) {
        this.settings = settings;
        this.store = store;
        settings.clients().forEach(c -> SecretMasker.register(c.clientSecret()));
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public boolean allowRemoteWithoutAuth() {
        return settings.allowRemoteWithoutAuth();
    }

    /** A token for matching credentials; empty when the client is unknown or its secret wrong. */
    public Optional<Token> issue(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        boolean match = settings.clients().stream()
                .anyMatch(c -> c.clientId().equals(clientId)
                        && MessageDigest.isEqual(
                                c.clientSecret().getBytes(StandardCharsets.UTF_8),
                                clientSecret.getBytes(StandardCharsets.UTF_8)));
        if (!match) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.save(hash(token), clientId, Instant.now().plus(settings.tokenTtl()));
        return Optional.of(new Token(token, settings.tokenTtl().toSeconds()));
    }

    /** The client a valid, unexpired token was issued to. */
    public Optional<String> verify(String token) {
        return token == null || token.isBlank() ? Optional.empty() : store.clientOf(hash(token.trim()));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
