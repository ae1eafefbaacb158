package io.tributary.normalization;

import io.tributary.connector.config.ConfigField;
import java.util.Arrays;
import java.util.Locale;

/**
 * What normalization makes of a stream, as Airbyte's "raw data" and "basic normalization" options:
 * {@link #RAW} keeps only the raw JSON records ({@code _airbyte_raw_<stream>}); {@link #BASIC}
 * adds the flat, typed tables.
 */
public enum NormalizationMode implements ConfigField.Choice {
    /** Only the raw records: no typed tables. */
    RAW,
    /** Raw records plus flattened, typed tables and child tables. */
    BASIC;

    /** The configuration spelling, {@code raw} or {@code basic}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String settingValue() {
        return configValue();
    }

    /**
     * Parses the configuration spelling, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static NormalizationMode fromConfig(String value) {
        return Arrays.stream(values())
                .filter(m -> m.name().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "'" + value + "' is not a normalization mode; use raw "
                                        + "(only the raw JSON records, _airbyte_raw_<stream>) or basic (also flat typed tables; the default)"));
    }
}
