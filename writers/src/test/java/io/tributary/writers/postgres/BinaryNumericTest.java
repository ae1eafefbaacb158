package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.postgresql.util.ByteConverter;

class BinaryNumericTest {

    /** Decimals of every magnitude and scale a column may see, with the edges of the long path. */
    static List<BigDecimal> samples() {
        List<BigDecimal> values = new ArrayList<>(List.of(
                BigDecimal.ZERO,
                new BigDecimal("0.00"),
                new BigDecimal("0E+5"),
                BigDecimal.ONE,
                new BigDecimal("-1"),
                new BigDecimal("12.34"),
                new BigDecimal("-12.34"),
                new BigDecimal("0.0001"),
                new BigDecimal("0.00001"),
                new BigDecimal("-0.000000000000000000000001"),
                new BigDecimal("10000"),
                new BigDecimal("100000000"),
                new BigDecimal("1E+30"),
                new BigDecimal("-5E+3"),
                new BigDecimal("1.50"),
                new BigDecimal("123456789012345.12340"),
                new BigDecimal("999999999999999999"),
                new BigDecimal("-999999999999999999"),
                new BigDecimal("999999999999999.999"),
                new BigDecimal("9.99999999999999999"),
                new BigDecimal("0.999999999999999999"),
                new BigDecimal("1234567890123456789"),
                new BigDecimal(Long.MAX_VALUE),
                new BigDecimal(Long.MIN_VALUE),
                new BigDecimal("12345678901234567890123.45"),
                new BigDecimal(BigInteger.ONE, 16383),
                new BigDecimal(BigInteger.TEN, -16383)));
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int digits = 1 + random.nextInt(19);
            long unscaled = random.nextLong() % (long) Math.pow(10, digits);
            if (random.nextInt(10) == 0) {
                unscaled = unscaled / 10_000 * 10_000; // trailing zero digits
            }
            values.add(BigDecimal.valueOf(unscaled, random.nextInt(50) - 10));
        }
        return values;
    }

    @Test
    void writesTheBytesPgjdbcWritesForEveryDecimal() {
        int compact = 0;
        for (BigDecimal value : samples()) {
            byte[] buffer = new byte[3 + BinaryNumeric.MAX_COMPACT_BYTES];
            int length = BinaryNumeric.writeCompact(value, buffer, 3);
            if (length < 0) {
                assertThat(value.precision()).as("%s goes to pgjdbc", value).isGreaterThanOrEqualTo(16);
                assertThat(buffer).as("nothing written for %s", value).containsOnly(0);
                continue;
            }
            compact++;
            assertThat(Arrays.copyOfRange(buffer, 3, 3 + length))
                    .as("%s", value)
                    .isEqualTo(ByteConverter.numeric(value));
        }
        assertThat(compact).isGreaterThan(15_000);
    }
}
