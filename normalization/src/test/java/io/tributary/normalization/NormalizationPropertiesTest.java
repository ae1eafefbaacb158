package io.tributary.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties over random nested schemas and documents that follow them: field names are drawn from
 * a pool made to collide after sanitizing, flattening and truncation.
 */
class NormalizationPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of(
            "a",
            "b",
            "c",
            "a_b",
            "b_c",
            "A",
            "x y",
            "x_y",
            "id",
            "Id",
            "1st",
            "Émile",
            "emile",
            "_airbyte_ab_id",
            "_airbyte_s_hashid",
            "items",
            "a_rather_long_field_name_that_must_be_cut_somewhere_1",
            "a_rather_long_field_name_that_must_be_cut_somewhere_2");
    private static final List<String> STREAMS =
            List.of("s", "items", "a", "A Stream With A Rather Long Name To Be Cut");

    /** (a) Every leaf value of the record lands in exactly one column of one table, where its path says. */
    @Property(tries = 400)
    void everyLeafValueLandsInExactlyOneColumnOfOneTable(
            @ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 4) int maxDepth) {
        StreamNormalizer normalizer = normalizer(c, maxDepth);
        for (ObjectNode document : c.documents()) {
            List<TableRow> rows = normalizer.process(record(document)).rows();
            Walk walk = new Walk(maxDepth, rows.iterator());
            walk.row(document, c.shape(), 0, null, null);
            assertThat(walk.rows.hasNext()).as("rows left over").isFalse();
            long nonNullDataValues = rows.stream()
                    .mapToLong(NormalizationPropertiesTest::nonNullDataValues)
                    .sum();
            assertThat(nonNullDataValues).as("values in data columns").isEqualTo(walk.leaves);
        }
    }

    /** (b) Normalizing again, with the same or a freshly planned normalizer, gives identical rows and hashids. */
    @Property(tries = 300)
    void reRunningGivesIdenticalRowsAndHashids(@ForAll("cases") Case c) {
        StreamNormalizer first = normalizer(c, NormalizationOptions.DEFAULT_MAX_DEPTH);
        StreamNormalizer second = normalizer(c, NormalizationOptions.DEFAULT_MAX_DEPTH);
        assertThat(second.tables()).isEqualTo(first.tables());
        for (ObjectNode document : c.documents()) {
            List<List<Object>> once =
                    withoutAbId(first.process(record(document)).rows());
            assertThat(withoutAbId(first.process(record(document)).rows())).isEqualTo(once);
            assertThat(withoutAbId(second.process(record(document.deepCopy())).rows()))
                    .isEqualTo(once);
        }
    }

    /**
     * (c) No two columns of a table, nor two tables of a stream, share a name; names suit PostgreSQL;
     * every table's own hashid column ends in {@code _hashid} and a child table has its parent's.
     */
    @Property(tries = 400)
    void noTwoColumnsOfATableShareAName(@ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 4) int maxDepth) {
        List<TableSchema> tables = normalizer(c, maxDepth).tables().tables();
        Set<String> tableNames = new HashSet<>();
        for (TableSchema table : tables) {
            assertThat(tableNames.add(table.name()))
                    .as("table %s", table.name())
                    .isTrue();
            assertThat(table.name()).matches("[a-z_][a-z0-9_]{0,42}");
            List<String> columns = table.columns().stream().map(Column::name).toList();
            assertThat(columns)
                    .doesNotHaveDuplicates()
                    .allMatch(name -> name.matches("[a-z_][a-z0-9_]{0,42}"), "a PostgreSQL name");
            String ownHashId = columns.get(columns.size() - 2);
            assertThat(ownHashId).startsWith("_airbyte_").endsWith("_hashid");
            if (table.isChild()) {
                TableSchema parent = tables.stream()
                        .filter(t -> t.name().equals(table.parent()))
                        .findFirst()
                        .orElseThrow();
                String parentHashId =
                        parent.columns().get(parent.columns().size() - 2).name();
                assertThat(columns).contains(parentHashId);
                assertThat(ownHashId).isNotEqualTo(parentHashId);
            }
        }
    }

    /** Values have the Java type their column's type documents, and records that follow their schema report no changes. */
    @Property(tries = 300)
    void valuesHaveTheJavaTypeOfTheirColumn(@ForAll("cases") Case c) {
        StreamNormalizer normalizer = normalizer(c, NormalizationOptions.DEFAULT_MAX_DEPTH);
        for (ObjectNode document : c.documents()) {
            for (TableRow row : normalizer.process(record(document)).rows()) {
                for (int i = 0; i < row.values().length; i++) {
                    Object value = row.values()[i];
                    ColumnType type = row.table().columns().get(i).type();
                    if (value != null) {
                        assertThat(value)
                                .as(row.table().columns().get(i).name())
                                .isInstanceOf(javaType(type));
                    }
                }
                assertThat(row.values()[row.table().indexOf(MetadataColumns.META)])
                        .isEqualTo(MetadataColumns.NO_CHANGES);
            }
        }
    }

    // ---- what the properties walk over ----

    /** A random stream: its name, the shape of its records and a few records of that shape. */
    record Case(String stream, Shape.Obj shape, List<ObjectNode> documents) {
        String schema() {
            return shape.schema().toString();
        }
    }

    /** The shape of a field. */
    sealed interface Shape {
        JsonNode schema();

        record Scalar(String type) implements Shape {
            public JsonNode schema() {
                return NODES.objectNode()
                        .set("type", NODES.arrayNode().add("null").add(type));
            }
        }

        record Obj(Map<String, Shape> properties) implements Shape {
            public JsonNode schema() {
                ObjectNode props = NODES.objectNode();
                properties.forEach((name, shape) -> props.set(name, shape.schema()));
                return NODES.objectNode()
                        .<ObjectNode>set("type", NODES.arrayNode().add("null").add("object"))
                        .set("properties", props);
            }
        }

        record Array(Shape items) implements Shape {
            public JsonNode schema() {
                return NODES.objectNode()
                        .<ObjectNode>set("type", NODES.arrayNode().add("null").add("array"))
                        .set("items", items.schema());
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(STREAMS), object(3))
                .flatAs((stream, shape) -> document(shape)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(documents -> new Case(stream, shape, documents)));
    }

    private Arbitrary<Shape> shape(int depth) {
        Arbitrary<Shape> scalar =
                Arbitraries.of("integer", "number", "string", "boolean").map(Shape.Scalar::new);
        if (depth == 0) {
            return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, scalar.map(Shape.Array::new)));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalar),
                Tuple.of(2, Arbitraries.lazy(() -> object(depth - 1))),
                Tuple.of(2, Arbitraries.lazy(() -> object(depth - 1)).map(Shape.Array::new)),
                Tuple.of(1, scalar.map(Shape.Array::new)));
    }

    private Arbitrary<Shape.Obj> object(int depth) {
        return Arbitraries.of(NAMES).list().uniqueElements().ofMaxSize(4).flatMap(names -> {
            List<Arbitrary<Shape>> shapes =
                    names.stream().map(n -> shape(depth)).toList();
            return Combinators.combine(shapes).as(list -> {
                Map<String, Shape> properties = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    properties.put(names.get(i), list.get(i));
                }
                return new Shape.Obj(properties);
            });
        });
    }

    private Arbitrary<ObjectNode> document(Shape.Obj shape) {
        List<String> names = new ArrayList<>(shape.properties().keySet());
        List<Arbitrary<JsonNode>> values = names.stream()
                .map(name -> Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just((JsonNode) null)),
                        Tuple.of(1, Arbitraries.just((JsonNode) NODES.nullNode())),
                        Tuple.of(6, value(shape.properties().get(name)))))
                .toList();
        if (values.isEmpty()) {
            return Arbitraries.just(NODES.objectNode()).map(ObjectNode::deepCopy);
        }
        return Combinators.combine(values).as(list -> {
            ObjectNode document = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                if (list.get(i) != null) {
                    document.set(names.get(i), list.get(i));
                }
            }
            return document;
        });
    }

    private Arbitrary<JsonNode> value(Shape shape) {
        if (shape instanceof Shape.Obj object) {
            return document(object).map(JsonNode.class::cast);
        }
        if (shape instanceof Shape.Array array) {
            Arbitrary<JsonNode> item = Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just((JsonNode) NODES.nullNode())), Tuple.of(8, value(array.items())));
            return item.list().ofMaxSize(3).map(items -> {
                ArrayNode node = NODES.arrayNode();
                items.forEach(node::add);
                return node;
            });
        }
        return switch (((Shape.Scalar) shape).type()) {
            case "integer" -> Arbitraries.longs().map(NODES::numberNode);
            case "number" ->
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-1e9"), new BigDecimal("1e9"))
                        .ofScale(3)
                        .map(NODES::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> Arbitraries.strings().ofMaxLength(8).map(NODES::stringNode);
        };
    }

    // ---- checking ----

    /** Walks a document and its rows together, in the order the normalizer emits rows. */
    private static final class Walk {
        final int maxDepth;
        final Iterator<TableRow> rows;
        long leaves;

        Walk(int maxDepth, Iterator<TableRow> rows) {
            this.maxDepth = maxDepth;
            this.rows = rows;
        }

        /** One object becoming one row, then its child rows. */
        void row(JsonNode object, Shape.Obj shape, int level, String parentHashColumn, Object parentHash) {
            assertThat(rows.hasNext()).as("a row for %s", object).isTrue();
            TableRow row = rows.next();
            if (parentHashColumn != null) {
                assertThat(row.values()[row.table().indexOf(parentHashColumn)])
                        .as("link to the parent row")
                        .isEqualTo(parentHash);
            }
            List<Object[]> children = new ArrayList<>();
            fields(object, shape, List.of(), level, row, children);
            String hashColumn =
                    row.table().columns().get(row.table().columns().size() - 2).name();
            Object hash = row.values()[row.table().columns().size() - 2];
            for (Object[] child : children) {
                JsonNode array = (JsonNode) child[0];
                if (array == null || !array.isArray()) {
                    continue;
                }
                for (JsonNode item : array) {
                    if (item.isObject()) {
                        row(item, (Shape.Obj) child[1], (int) child[2], hashColumn, hash);
                    }
                }
            }
        }

        private void fields(
                JsonNode object,
                Shape.Obj shape,
                List<String> prefix,
                int level,
                TableRow row,
                List<Object[]> children) {
            for (Map.Entry<String, Shape> property : shape.properties().entrySet()) {
                JsonNode value = object == null ? null : object.get(property.getKey());
                List<String> path = new ArrayList<>(prefix);
                path.add(property.getKey());
                Shape field = property.getValue();
                if (field instanceof Shape.Obj nested
                        && level < maxDepth
                        && !nested.properties().isEmpty()) {
                    fields(value != null && value.isObject() ? value : null, nested, path, level + 1, row, children);
                } else if (field instanceof Shape.Array array
                        && array.items() instanceof Shape.Obj items
                        && level < maxDepth
                        && !items.properties().isEmpty()) {
                    children.add(new Object[] {value, items, level + 1});
                } else {
                    leaf(value, path, field, row);
                }
            }
        }

        private void leaf(JsonNode value, List<String> path, Shape shape, TableRow row) {
            List<Integer> columns = new ArrayList<>();
            for (int i = 0; i < row.table().columns().size(); i++) {
                if (row.table().columns().get(i).path().equals(path)) {
                    columns.add(i);
                }
            }
            assertThat(columns)
                    .as("columns of %s in %s", path, row.table().name())
                    .hasSize(1);
            Object expected = value == null || value.isNull() ? null : expected(value, shape);
            assertThat(row.values()[columns.get(0)])
                    .as("%s in %s", path, row.table().name())
                    .isEqualTo(expected);
            if (expected != null) {
                leaves++;
            }
        }

        private static Object expected(JsonNode value, Shape shape) {
            if (shape instanceof Shape.Scalar scalar) {
                return switch (scalar.type()) {
                    case "integer" -> value.longValue();
                    case "number" -> value.decimalValue();
                    case "boolean" -> value.booleanValue();
                    default -> value.stringValue();
                };
            }
            return value.toString();
        }
    }

    // ---- plumbing ----

    private static StreamNormalizer normalizer(Case c, int maxDepth) {
        return Normalization.forStream(
                StreamFixtures.stream(c.stream(), c.schema()),
                new NormalizationOptions(maxDepth, NamingConvention.POSTGRES, StreamFixtures.OPTIONS.clock()));
    }

    private static SourceRecord record(ObjectNode document) {
        return new SourceRecord(document, 1_700_000_000_000L);
    }

    private static long nonNullDataValues(TableRow row) {
        long count = 0;
        for (int i = 0; i < row.values().length; i++) {
            if (!row.table().columns().get(i).isMetadata() && row.values()[i] != null) {
                count++;
            }
        }
        return count;
    }

    private static List<List<Object>> withoutAbId(List<TableRow> rows) {
        return rows.stream()
                .map(row -> {
                    Object[] values = row.values().clone();
                    values[row.table().indexOf(MetadataColumns.AB_ID)] = null;
                    List<Object> list = new ArrayList<>(Arrays.asList(values));
                    list.add(0, row.table().name());
                    return list;
                })
                .toList();
    }

    private static Class<?> javaType(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> Boolean.class;
            case INTEGER -> Long.class;
            case NUMBER -> BigDecimal.class;
            case STRING, JSON -> String.class;
            case DATE -> LocalDate.class;
            case TIME -> LocalTime.class;
            case TIME_TZ -> OffsetTime.class;
            case TIMESTAMP -> LocalDateTime.class;
            case TIMESTAMP_TZ -> OffsetDateTime.class;
        };
    }
}
