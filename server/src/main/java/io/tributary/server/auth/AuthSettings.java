package io.tributary.server.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API authentication ({@code tributary.auth.*}). Off by default, and then only clients on this
 * machine (loopback) are served; on, every API path except health and the token endpoint needs a
 * Bearer token obtained with client credentials.
 *
 * @param clients the applications allowed to ask for tokens (Airflow's connection login/password)
 * @param tokenTtl how long a token stays valid
 * @param allowRemoteWithoutAuth serve other machines with authentication off (a trusted network only)
 */
@ConfigurationProperties("tributary.auth")
public record AuthSettings(Boolean enabled, List<Client> clients, Duration tokenTtl, Boolean allowRemoteWithoutAuth) {

    /** An application's client credentials. */
    public record Client(String clientId, String clientSecret) {}

    public AuthSettings {
        enabled = enabled != null && enabled;
        clients = clients == null ? List.of() : List.copyOf(clients);
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
        allowRemoteWithoutAuth = allowRemoteWithoutAuth != null && allowRemoteWithoutAuth;
        if (enabled && clients.isEmpty()) {
            throw new IllegalArgumentException(
                    "tributary.auth.enabled is true but no tributary.auth.clients are configured; "
                            + "add at least one client-id and client-secret (e.g. TRIBUTARY_AUTH_CLIENTS_0_CLIENT_ID/_CLIENT_SECRET)");
        }
        for (Client c : clients) {
            if (c.clientId() == null
                    || c.clientId().isBlank()
                    || c.clientSecret() == null
                    || c.clientSecret().length() < 8) {
                throw new IllegalArgumentException(
                        "tributary.auth.clients: each client needs a client-id and a client-secret "
                                + "of at least 8 characters");
            }
        }
    }
}
