package io.tributary.connector.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniqueIdentifiersTest {

    private final NamingConvention postgres = NamingConvention.POSTGRES;

    @Test
    void theFirstClaimantKeepsTheNameAndTheNextGetsAHashSegment() {
        UniqueIdentifiers names = new UniqueIdentifiers(postgres);
        assertThat(names.claim("a_b", NamingConvention.pathKey(List.of("a_b")))).isEqualTo("a_b");
        String second = names.claim("a_b", NamingConvention.pathKey(List.of("a", "b")));
        assertThat(second).isEqualTo("a_b_" + NamingConvention.hash("a&airbyte&b", 3));
        assertThat(names.isTaken("a_b")).isTrue();
        assertThat(names.isTaken(second)).isTrue();
    }

    @Test
    void givesTheSameAnswersForTheSameClaims() {
        List<String> first = claimAll(new UniqueIdentifiers(postgres));
        List<String> second = claimAll(new UniqueIdentifiers(postgres));
        assertThat(first).isEqualTo(second);
    }

    @Test
    void keepsKeysThatDifferOnlyInCaseApart() {
        UniqueIdentifiers names = new UniqueIdentifiers(postgres);
        Set<String> claimed = new HashSet<>();
        for (String field : List.of("name", "Name", "NAME", "nAme")) {
            claimed.add(names.claim(postgres.identifier(field), field));
        }
        assertThat(claimed).hasSize(4).contains("name");
    }

    @Test
    void keepsTruncatedNamesApart() {
        UniqueIdentifiers names = new UniqueIdentifiers(postgres);
        String prefix = "a_very_long_column_name_that_will_be_cut_";
        Set<String> claimed = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String claimedName =
                    names.claim(postgres.identifier(prefix + i + "_in_the_middle_of_its_length"), prefix + i);
            assertThat(claimedName.length()).isLessThanOrEqualTo(43);
            claimed.add(claimedName);
        }
        assertThat(claimed).hasSize(50);
    }

    private List<String> claimAll(UniqueIdentifiers names) {
        return List.of(
                names.claim("x", "x"),
                names.claim("x", "a&airbyte&x"),
                names.claim("x", "b&airbyte&x"),
                names.claim("y", "y"));
    }
}
