package io.tributary.rest.http;

import tools.jackson.databind.node.ObjectNode;

/** What a stream does to each record it extracted: change it, or drop it by returning {@code null}. */
@FunctionalInterface
public interface RecordTransform {

    ObjectNode apply(ObjectNode record);
}
