package io.tributary.writers.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class JournalRowsTest {

    private static final TableSchema ALL_TYPES = new TableSchema(
            "t",
            null,
            Arrays.stream(ColumnType.values())
                    .map(type -> Column.of(type.name().toLowerCase(), type))
                    .toList(),
            List.of(),
            null);

    private static List<Object[]> roundTrip(List<Object[]> rows) throws IOException {
        List<Object[]> back = new ArrayList<>();
        long count = JournalRows.decode(
                ALL_TYPES, new ByteArrayInputStream(bytes(JournalRows.encode(ALL_TYPES, rows))), back::add);
        assertThat(count).isEqualTo(rows.size());
        return back;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.duplicate().get(b);
        return b;
    }

    private static Object[] allTypesRow() {
        return new Object[] {
            true,
            42L,
            new BigDecimal("-12345678901234567890.0100"),
            "Zoë 東京 \u0000 end",
            LocalDate.of(-44, 3, 15),
            LocalTime.of(23, 59, 59, 999_999_999),
            OffsetTime.of(7, 0, 0, 1000, ZoneOffset.ofHoursMinutes(5, 30)),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500),
            OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(-5)),
            "{\"a\":[1.50]}"
        };
    }

    @Test
    void everyColumnTypeComesBackAsTheSameJavaValueWithOffsetsAndScalesKept() throws IOException {
        Object[] row = allTypesRow();
        Object[] nulls = new Object[row.length];
        List<Object[]> back = roundTrip(List.of(row, nulls, row));
        assertThat(back.get(0)).containsExactly(row);
        assertThat(back.get(1)).containsOnlyNulls();
        assertThat(((BigDecimal) back.get(2)[2]).scale()).isEqualTo(4);
        assertThat(((OffsetDateTime) back.get(2)[8]).getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void decimalsOfEveryScaleAndSizeComeBackWithTheirExactDigitsAndScale() throws IOException {
        List<BigDecimal> decimals = List.of(
                new BigDecimal("0"),
                new BigDecimal("0.00"),
                new BigDecimal("-0.01"),
                new BigDecimal("1E+3"),
                new BigDecimal("-9.99E-20"),
                new BigDecimal("999999999999999999"),
                new BigDecimal("-999999999999999999.0"),
                new BigDecimal("9223372036854775807"),
                new BigDecimal("-9223372036854775808"),
                new BigDecimal("12345678901234567890123456789.123456789"));
        List<Object[]> rows = new ArrayList<>();
        for (BigDecimal d : decimals) {
            Object[] row = new Object[ALL_TYPES.columns().size()];
            row[2] = d;
            rows.add(row);
        }

        List<Object[]> back = roundTrip(rows);

        for (int i = 0; i < decimals.size(); i++) {
            BigDecimal read = (BigDecimal) back.get(i)[2];
            assertThat(read.unscaledValue()).isEqualTo(decimals.get(i).unscaledValue());
            assertThat(read.scale()).isEqualTo(decimals.get(i).scale());
        }
    }

    @Test
    void aValueTheRowBeforeHasInTheSameColumnComesBackEqualInEveryRow() throws IOException {
        // The record's timestamps and constant metadata are one object shared by consecutive rows.
        OffsetDateTime shared = OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Object[] row = new Object[ALL_TYPES.columns().size()];
            row[8] = i == 2 ? null : shared;
            row[3] = i < 3 ? "same" : "other";
            rows.add(row);
        }

        List<Object[]> back = roundTrip(rows);

        assertThat(back).extracting(r -> r[8]).containsExactly(shared, shared, null, shared);
        assertThat(back).extracting(r -> r[3]).containsExactly("same", "same", "same", "other");
    }

    @Test
    void aJsonTreeComesBackAsItsTextAndOtherJavaTypesAsTheirText() throws IOException {
        Object[] row = new Object[ALL_TYPES.columns().size()];
        row[9] = JsonNodeFactory.instance.objectNode().put("price", new BigDecimal("1E+3"));
        row[1] = Integer.valueOf(7);
        row[4] = "2024-01-02";
        Object[] back = roundTrip(List.<Object[]>of(row)).get(0);
        assertThat(back[9]).isEqualTo("{\"price\":1000}");
        assertThat(back[1]).isEqualTo(7L);
        assertThat(back[4]).isEqualTo("2024-01-02");
    }

    @Test
    void anEmptyChunkHasNoRowsAndOtherBytesAreNoJournal() throws IOException {
        assertThat(roundTrip(List.of())).isEmpty();
        assertThatThrownBy(() ->
                        JournalRows.decode(ALL_TYPES, new ByteArrayInputStream("{\"id\":1}\n".getBytes()), r -> {}))
                .isInstanceOf(IOException.class);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write("{\"id\":1}\n".getBytes());
        }
        assertThatThrownBy(() -> JournalRows.decode(ALL_TYPES, new ByteArrayInputStream(gzip.toByteArray()), r -> {}))
                .isInstanceOf(IOException.class)
                .hasMessage("not a journal of this format");
    }
}
