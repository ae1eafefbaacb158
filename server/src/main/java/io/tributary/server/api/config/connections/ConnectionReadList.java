package io.tributary.server.api.config.connections;

import java.util.List;

/** {@code connections/list}. */
public record ConnectionReadList(List<ConnectionRead> connections) {}
