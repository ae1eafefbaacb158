package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3PathTemplateTest {

    private static final Instant START = Instant.parse("2024-03-05T07:08:09.123Z");
    private static final String UUID = "123e4567-e89b-12d3-a456-426614174000";

    @Test
    void resolvesAirbytesDefaultFormat() {
        S3PathTemplate template = S3PathTemplate.parse(S3DestinationConfig.DEFAULT_PATH_FORMAT);

        assertThat(template.resolve("lake", "shop", "customers", START, UUID))
                .isEqualTo("lake/shop/customers/2024_03_05_1709622489123_");
    }

    @Test
    void resolvesEveryVariableAndCollapsesRepeatedSlashes() {
        S3PathTemplate template = S3PathTemplate.parse(
                "/${NAMESPACE}//${STREAM_NAME}/${YEAR}/${MONTH}/${DAY}/${HOUR}${MINUTE}${SECOND}.${MILLISECOND}-${EPOCH}-${UUID}-");

        assertThat(template.resolve("", null, "orders", START, UUID))
                .isEqualTo("orders/2024/03/05/070809.123-1709622489123-" + UUID + "-");
    }

    @Test
    void recognisesTheFilesOfATableFromAnySyncButNotThoseOfASimilarlyNamedTable() {
        S3PathTemplate template = S3PathTemplate.parse("${NAMESPACE}_${STREAM_NAME}_${EPOCH}_");
        var keys = template.fileKeys("lake", "shop", "customers");

        assertThat(template.listingPrefix("lake", "shop", "customers")).isEqualTo("lake/shop_customers_");
        assertThat(keys.matcher("lake/shop_customers_1709622489123_0.parquet").matches())
                .isTrue();
        assertThat(keys.matcher("lake/shop_customers_1_12.jsonl").matches()).isTrue();
        assertThat(keys.matcher("lake/shop_customers_addresses_1709622489123_0.parquet")
                        .matches())
                .isFalse();
        assertThat(keys.matcher("lake/shop_customers_1709622489123_0.parquet.tmp")
                        .matches())
                .isFalse();
    }

    @Test
    void rejectsUnknownVariablesAndATemplateWithoutTheStreamName() {
        assertThatThrownBy(() -> S3PathTemplate.parse("${NAMESPACE}/${TABLE}/${YEAR}"))
                .hasMessageContaining("unknown variable(s) [${TABLE}]")
                .hasMessageContaining("${STREAM_NAME}");
        assertThatThrownBy(() -> S3PathTemplate.parse("${NAMESPACE}/${EPOCH}_"))
                .hasMessageContaining("has no ${STREAM_NAME}");
    }
}
