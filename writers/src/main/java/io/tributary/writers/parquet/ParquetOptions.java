package io.tributary.writers.parquet;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConnectorConfig;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet settings of a file destination, with Airbyte's field names and defaults (compression
 * UNCOMPRESSED, 128 MB row groups ("block size"), 8 MB padding, 1024 KB pages and dictionary pages,
 * dictionary encoding on).
 *
 * <p>{@code block_size_mb} is an upper bound: every open Parquet writer buffers one row group in
 * memory, so {@link RowGroupMemory} gives each writer at most its share of a fixed part of the heap.
 *
 * @param numbersWithoutPrecision how a NUMBER column without declared precision is stored: DOUBLE
 *     (the default, as Airbyte's S3 Parquet output), {@code DECIMAL(38,9)} or its exact decimal text
 *     in a STRING column; a value that fits none is written as NULL and reported, never fails the sync
 */
public record ParquetOptions(
        CompressionCodecName codec,
        long blockSizeBytes,
        int maxPaddingBytes,
        int pageSizeBytes,
        int dictionaryPageSizeBytes,
        boolean dictionaryEncoding,
        NumbersWithoutPrecision numbersWithoutPrecision) {

    /** The Parquet type of a NUMBER column without declared precision ({@code number_without_precision}). */
    public enum NumbersWithoutPrecision implements ConfigField.Choice {
        DOUBLE,
        DECIMAL,
        STRING;

        @Override
        public String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The compression codecs a destination offers, spelled as Airbyte spells them. */
    public enum Codec implements ConfigField.Choice {
        UNCOMPRESSED,
        SNAPPY,
        GZIP,
        ZSTD;

        @Override
        public String settingValue() {
            return name();
        }

        CompressionCodecName parquetCodec() {
            return CompressionCodecName.valueOf(name());
        }
    }

    /** The precision and scale of {@code DECIMAL} for numbers without precision when so configured (BigQuery's NUMERIC). */
    public static final int UNBOUNDED_PRECISION = 38;

    public static final int UNBOUNDED_SCALE = 9;

    private static final int MB = 1024 * 1024;
    private static final int KB = 1024;

    /** Airbyte's defaults. */
    public static final ParquetOptions DEFAULTS = new ParquetOptions(
            CompressionCodecName.UNCOMPRESSED,
            128L * MB,
            8 * MB,
            1024 * KB,
            1024 * KB,
            true,
            NumbersWithoutPrecision.DOUBLE);

    public static final ConfigField<Codec> COMPRESSION_CODEC = ConfigField.choice("compression_codec", Codec.class)
            .defaultsTo(Codec.UNCOMPRESSED)
            .describe("Parquet compression codec");
    public static final ConfigField<Long> BLOCK_SIZE_MB = ConfigField.integer("block_size_mb")
            .defaultsTo(128L)
            .between(1, 1024)
            .describe("Parquet row group (block) size in MB, at most; a row group is buffered in memory while "
                    + "written, so all open files together get at most " + Math.round(RowGroupMemory.HEAP_SHARE * 100)
                    + "% of the heap and each a smaller row group when needed");
    public static final ConfigField<Long> MAX_PADDING_SIZE_MB = ConfigField.integer("max_padding_size_mb")
            .defaultsTo(8L)
            .between(0, 1024)
            .describe("Parquet maximum padding to align row groups, in MB");
    public static final ConfigField<Long> PAGE_SIZE_KB = ConfigField.integer("page_size_kb")
            .defaultsTo(1024L)
            .between(1, 1024 * 1024)
            .describe("Parquet page size in KB");
    public static final ConfigField<Long> DICTIONARY_PAGE_SIZE_KB = ConfigField.integer("dictionary_page_size_kb")
            .defaultsTo(1024L)
            .between(1, 1024 * 1024)
            .describe("Parquet dictionary page size in KB");
    public static final ConfigField<Boolean> DICTIONARY_ENCODING =
            ConfigField.bool("dictionary_encoding").defaultsTo(true).describe("Parquet dictionary encoding");
    public static final ConfigField<NumbersWithoutPrecision> NUMBER_WITHOUT_PRECISION = ConfigField.choice(
                    "number_without_precision", NumbersWithoutPrecision.class)
            .defaultsTo(NumbersWithoutPrecision.DOUBLE)
            .describe("Parquet type of numbers declared without precision: double (as Airbyte), "
                    + "decimal = DECIMAL(38,9), string = exact decimal text; a value that does not fit is "
                    + "written as NULL and logged");

    /** The configuration fields, declared once for every destination that writes Parquet. */
    public static final List<ConfigField<?>> CONFIG_FIELDS = List.of(
            COMPRESSION_CODEC,
            BLOCK_SIZE_MB,
            MAX_PADDING_SIZE_MB,
            PAGE_SIZE_KB,
            DICTIONARY_PAGE_SIZE_KB,
            DICTIONARY_ENCODING,
            NUMBER_WITHOUT_PRECISION);

    /** Reads the fields of {@link #CONFIG_FIELDS} from a validated configuration. */
    public static ParquetOptions from(ConnectorConfig config) {
        return new ParquetOptions(
                COMPRESSION_CODEC.get(config).parquetCodec(),
                BLOCK_SIZE_MB.get(config) * MB,
                MAX_PADDING_SIZE_MB.intValue(config) * MB,
                PAGE_SIZE_KB.intValue(config) * KB,
                DICTIONARY_PAGE_SIZE_KB.intValue(config) * KB,
                DICTIONARY_ENCODING.get(config),
                NUMBER_WITHOUT_PRECISION.get(config));
    }

    public ParquetOptions withCodec(CompressionCodecName newCodec) {
        return new ParquetOptions(
                newCodec,
                blockSizeBytes,
                maxPaddingBytes,
                pageSizeBytes,
                dictionaryPageSizeBytes,
                dictionaryEncoding,
                numbersWithoutPrecision);
    }

    public ParquetOptions withNumbersWithoutPrecision(NumbersWithoutPrecision numbers) {
        return new ParquetOptions(
                codec,
                blockSizeBytes,
                maxPaddingBytes,
                pageSizeBytes,
                dictionaryPageSizeBytes,
                dictionaryEncoding,
                numbers);
    }
}
