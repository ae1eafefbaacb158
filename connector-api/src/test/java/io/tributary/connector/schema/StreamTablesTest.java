package io.tributary.connector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTablesTest {

    private static final TableSchema CUSTOMERS =
            new TableSchema("customers", "shop", List.of(Column.of("id", ColumnType.INTEGER)), List.of("id"), null);
    private static final TableSchema ADDRESSES = new TableSchema(
            "customers_addresses", "shop", List.of(Column.of("city", ColumnType.STRING)), List.of(), "customers");

    @Test
    void normalizedTablesNameTheStreamAfterItsOwnTable() {
        StreamTables tables = new StreamTables(List.of(CUSTOMERS, ADDRESSES));
        assertThat(tables.isRawOnly()).isFalse();
        assertThat(tables.root()).isSameAs(CUSTOMERS);
        assertThat(tables.name()).isEqualTo("customers");
        assertThat(tables.namespace()).isEqualTo("shop");
    }

    @Test
    void aRawOnlyStreamHasANameAndNamespaceButNoTables() {
        StreamTables raw = StreamTables.rawOnly("customers", "shop");
        assertThat(raw.isRawOnly()).isTrue();
        assertThat(raw.tables()).isEmpty();
        assertThat(raw.name()).isEqualTo("customers");
        assertThat(raw.namespace()).isEqualTo("shop");
        assertThatThrownBy(raw::root)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("customers is loaded raw only");
    }

    @Test
    void normalizedTablesNeedTheStreamsOwnTable() {
        assertThatThrownBy(() -> new StreamTables(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A stream has at least its own table");
        assertThatThrownBy(() -> new StreamTables(List.of(CUSTOMERS), "orders", "shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("own table is customers, not orders");
    }
}
