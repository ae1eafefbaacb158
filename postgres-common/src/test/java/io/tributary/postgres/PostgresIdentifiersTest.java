package io.tributary.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PostgresIdentifiersTest {

    @Test
    void quotesAnyNameSoItMeansItself() {
        assertThat(PostgresIdentifiers.quote("Order \"Lines\"")).isEqualTo("\"Order \"\"Lines\"\"\"");
        assertThat(PostgresIdentifiers.qualified("My Schema", "t")).isEqualTo("\"My Schema\".\"t\"");
    }

    @Test
    void keepsNamesThatFitAndShortensLongerOnesDistinctly() {
        assertThat(PostgresIdentifiers.fit("customers")).isEqualTo("customers");
        String base = "x".repeat(70);
        String a = PostgresIdentifiers.fit(base + "_a");
        String b = PostgresIdentifiers.fit(base + "_b");
        assertThat(a).isNotEqualTo(b).hasSize(63).startsWith("xxxx");
        assertThat(PostgresIdentifiers.fit(base + "_a")).as("stable").isEqualTo(a);
    }

    @Test
    void countsBytesNotCharactersAndNeverSplitsACharacter() {
        String name = "ü".repeat(40); // 80 bytes
        String fitted = PostgresIdentifiers.fit(name);
        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(fitted).matches("ü+_[0-9a-f]{8}");
    }
}
