package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
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

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class JournalRowsTest {

    private static final TableSchema ALL_TYPES = new TableSchema("t", null, Arrays.stream(ColumnType.values())
            .map(type -> Column.of(type.name().toLowerCase(), type)).toList(), List.of(), null);

    private static List<Object[]> roundTrip(List<Object[]> rows) throws IOException {
        List<Object[]> back = new ArrayList<>();
        long count = JournalRows.decode(ALL_TYPES, new ByteArrayInputStream(JournalRows.encode(ALL_TYPES, rows)), back::add);
        assertThat(count).isEqualTo(rows.size());
        return back;
    }

    @Test
    void everyColumnTypeComesBackAsTheSameJavaValueWithOffsetsAndScalesKept() throws IOException {
        Object[] row = {true, 42L, new BigDecimal("-12345678901234567890.0100"), "Zoë 東京 \u0000 end", LocalDate.of(-44, 3, 15),
                LocalTime.of(23, 59, 59, 999_999_999), OffsetTime.of(7, 0, 0, 1000, ZoneOffset.ofHoursMinutes(5, 30)),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500), OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(-5)),
                "{\"a\":[1.50]}"};
        Object[] nulls = new Object[row.length];
        List<Object[]> back = roundTrip(List.of(row, nulls, row));
        assertThat(back.get(0)).containsExactly(row);
        assertThat(back.get(1)).containsOnlyNulls();
        assertThat(((BigDecimal) back.get(2)[2]).scale()).isEqualTo(4);
        assertThat(((OffsetDateTime) back.get(2)[8]).getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
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
        assertThatThrownBy(() -> JournalRows.decode(ALL_TYPES, new ByteArrayInputStream("{\"id\":1}\n".getBytes()), r -> { }))
                .isInstanceOf(IOException.class);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write("{\"id\":1}\n".getBytes());
        }
        assertThatThrownBy(() -> JournalRows.decode(ALL_TYPES, new ByteArrayInputStream(gzip.toByteArray()), r -> { }))
                .isInstanceOf(IOException.class).hasMessage("not a journal of this format");
    }
}
