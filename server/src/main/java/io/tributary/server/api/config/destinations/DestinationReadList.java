package io.tributary.server.api.config.destinations;

import java.util.List;

/** {@code destinations/list}. */
public record DestinationReadList(List<DestinationRead> destinations) {}
