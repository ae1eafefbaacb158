package io.tributary.server.store;

import java.time.Instant;
import java.util.UUID;

/** A workspace: the folder that holds sources, destinations and connections. */
public record Workspace(UUID id, String name, String slug, String email, Instant createdAt) {}
