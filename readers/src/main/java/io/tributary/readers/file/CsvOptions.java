package io.tributary.readers.file;

import io.tributary.connector.config.ConfigException;
import org.apache.commons.csv.CSVFormat;

/**
 * How a CSV file is written.
 *
 * @param quoteChar {@code null} when fields are never quoted
 * @param escapeChar {@code null} when there is no escape character (quotes are doubled instead)
 * @param header whether the first row names the columns; otherwise they are {@code column_1..n}
 */
record CsvOptions(String delimiter, Character quoteChar, Character escapeChar, boolean header) {

    /** Reads the settings; {@code \t} or {@code tab} is a tab, {@code none} or empty means no quote/escape character. */
    static CsvOptions fromSettings(String delimiter, String quoteChar, String escapeChar, boolean header) {
        CsvOptions options = new CsvOptions(
                delimiterOf(delimiter), charOf("quote_char", quoteChar), charOf("escape_char", escapeChar), header);
        try {
            options.format();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("delimiter, quote_char, escape_char: " + e.getMessage()
                    + "; the three must be different characters");
        }
        return options;
    }

    private static String delimiterOf(String value) {
        if (value == null || value.isEmpty()) {
            throw new ConfigException("delimiter: must not be empty; use , or ; or \\t");
        }
        return switch (value) {
            case "\\t", "tab", "TAB" -> "\t";
            default -> value;
        };
    }

    private static Character charOf(String setting, String value) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase("none")) {
            return null;
        }
        if (value.length() != 1) {
            throw new ConfigException(
                    setting + ": '" + value + "' is not a single character; use one character or none");
        }
        return value.charAt(0);
    }

    /**
     * The Commons CSV format. Empty fields are nulls (a CSV has no other way to write one); empty
     * lines are skipped; the header row is read as an ordinary record so that its line counts.
     */
    CSVFormat format() {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setQuote(quoteChar)
                .setEscape(escapeChar)
                .setNullString("")
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
    }
}
