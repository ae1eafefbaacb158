package io.tributary.readers.postgres.cdc;

import java.util.Locale;

/**
 * A position in PostgreSQL's write-ahead log: an unsigned 64-bit byte offset, written as two hex halves
 * ({@code 16/B374D848}) the way PostgreSQL prints {@code pg_lsn}.
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /** PostgreSQL's InvalidXLogRecPtr: no position. */
    public static final Lsn NONE = new Lsn(0);

    /**
     * Parses {@code X/Y}.
     *
     * @throws IllegalArgumentException when the text is not an LSN
     */
    public static Lsn parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException(
                    "not a WAL position (LSN): '" + text + "'; expected two hex numbers like 16/B374D848");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL || high < 0 || low < 0) {
                throw new NumberFormatException();
            }
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "not a WAL position (LSN): '" + text + "'; expected two hex numbers like 16/B374D848");
        }
    }

    public boolean isAfter(Lsn other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(Lsn other) {
        return compareTo(other) < 0;
    }

    public static Lsn max(Lsn a, Lsn b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Bytes from {@code earlier} to this position, 0 when {@code earlier} is not earlier. */
    public long bytesAfter(Lsn earlier) {
        return isAfter(earlier) ? value - earlier.value : 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%X/%X", value >>> 32, value & 0xFFFFFFFFL);
    }
}
