package io.tributary.server.api.config.definitions;

import java.util.List;

/** {@code source_definitions/list}. */
public record SourceDefinitionReadList(List<SourceDefinitionRead> sourceDefinitions) {}
