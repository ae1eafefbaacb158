package io.tributary.server.api.config.sources;

import java.util.List;

/** {@code sources/list}. */
public record SourceReadList(List<SourceRead> sources) {}
