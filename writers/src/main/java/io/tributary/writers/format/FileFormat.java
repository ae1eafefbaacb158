package io.tributary.writers.format;

import io.tributary.connector.config.ConfigField;
import java.util.Arrays;
import java.util.Locale;

/** The file formats the file destinations (local, S3) write. */
public enum FileFormat implements ConfigField.Choice {
    JSONL("jsonl"),
    PARQUET("parquet");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    /** File name extension without the dot, also the configuration value. */
    public String extension() {
        return extension;
    }

    @Override
    public String settingValue() {
        return extension;
    }

    /** Accepts the configuration spelling ({@code jsonl}, {@code parquet}), case-insensitively. */
    public static FileFormat fromConfig(String value) {
        return Arrays.stream(values())
                .filter(f ->
                        f.extension.equalsIgnoreCase(value.trim()) || f.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown format '" + value + "'; use jsonl or parquet"));
    }

    public static String[] configValues() {
        return Arrays.stream(values())
                .map(f -> f.extension.toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
    }
}
