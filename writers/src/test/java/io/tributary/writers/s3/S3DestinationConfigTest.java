package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.registry.ConnectorRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3DestinationConfigTest {

    private final S3Destination destination = new S3Destination();

    private S3DestinationConfig config(Map<String, Object> raw) {
        return S3DestinationConfig.from(destination.spec().validate(raw, "destinations.lake.config"));
    }

    @Test
    void appliesAirbytesDefaultsAndPathStyleWithAnEndpoint() {
        S3DestinationConfig config = config(Map.of(
                "s3_bucket_name",
                "lake",
                "s3_endpoint",
                "http://localhost:9000",
                "access_key_id",
                "minio",
                "secret_access_key",
                "minio123",
                "s3_bucket_path",
                "/raw/"));

        assertThat(config.pathStyle()).isTrue();
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.bucketPath()).isEqualTo("raw");
        assertThat(config.pathTemplate()).hasToString("${NAMESPACE}/${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_");
        assertThat(config.format().extension()).isEqualTo("parquet");
        assertThat(config.fileSizeBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(config.partSizeBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(config.checksumsWhenRequired()).isTrue();
        assertThat(config.toString()).doesNotContain("minio123");
    }

    @Test
    void choosesTheMultipartPartSizeFromTheTargetFileSize() {
        assertThat(config(Map.of("s3_bucket_name", "lake", "file_size_mb", 6)).partSizeBytes())
                .isEqualTo(5L * 1024 * 1024);
        assertThat(config(Map.of("s3_bucket_name", "lake", "file_size_mb", 333)).partSizeBytes())
                .isEqualTo(34L * 1024 * 1024);
        assertThat(config(Map.of("s3_bucket_name", "lake", "file_size_mb", 5120))
                        .partSizeBytes())
                .isEqualTo(64L * 1024 * 1024);
        assertThat(config(Map.of("s3_bucket_name", "lake")).pathStyle()).isFalse();
    }

    @Test
    void reportsEveryProblemNamingTheField() {
        assertThatThrownBy(() -> config(Map.of(
                        "s3_bucket_name",
                        "Bad_Bucket",
                        "s3_endpoint",
                        "localhost:9000",
                        "access_key_id",
                        "only-the-id",
                        "s3_path_format",
                        "${NAMESPACE}/${TABLE}/")))
                .isInstanceOf(ConfigException.class)
                .satisfies(
                        e -> assertThat(((ConfigException) e).problems())
                                .containsExactlyInAnyOrder(
                                        "s3_endpoint: 'localhost:9000' is not an http(s) URL; write e.g. http://localhost:9000",
                                        "secret_access_key: required with access_key_id",
                                        "s3_path_format: unknown variable(s) [${TABLE}] in '${NAMESPACE}/${TABLE}/'; known are "
                                                + "[${NAMESPACE}, ${STREAM_NAME}, ${YEAR}, ${MONTH}, ${DAY}, ${HOUR}, ${MINUTE}, ${SECOND}, "
                                                + "${MILLISECOND}, ${EPOCH}, ${UUID}]",
                                        "s3_bucket_name: 'Bad_Bucket' is not a valid bucket name (3-63 lower-case letters, digits, '.' or '-')"));
    }

    @Test
    void masksTheSecretsInTheSpecAndInOutput() {
        var spec = destination.spec();
        assertThat(spec.toJsonSchema()
                        .get("properties")
                        .get("secret_access_key")
                        .get("airbyte_secret")
                        .asBoolean())
                .isTrue();
        assertThat(spec.toJsonSchema()
                        .get("properties")
                        .get("session_token")
                        .get("airbyte_secret")
                        .asBoolean())
                .isTrue();
        assertThat(spec.validate(
                                Map.of("s3_bucket_name", "lake", "access_key_id", "a", "secret_access_key", "s3cr3t"),
                                "x")
                        .toString())
                .doesNotContain("s3cr3t");
    }

    @Test
    void isFoundByTypeThroughTheServiceLoader() {
        assertThat(ConnectorRegistry.load().destination("s3")).isInstanceOf(S3Destination.class);
    }
}
