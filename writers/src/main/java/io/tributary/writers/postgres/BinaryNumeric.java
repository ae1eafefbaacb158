package io.tributary.writers.postgres;

import java.math.BigDecimal;

/**
 * PostgreSQL's binary {@code numeric} for the decimals most columns hold: those whose unscaled value
 * has at most 18 digits, encoded with long arithmetic. pgjdbc's {@code ByteConverter.numeric} goes
 * through {@link java.math.BigInteger} division for every value, which cost 6% of a normalized load's
 * CPU; this writes the same bytes. Other values are left to pgjdbc.
 *
 * <p>The format: the number of base-10000 digits, the weight of the first (its power of 10000), the
 * sign ({@code 0x0000} or {@code 0x4000}), the display scale (digits after the point, never below 0),
 * then the digits, most significant first, without leading or trailing zero digits.
 */
final class BinaryNumeric {

    /** The most bytes {@link #writeCompact} writes: the header and five digits (a long has 19 decimal digits at most). */
    static final int MAX_COMPACT_BYTES = 8 + 2 * 5;

    private static final int MAX_PRECISION = 18;
    /** PostgreSQL's limit on the display scale. */
    private static final int MAX_SCALE = 0x3FFF;

    private static final int NEGATIVE = 0x4000;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private BinaryNumeric() {}

    /**
     * Writes {@code value} in binary at {@code offset} of {@code target}, which has room for
     * {@link #MAX_COMPACT_BYTES}; returns the number of bytes written, or -1 (nothing written) when
     * the value needs more than a long's digits.
     */
    static int writeCompact(BigDecimal value, byte[] target, int offset) {
        int scale = value.scale();
        if (value.precision() > MAX_PRECISION || scale > MAX_SCALE || scale < -MAX_SCALE) {
            return -1;
        }
        // the unscaled value without a BigInteger: a compact BigDecimal of scale 0 gives its long directly
        long unscaled = value.scaleByPowerOfTen(scale).longValue();
        int displayScale = Math.max(0, scale);
        if (unscaled == 0) {
            // as pgjdbc writes zero: no digits, weight -1
            putShort(target, offset, 0);
            putShort(target, offset + 2, -1);
            putShort(target, offset + 4, 0);
            putShort(target, offset + 6, displayScale);
            return 8;
        }
        long magnitude = Math.abs(unscaled);
        // value = magnitude * 10^exponent; align the digits to a power of 10000
        int exponent = -scale;
        int lowestWeight = Math.floorDiv(exponent, 4);
        long padding = POWERS_OF_TEN[exponent - 4 * lowestWeight];
        if (magnitude > Long.MAX_VALUE / padding) {
            return -1;
        }
        long digits = magnitude * padding;
        while (digits % 10_000 == 0) {
            digits /= 10_000;
            lowestWeight++;
        }
        int count = 0;
        for (long rest = digits; rest != 0; rest /= 10_000) {
            count++;
        }
        putShort(target, offset, count);
        putShort(target, offset + 2, lowestWeight + count - 1);
        putShort(target, offset + 4, unscaled < 0 ? NEGATIVE : 0);
        putShort(target, offset + 6, displayScale);
        for (int i = count - 1; i >= 0; i--) {
            putShort(target, offset + 8 + 2 * i, (int) (digits % 10_000));
            digits /= 10_000;
        }
        return 8 + 2 * count;
    }

    private static void putShort(byte[] target, int at, int v) {
        target[at] = (byte) (v >>> 8);
        target[at + 1] = (byte) v;
    }
}
