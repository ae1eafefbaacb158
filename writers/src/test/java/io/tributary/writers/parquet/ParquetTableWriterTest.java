package io.tributary.writers.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetTableWriterTest {

    private static final TableSchema ALL_TYPES = new TableSchema(
            "all_types",
            "lab",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("flag", ColumnType.BOOLEAN),
                    new Column("small_dec", List.of("small_dec"), ColumnType.NUMBER, 5, 2),
                    new Column("mid_dec", List.of("mid_dec"), ColumnType.NUMBER, 18, 4),
                    new Column("big_dec", List.of("big_dec"), ColumnType.NUMBER, 38, 10),
                    Column.of("free_dec", ColumnType.NUMBER),
                    Column.of("day", ColumnType.DATE),
                    Column.of("clock", ColumnType.TIME),
                    Column.of("clock_tz", ColumnType.TIME_TZ),
                    Column.of("wall", ColumnType.TIMESTAMP),
                    Column.of("instant", ColumnType.TIMESTAMP_TZ),
                    Column.of("label", ColumnType.STRING),
                    Column.of("doc", ColumnType.JSON)),
            List.of("id"),
            null);

    @TempDir
    Path dir;

    private Path write(TableSchema table, ParquetOptions options, List<Object[]> rows) throws IOException {
        Path file = dir.resolve(table.name() + "-" + options.codec() + "-" + System.nanoTime() + ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetTableWriter writer = new ParquetTableWriter(table, out, options);
            rows.forEach(writer::write);
            writer.close();
        }
        return file;
    }

    private static Object[] row(long id) {
        return new Object[] {
            id,
            id % 2 == 0,
            new BigDecimal("-123.45"),
            new BigDecimal("12345678901234.5678"),
            new BigDecimal("-1234567890123456789012345678.0123456789"),
            new BigDecimal("98765432109876543210.123456789"),
            LocalDate.of(1969, 12, 31),
            LocalTime.of(23, 59, 58, 123_456_000),
            OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(2)),
            LocalDateTime.of(2024, 2, 29, 13, 14, 15, 654_321_000),
            OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 654_321_000, ZoneOffset.ofHours(-7)),
            "Grüße, 世界 🌍 #" + id,
            "{\"a\":[1,2.50,{\"b\":null}],\"ü\":\"✓\"}"
        };
    }

    @Test
    void duckDbReadsEveryColumnTypeWithTheRightLogicalType() throws IOException {
        Path file = write(ALL_TYPES, ParquetOptions.DEFAULTS, List.<Object[]>of(row(1)));

        assertThat(DuckDb.columnTypes(file))
                .containsExactly(
                        entry("id", "BIGINT"),
                        entry("flag", "BOOLEAN"),
                        entry("small_dec", "DECIMAL(5,2)"),
                        entry("mid_dec", "DECIMAL(18,4)"),
                        entry("big_dec", "DECIMAL(38,10)"),
                        entry("free_dec", "DOUBLE"),
                        entry("day", "DATE"),
                        entry("clock", "TIME"),
                        entry("clock_tz", "TIME WITH TIME ZONE"),
                        entry("wall", "TIMESTAMP"),
                        entry("instant", "TIMESTAMP WITH TIME ZONE"),
                        entry("label", "VARCHAR"),
                        entry("doc", "JSON"));
    }

    @Test
    void duckDbReadsBackExactDecimalsTimestampsNullsAndUnicode() throws IOException {
        Object[] nulls = new Object[ALL_TYPES.columns().size()];
        nulls[0] = 2L;
        Path file = write(ALL_TYPES, ParquetOptions.DEFAULTS, List.<Object[]>of(row(1), nulls));

        List<Map<String, Object>> rows = DuckDb.query("SELECT id, flag, small_dec, mid_dec, big_dec, free_dec, "
                + "CAST(day AS VARCHAR) AS day, CAST(clock AS VARCHAR) AS clock, epoch_us(wall) AS wall_us, "
                + "CAST(wall AS VARCHAR) AS wall, epoch_us(instant) AS instant_us, label, CAST(doc AS VARCHAR) AS doc, "
                + "json_extract_string(doc, '$.ü') AS doc_u "
                + "FROM " + DuckDb.parquet(file) + " ORDER BY id");

        assertThat(rows).hasSize(2);
        Map<String, Object> r = rows.get(0);
        assertThat(r.get("id")).isEqualTo(1L);
        assertThat(r.get("flag")).isEqualTo(false);
        assertThat(r.get("small_dec")).isEqualTo(new BigDecimal("-123.45"));
        assertThat(r.get("mid_dec")).isEqualTo(new BigDecimal("12345678901234.5678"));
        assertThat(r.get("big_dec")).isEqualTo(new BigDecimal("-1234567890123456789012345678.0123456789"));
        assertThat(r.get("free_dec")).isEqualTo(98765432109876543210.123456789);
        assertThat(r.get("day")).isEqualTo("1969-12-31");
        assertThat(r.get("clock")).isEqualTo("23:59:58.123456");
        assertThat(r.get("wall")).isEqualTo("2024-02-29 13:14:15.654321");
        assertThat(r.get("wall_us"))
                .isEqualTo(
                        LocalDateTime.of(2024, 2, 29, 13, 14, 15, 654_321_000).toEpochSecond(ZoneOffset.UTC) * 1_000_000
                                + 654_321);
        assertThat(r.get("instant_us"))
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 20, 14, 15, 0, ZoneOffset.UTC)
                                        .toEpochSecond()
                                * 1_000_000
                        + 654_321);
        assertThat(r.get("label")).isEqualTo("Grüße, 世界 🌍 #1");
        assertThat(r.get("doc")).isEqualTo("{\"a\":[1,2.50,{\"b\":null}],\"ü\":\"✓\"}");
        assertThat(r.get("doc_u")).isEqualTo("✓");
        Map<String, Object> empty = rows.get(1);
        assertThat(empty.entrySet())
                .filteredOn(e -> !e.getKey().equals("id"))
                .allSatisfy(e -> assertThat(e.getValue()).isNull());
    }

    @Test
    void aTimeWithZoneIsStoredAsTheSameInstantInUtc() throws IOException {
        Path file = write(ALL_TYPES, ParquetOptions.DEFAULTS, List.<Object[]>of(row(1)));

        assertThat(DuckDb.query("SELECT CAST(CAST(clock_tz AS TIME) AS VARCHAR) AS t FROM " + DuckDb.parquet(file)))
                .extracting(m -> m.get("t"))
                .containsExactly("08:00:00");
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD"})
    void eachCompressionCodecIsUsedAndReadsBack(CompressionCodecName codec) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 2_000; i++) {
            rows.add(row(i));
        }
        Path file = write(ALL_TYPES, ParquetOptions.DEFAULTS.withCodec(codec), rows);

        assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                .extracting(m -> m.get("compression"))
                .containsExactly(codec.name());
        assertThat(DuckDb.query("SELECT count(*) AS n, min(big_dec) AS low, sum(mid_dec) AS total FROM "
                                + DuckDb.parquet(file))
                        .get(0))
                .containsEntry("n", 2_000L)
                .containsEntry("low", new BigDecimal("-1234567890123456789012345678.0123456789"))
                .containsEntry("total", new BigDecimal("12345678901234.5678").multiply(BigDecimal.valueOf(2_000)));
    }

    @Test
    void dictionaryEncodingCanBeTurnedOff() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            rows.add(row(i % 3));
        }
        Path on = write(ALL_TYPES, ParquetOptions.DEFAULTS, rows);
        ParquetOptions d = ParquetOptions.DEFAULTS;
        Path off = write(
                ALL_TYPES,
                new ParquetOptions(
                        d.codec(),
                        d.blockSizeBytes(),
                        d.maxPaddingBytes(),
                        d.pageSizeBytes(),
                        d.dictionaryPageSizeBytes(),
                        false,
                        d.numbersWithoutPrecision()),
                rows);

        String encodings =
                "SELECT string_agg(encodings, ',') AS e FROM parquet_metadata('%s') WHERE path_in_schema = 'label'";
        assertThat((String) DuckDb.query(encodings.formatted(on)).get(0).get("e"))
                .contains("DICTIONARY");
        assertThat((String) DuckDb.query(encodings.formatted(off)).get(0).get("e"))
                .doesNotContain("DICTIONARY");
    }

    @Test
    void idsAndHashidsThatNeverRepeatAreWrittenWithoutADictionaryWhileOtherColumnsKeepIt() throws IOException {
        TableSchema table = new TableSchema(
                "people",
                "lab",
                List.of(
                        Column.of("label", ColumnType.STRING),
                        Column.metadata("_airbyte_ab_id", ColumnType.STRING),
                        Column.metadata("_airbyte_people_hashid", ColumnType.STRING)),
                List.of(),
                null);
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            rows.add(new Object[] {
                "label " + (i % 3), java.util.UUID.randomUUID().toString(), Long.toHexString(i * 7919)
            });
        }
        Path file = write(table, ParquetOptions.DEFAULTS, rows);
        String encodings =
                "SELECT string_agg(encodings, ',') AS e FROM parquet_metadata('%s') WHERE path_in_schema = '%s'";
        assertThat((String)
                        DuckDb.query(encodings.formatted(file, "label")).get(0).get("e"))
                .contains("DICTIONARY");
        assertThat((String) DuckDb.query(encodings.formatted(file, "_airbyte_ab_id"))
                        .get(0)
                        .get("e"))
                .doesNotContain("DICTIONARY");
        assertThat((String) DuckDb.query(encodings.formatted(file, "_airbyte_people_hashid"))
                        .get(0)
                        .get("e"))
                .doesNotContain("DICTIONARY");
        assertThat(DuckDb.query("SELECT count(DISTINCT _airbyte_ab_id) AS n FROM read_parquet('" + file + "')")
                        .get(0)
                        .get("n"))
                .isEqualTo(1_000L);
    }

    @Test
    void aSmallRowGroupSizeSplitsTheFileIntoSeveralRowGroups() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 20_000; i++) {
            rows.add(row(i));
        }
        ParquetOptions d = ParquetOptions.DEFAULTS;
        Path file = write(
                ALL_TYPES,
                new ParquetOptions(
                        d.codec(),
                        256 * 1024,
                        0,
                        64 * 1024,
                        d.dictionaryPageSizeBytes(),
                        true,
                        d.numbersWithoutPrecision()),
                rows);

        Map<String, Object> meta = DuckDb.query("SELECT count(DISTINCT row_group_id) AS groups, "
                        + "max(row_group_num_rows) AS most FROM parquet_metadata('" + file + "')")
                .get(0);
        assertThat((Long) meta.get("groups")).isGreaterThan(3);
        assertThat(DuckDb.query("SELECT count(*) AS n FROM " + DuckDb.parquet(file))
                        .get(0))
                .containsEntry("n", 20_000L);
    }

    @Test
    void aNumberWithoutPrecisionIsADoubleAsInAirbytesParquetAndKeepsAFloatsDigits() throws IOException {
        Object[] fine = row(1);
        fine[5] = new BigDecimal("0.016666666666666666");

        Path file = write(ALL_TYPES, ParquetOptions.DEFAULTS, List.<Object[]>of(fine));

        assertThat(DuckDb.columnTypes(file)).containsEntry("free_dec", "DOUBLE");
        assertThat(DuckDb.query("SELECT free_dec FROM " + DuckDb.parquet(file)).get(0))
                .containsEntry("free_dec", 0.016666666666666666);
    }

    @Test
    void aValueThatFitsNoValueOfItsColumnBecomesNullAndIsCountedInsteadOfFailingTheFile() throws IOException {
        Object[] tooWide = row(1);
        tooWide[2] = new BigDecimal("1234.5"); // DECIMAL(5,2) holds 3 integer digits
        tooWide[5] = new BigDecimal("1e400"); // beyond a double
        Object[] fits = row(2);
        Path file = dir.resolve("nulled.parquet");
        long nulled;
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetTableWriter writer = new ParquetTableWriter(ALL_TYPES, out, ParquetOptions.DEFAULTS);
            writer.write(tooWide);
            writer.write(fits);
            writer.close();
            nulled = writer.nulledValues();
        }

        assertThat(nulled).isEqualTo(2);
        assertThat(DuckDb.query("SELECT id, small_dec, free_dec FROM " + DuckDb.parquet(file) + " ORDER BY id"))
                .extracting(r -> r.get("id"), r -> r.get("small_dec"), r -> r.get("free_dec"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, null, null),
                        org.assertj.core.groups.Tuple.tuple(
                                2L, new BigDecimal("-123.45"), 98765432109876543210.123456789));
    }

    @Test
    void aValueOnlyTheWriterCannotHoldIsRecordedInTheRowsAirbyteMetaAsNormalizationDoes() throws IOException {
        TableSchema measures = new TableSchema(
                "measures",
                "lab",
                List.of(
                        Column.of("id", ColumnType.INTEGER),
                        new Column("amount", List.of("order", "amount"), ColumnType.NUMBER, 5, 2),
                        Column.metadata("_airbyte_meta", ColumnType.JSON)),
                List.of("id"),
                null);
        String earlier = "{\"changes\":[{\"field\":\"note\",\"change\":\"TRUNCATED\"}]}";

        Path file = write(
                measures,
                ParquetOptions.DEFAULTS,
                List.<Object[]>of(
                        new Object[] {1L, new BigDecimal("123456.7"), "{\"changes\":[]}"},
                        new Object[] {2L, new BigDecimal("1.5"), "{\"changes\":[]}"},
                        new Object[] {3L, new BigDecimal("-99999"), earlier}));

        List<Map<String, Object>> rows = DuckDb.query("SELECT id, amount, "
                + "json_extract_string(_airbyte_meta, '$.changes[0].field') AS field0, "
                + "json_extract_string(_airbyte_meta, '$.changes[0].change') AS change0, "
                + "json_extract_string(_airbyte_meta, '$.changes[0].reason') AS reason0, "
                + "json_extract_string(_airbyte_meta, '$.changes[1].field') AS field1, "
                + "CAST(_airbyte_meta AS VARCHAR) AS meta FROM " + DuckDb.parquet(file) + " ORDER BY id");
        assertThat(rows.get(0))
                .containsEntry("amount", null)
                .containsEntry("field0", "order.amount")
                .containsEntry("change0", "NULLED")
                .containsEntry("reason0", "DESTINATION_TYPECAST_ERROR");
        assertThat((String) rows.get(0).get("meta")).contains("123456.7").contains("DECIMAL(5,2)");
        assertThat(rows.get(1))
                .containsEntry("amount", new BigDecimal("1.50"))
                .containsEntry("meta", "{\"changes\":[]}");
        assertThat(rows.get(2))
                .containsEntry("amount", null)
                .containsEntry("field0", "note")
                .containsEntry("field1", "order.amount");
    }

    @Test
    void numbersWithoutPrecisionCanBeDecimal38x9WhereATooFineValueBecomesNull() throws IOException {
        Object[] tooFine = row(1);
        tooFine[5] = new BigDecimal("0.1234567891");
        Object[] fits = row(2);
        fits[5] = new BigDecimal("0.123456789");

        Path file = write(
                ALL_TYPES,
                ParquetOptions.DEFAULTS.withNumbersWithoutPrecision(ParquetOptions.NumbersWithoutPrecision.DECIMAL),
                List.<Object[]>of(tooFine, fits));

        assertThat(DuckDb.columnTypes(file)).containsEntry("free_dec", "DECIMAL(38,9)");
        assertThat(DuckDb.query("SELECT free_dec FROM " + DuckDb.parquet(file) + " ORDER BY id"))
                .extracting(r -> r.get("free_dec"))
                .containsExactly(null, new BigDecimal("0.123456789"));
    }

    @Test
    void aValueOfTheWrongJavaTypeNamesTableColumnAndType() {
        Object[] wrong = row(1);
        wrong[6] = "1969-12-31";

        assertThatThrownBy(() -> write(ALL_TYPES, ParquetOptions.DEFAULTS, List.<Object[]>of(wrong)))
                .hasMessageContaining(
                        "table lab.all_types, column day (DATE): unexpected value of Java type java.lang.String");
    }

    @Test
    void fixedLengthDecimalsUseTheFewestBytes() {
        assertThat(ParquetColumn.bytesFor(19)).isEqualTo(9);
        assertThat(ParquetColumn.bytesFor(38)).isEqualTo(16);
    }
}
