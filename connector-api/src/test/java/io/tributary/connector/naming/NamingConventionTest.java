package io.tributary.connector.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected names were computed with Airbyte's legacy normalization code (destination_name_transformer.py, table_name_registry.py). */
class NamingConventionTest {

    private final NamingConvention postgres = NamingConvention.POSTGRES;

    @Test
    void sanitizesLikeAirbytesStandardNaming() {
        assertThat(postgres.sanitize("  Café Crème   Brûlée-Price ($) ")).isEqualTo("cafe_creme_brulee_price____");
        assertThat(postgres.sanitize("contact.email")).isEqualTo("contact_email");
        assertThat(postgres.sanitize("UPPER")).isEqualTo("upper");
    }

    @Test
    void prefixesALeadingDigitAndNeverReturnsAnEmptyName() {
        assertThat(postgres.sanitize("1st_place")).isEqualTo("_1st_place");
        assertThat(postgres.sanitize("")).isEqualTo("_");
        assertThat(postgres.sanitize("   ")).isEqualTo("_");
    }

    @Test
    void replacesEachNonAsciiCharacterByOneUnderscore() {
        assertThat(postgres.sanitize("名前")).isEqualTo("__");
        assertThat(postgres.sanitize("a😀b")).isEqualTo("a_b");
    }

    @Test
    void cutsLongNamesInTheMiddleTo43CharactersAsAirbyteDid() {
        String name = postgres.identifier("nested_stream_with_complex_columns_resulting_into_long_names");
        assertThat(name)
                .isEqualTo("nested_stream_with_c__lting_into_long_names")
                .hasSize(43);
    }

    @Test
    void leavesNamesWithinTheLimitAlone() {
        String exactly43 = "a".repeat(43);
        assertThat(postgres.truncate(exactly43)).isSameAs(exactly43);
    }

    @Test
    void roundsTheCutLikePythonForOddLimits() {
        // Python: round(45 / 2) == 22 (half to even), so 22 characters kept before "__" and 21 after.
        NamingConvention odd = new NamingConvention(63, 45);
        String cut = odd.truncate("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz");
        assertThat(cut)
                .isEqualTo("abcdefghijklmnopqrstuv__fghijklmnopqrstuvwxyz")
                .hasSize(45);
    }

    @Test
    void neverExceedsTheDestinationsByteLimit() {
        NamingConvention tight = new NamingConvention(20, 20);
        String cut = tight.truncate("ééééééééééééééééééé");
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(20);
        assertThat(cut).contains("__");
    }

    @Test
    void namesRawTablesAfterTheStream() {
        assertThat(postgres.rawTable("Customers")).isEqualTo("_airbyte_raw_customers");
    }

    @Test
    void joinsNestedPathsWithUnderscores() {
        assertThat(postgres.joined(List.of("contact", "email"))).isEqualTo("contact_email");
        assertThat(postgres.joined(List.of("customers", "addresses"))).isEqualTo("customers_addresses");
    }

    @Test
    void namesHashIdColumnsAfterTheirTable() {
        assertThat(postgres.hashIdColumn("customers")).isEqualTo("_airbyte_customers_hashid");
        assertThat(postgres.hashIdColumn("nested_stream_with_complex_columns_resulting_into_long_names"))
                .isEqualTo("_airbyte_nested_stre__nto_long_names_hashid");
    }

    @Test
    void hashesJsonPathsAsAirbyte() {
        assertThat(NamingConvention.pathKey(List.of("public", "customers", "addresses")))
                .isEqualTo("public&airbyte&customers&airbyte&addresses");
        assertThat(NamingConvention.hash(NamingConvention.pathKey(List.of("public", "customers", "addresses")), 3))
                .isEqualTo("75d");
        assertThat(NamingConvention.hash("PUBLIC&airbyte&Customers&airbyte&addresses", 3))
                .isEqualTo("75d");
    }

    @Test
    void namesCollidingNestedTablesWithAirbytesHashedScheme() {
        assertThat(postgres.nestedTableName("public", List.of("customers", "addresses")))
                .isEqualTo("customers_75d_addresses");
        assertThat(postgres.nestedTableName("public", List.of("customers_with_a_really_long_stream_name", "addresses")))
                .isEqualTo("customers_with_a_really_long__9fa_addresses");
        assertThat(postgres.nestedTableName(
                        "public",
                        List.of(
                                "nested_stream_with_complex_columns_resulting_into_long_names",
                                "partition_with_a_long_field_name_too")))
                .isEqualTo("nested_str_b13_partition_wi__ield_name_too");
    }

    @Test
    void appendsAHashSegmentWithinTheLimit() {
        assertThat(postgres.withHashSegment("a_b", "a&airbyte&b", 3)).matches("a_b_[0-9a-f]{3}");
        String longName = "x".repeat(43);
        String segmented = postgres.withHashSegment(longName, "key", 3);
        assertThat(segmented).hasSize(43).matches("x+__x+_[0-9a-f]{3}");
    }

    @Test
    void rejectsAConventionWithoutRoomForNames() {
        assertThatThrownBy(() -> new NamingConvention(63, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncateTo must be between 12 and maxBytes (63), was 5");
        assertThatThrownBy(() -> new NamingConvention(30, 43))
                .hasMessageContaining("truncateTo must be between 12 and maxBytes (30), was 43");
    }

    @Test
    void rejectsANestedTableWithoutParent() {
        assertThatThrownBy(() -> postgres.nestedTableName("public", List.of("customers")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer than two names");
    }
}
