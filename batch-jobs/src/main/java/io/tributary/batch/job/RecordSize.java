package io.tributary.batch.job;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An estimate of a record's size as serialized JSON, for the bytes figures of progress lines and
 * job history. Walks the tree once instead of serializing it, which would cost as much as the sync;
 * one switch on the node type per node keeps the walk cheap.
 */
final class RecordSize {

    private RecordSize() {
    }

    static long of(JsonNode node) {
        if (node == null) {
            return 4;
        }
        switch (node.getNodeType()) {
            case STRING:
                return node.stringValue().length() + 2L;
            case OBJECT: {
                long size = 2;
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    size += e.getKey().length() + 4 + of(e.getValue());
                }
                return size;
            }
            case ARRAY: {
                long size = 2;
                for (int i = 0, n = node.size(); i < n; i++) {
                    size += of(node.get(i)) + 1;
                }
                return size;
            }
            case NUMBER:
                return 8;
            case NULL:
                return 4;
            default:
                return 5;
        }
    }
}
