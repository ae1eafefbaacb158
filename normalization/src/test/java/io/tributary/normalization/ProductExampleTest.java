package io.tributary.normalization;

import static io.tributary.normalization.StreamFixtures.CUSTOMERS_SCHEMA;
import static io.tributary.normalization.StreamFixtures.CUSTOMER_RECORD;
import static io.tributary.normalization.StreamFixtures.NOW;
import static io.tributary.normalization.StreamFixtures.columnNames;
import static io.tributary.normalization.StreamFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The product's own example (issue 4, SPEC section 5) must come out exactly. */
class ProductExampleTest {

    private final StreamNormalizer normalizer = StreamFixtures.normalizer("customers", CUSTOMERS_SCHEMA);

    @Test
    void plansTheCustomersTableWithFlattenedContactAndMetadataColumns() {
        TableSchema customers = normalizer.tables().root();
        assertThat(customers.name()).isEqualTo("customers");
        assertThat(customers.namespace()).isEqualTo("public");
        assertThat(customers.parent()).isNull();
        assertThat(customers.columns())
                .containsExactly(
                        new Column("id", List.of("id"), ColumnType.INTEGER, null, null),
                        new Column("name", List.of("name"), ColumnType.STRING, null, null),
                        new Column("contact_email", List.of("contact", "email"), ColumnType.STRING, null, null),
                        new Column("contact_phone", List.of("contact", "phone"), ColumnType.STRING, null, null),
                        Column.metadata("_airbyte_ab_id", ColumnType.STRING),
                        Column.metadata("_airbyte_emitted_at", ColumnType.TIMESTAMP_TZ),
                        Column.metadata("_airbyte_normalized_at", ColumnType.TIMESTAMP_TZ),
                        Column.metadata("_airbyte_customers_hashid", ColumnType.STRING),
                        Column.metadata("_airbyte_meta", ColumnType.JSON));
    }

    @Test
    void plansTheAddressesChildTableLinkedByTheParentsHashid() {
        assertThat(normalizer.tables().tables())
                .extracting(TableSchema::name)
                .containsExactly("customers", "customers_addresses");
        TableSchema addresses = normalizer.tables().tables().get(1);
        assertThat(addresses.parent()).isEqualTo("customers");
        assertThat(addresses.primaryKey()).isEmpty();
        assertThat(columnNames(addresses))
                .containsExactly(
                        "street",
                        "city",
                        "_airbyte_customers_hashid",
                        "_airbyte_ab_id",
                        "_airbyte_emitted_at",
                        "_airbyte_normalized_at",
                        "_airbyte_addresses_hashid",
                        "_airbyte_meta");
    }

    @Test
    void turnsTheExampleRecordIntoOneCustomerAndTwoAddressRows() throws Exception {
        NormalizedRecord normalized = normalizer.process(record(CUSTOMER_RECORD));

        String customerHash = md5("[1,\"Ada\",\"ada@example.com\",\"+33 1 23\","
                + "[{\"street\":\"1 rue A\",\"city\":\"Paris\"},{\"street\":\"2 Main St\",\"city\":\"Boston\"}]]");
        OffsetDateTime emitted = OffsetDateTime.ofInstant(NOW.minusSeconds(60), ZoneOffset.UTC);
        OffsetDateTime normalizedAt = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
        String abId = normalized.abId();
        assertThat(abId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

        List<TableRow> rows = normalized.rows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).table().name()).isEqualTo("customers");
        assertThat(rows.get(0).values())
                .containsExactly(
                        1L,
                        "Ada",
                        "ada@example.com",
                        "+33 1 23",
                        abId,
                        emitted,
                        normalizedAt,
                        customerHash,
                        "{\"changes\":[]}");
        assertThat(rows.get(1).table().name()).isEqualTo("customers_addresses");
        assertThat(rows.get(1).values())
                .containsExactly(
                        "1 rue A",
                        "Paris",
                        customerHash,
                        abId,
                        emitted,
                        normalizedAt,
                        md5("[\"" + customerHash + "\",0,\"1 rue A\",\"Paris\"]"),
                        "{\"changes\":[]}");
        assertThat(rows.get(2).values())
                .containsExactly(
                        "2 Main St",
                        "Boston",
                        customerHash,
                        abId,
                        emitted,
                        normalizedAt,
                        md5("[\"" + customerHash + "\",1,\"2 Main St\",\"Boston\"]"),
                        "{\"changes\":[]}");
        assertThat(normalized.source().data().toString())
                .isEqualTo(StreamFixtures.JSON.readTree(CUSTOMER_RECORD).toString());
    }

    @Test
    void givesTheSameRecordTheSameHashidsAndANewAbIdEachTime() {
        NormalizedRecord first = normalizer.process(record(CUSTOMER_RECORD));
        NormalizedRecord second = normalizer.process(record(CUSTOMER_RECORD));
        int hashId = first.rows().get(0).table().indexOf("_airbyte_customers_hashid");
        assertThat(second.rows().get(0).values()[hashId])
                .isEqualTo(first.rows().get(0).values()[hashId]);
        assertThat(second.abId()).isNotEqualTo(first.abId());
    }

    static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
