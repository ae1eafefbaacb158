package io.tributary.server.api.config.definitions;

import java.util.List;

/** {@code destination_definitions/list}. */
public record DestinationDefinitionReadList(List<DestinationDefinitionRead> destinationDefinitions) {}
