package io.tributary.readers.postgres.cdc;

import io.tributary.readers.postgres.shared.SourceAccess.TableColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The captured table as pgoutput describes it (by OID, so a rename does not lose it): the layout of
 * its tuples from the latest {@link PgOutputMessage.Relation} message and the decoders of its
 * columns' text forms. A column added while streaming arrives in a new relation message; its decoder
 * comes from the table's metadata, read again.
 *
 * <p>Values the server did not send are left out of the record rather than set to null: an
 * unchanged TOASTed value ({@code u}) in an update (unless REPLICA IDENTITY FULL sent the old row,
 * which has it), and the non-key columns of an old key tuple in a delete. A field absent from a CDC
 * record means "unchanged", never "null".
 */
final class CapturedTable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final long oid;
    private final String qualifiedName;
    private final Supplier<TableColumns> reload;
    private TableColumns metadata;
    private PgOutputMessage.Relation relation;
    private final List<Function<String, JsonNode>> decoders = new ArrayList<>();
    private final List<Integer> primaryKeyPositions = new ArrayList<>();

    /**
     * @param reload reads the table's metadata again (for columns added since)
     */
    CapturedTable(long oid, TableColumns metadata, Supplier<TableColumns> reload) {
        this.oid = oid;
        this.metadata = metadata;
        this.reload = reload;
        this.qualifiedName = metadata.schema() + "." + metadata.name();
    }

    boolean is(long relationOid) {
        return relationOid == oid;
    }

    long oid() {
        return oid;
    }

    /**
     * Takes a new layout of the table.
     *
     * @return a line worth logging when the table changed (a column added or dropped, a rename), else {@code null}
     */
    String onRelation(PgOutputMessage.Relation message) {
        PgOutputMessage.Relation previous = relation;
        relation = message;
        boolean unknownColumn =
                message.columns().stream().anyMatch(c -> !metadata.decoders().containsKey(c.name()));
        boolean typeChanged = previous != null && typesChanged(previous, message);
        if (unknownColumn || typeChanged) {
            TableColumns fresh = reload.get();
            if (fresh != null) {
                metadata = fresh;
            }
        }
        decoders.clear();
        primaryKeyPositions.clear();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < message.columns().size(); i++) {
            String name = message.columns().get(i).name();
            positions.put(name, i);
            Function<String, JsonNode> decoder = metadata.decoders().get(name);
            decoders.add(decoder == null ? StringNode::valueOf : decoder);
        }
        for (String key : metadata.primaryKey()) {
            Integer position = positions.get(key);
            if (position != null) {
                primaryKeyPositions.add(position);
            }
        }
        if (previous == null) {
            return null;
        }
        List<String> before = previous.columns().stream()
                .map(PgOutputMessage.Relation.Column::name)
                .toList();
        List<String> after = message.columns().stream()
                .map(PgOutputMessage.Relation.Column::name)
                .toList();
        String renamed =
                previous.name().equals(message.name()) && previous.namespace().equals(message.namespace())
                        ? ""
                        : "; it is now called " + message.namespace() + "." + message.name()
                                + " (still captured: re-run discover)";
        if (before.equals(after) && renamed.isEmpty() && !typeChanged) {
            return null;
        }
        List<String> added = after.stream().filter(c -> !before.contains(c)).toList();
        List<String> dropped = before.stream().filter(c -> !after.contains(c)).toList();
        return qualifiedName + " changed while streaming: columns added " + added + ", dropped " + dropped
                + (typeChanged ? ", column types changed" : "") + renamed
                + "; records carry the new columns from here on";
    }

    private static boolean typesChanged(PgOutputMessage.Relation a, PgOutputMessage.Relation b) {
        Map<String, Long> types = new HashMap<>();
        a.columns().forEach(c -> types.put(c.name(), c.typeOid()));
        return b.columns().stream().anyMatch(c -> types.containsKey(c.name()) && types.get(c.name()) != c.typeOid());
    }

    /** The row of an insert: every value. */
    ObjectNode row(PgOutputMessage.Tuple tuple) {
        return row(tuple, (char) 0, null);
    }

    /**
     * The new row of an update. An unchanged TOASTed value is not resent; with REPLICA IDENTITY FULL
     * the old row carries it (the server inlines it there), so it is taken from there; otherwise it
     * is left out.
     */
    ObjectNode row(PgOutputMessage.Tuple tuple, char oldKind, PgOutputMessage.Tuple oldTuple) {
        requireLayout(tuple);
        Map<String, JsonNode> values = new LinkedHashMap<>(tuple.size() * 4 / 3 + 4);
        for (int i = 0; i < tuple.size(); i++) {
            if (tuple.kinds()[i] == 'u' && oldKind == 'O' && oldTuple.size() == tuple.size()) {
                put(values, oldTuple, i);
            } else {
                put(values, tuple, i);
            }
        }
        return new ObjectNode(NODES, values);
    }

    /**
     * The old row of an update or a delete: with {@code K} (old key) only the replica identity's
     * columns, which are the only ones sent; with {@code O} (REPLICA IDENTITY FULL) the whole row.
     */
    ObjectNode oldRow(char kind, PgOutputMessage.Tuple tuple) {
        requireLayout(tuple);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (int i = 0; i < tuple.size(); i++) {
            if (kind == 'O' || relation.columns().get(i).key()) {
                put(values, tuple, i);
            }
        }
        return new ObjectNode(NODES, values);
    }

    /** The primary key of an old row: what a delete record needs to carry for a destination that dedups. */
    ObjectNode oldKey(PgOutputMessage.Tuple tuple) {
        requireLayout(tuple);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (int position : primaryKeyPositions) {
            put(values, tuple, position);
        }
        return new ObjectNode(NODES, values);
    }

    /** Whether an update moved the row to another primary key (so the old key must be deleted). */
    boolean keyChanged(PgOutputMessage.Tuple oldTuple, PgOutputMessage.Tuple newTuple) {
        if (oldTuple == null || primaryKeyPositions.isEmpty()) {
            return false;
        }
        for (int position : primaryKeyPositions) {
            if (oldTuple.kinds()[position] != 't' || newTuple.kinds()[position] != 't') {
                continue; // not sent: unchanged
            }
            if (!oldTuple.values()[position].equals(newTuple.values()[position])) {
                return true;
            }
        }
        return false;
    }

    boolean hasPrimaryKey() {
        return !primaryKeyPositions.isEmpty();
    }

    private void put(Map<String, JsonNode> values, PgOutputMessage.Tuple tuple, int i) {
        String name = relation.columns().get(i).name();
        switch (tuple.kinds()[i]) {
            case 'n' -> values.put(name, NullNode.getInstance());
            case 't' -> {
                try {
                    values.put(name, decoders.get(i).apply(tuple.values()[i]));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            qualifiedName + "." + name + ": cannot read the value '" + abbreviate(tuple.values()[i])
                                    + "' sent by logical replication: " + e.getMessage(),
                            e);
                }
            }
            default -> {
                // 'u': unchanged TOASTed value, not resent: absent means unchanged
            }
        }
    }

    private void requireLayout(PgOutputMessage.Tuple tuple) {
        if (relation == null) {
            throw new IllegalStateException(
                    "pgoutput sent a change of " + qualifiedName + " before describing the table");
        }
        if (tuple.size() != relation.columns().size()) {
            throw new IllegalStateException("pgoutput sent a row of " + tuple.size() + " columns for " + qualifiedName
                    + ", described with " + relation.columns().size());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
