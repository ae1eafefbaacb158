package io.tributary.batch.job;

import tools.jackson.databind.JsonNode;

/**
 * An estimate of a record's size as serialized JSON, for the bytes figures of progress lines and
 * job history. Walks the tree once instead of serializing it, which would cost as much as the sync.
 */
final class RecordSize {

    private RecordSize() {
    }

    static long of(JsonNode node) {
        if (node == null || node.isNull()) {
            return 4;
        }
        if (node.isString()) {
            return node.asString().length() + 2L;
        }
        if (node.isObject()) {
            long size = 2;
            for (var e : node.properties()) {
                size += e.getKey().length() + 4 + of(e.getValue());
            }
            return size;
        }
        if (node.isArray()) {
            long size = 2;
            for (JsonNode item : node) {
                size += of(item) + 1;
            }
            return size;
        }
        return node.isNumber() ? 8 : 5;
    }
}
