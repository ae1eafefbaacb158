package io.tributary.server.store;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A configured source or destination: a connector type and its settings (secrets in clear: this
 * record never leaves the service unmasked).
 */
public record Actor(
        UUID id,
        ActorKind kind,
        UUID workspaceId,
        String name,
        String connectorType,
        ObjectNode configuration,
        Instant createdAt) {}
