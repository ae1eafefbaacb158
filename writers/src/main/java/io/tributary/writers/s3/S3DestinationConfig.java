package io.tributary.writers.s3;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.writers.format.FileFormat;
import io.tributary.writers.format.FileFormatOptions;
import io.tributary.writers.parquet.ParquetOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 destination's validated settings, with Airbyte's field names where Airbyte has one.
 *
 * @param endpoint the endpoint override (MinIO, s3proxy...), empty for AWS
 * @param pathStyle path-style requests ({@code http://host/bucket/key}); on by default with an endpoint
 * @param bucketPath prefix of every object key, without leading or trailing {@code /}
 * @param fileSizeBytes a file is closed and a new one started once it holds at least this much
 * @param checksumsWhenRequired send and check CRC checksums only when an operation requires them:
 *     S3-compatible servers such as s3proxy reject the SDK's default aws-chunked checksum trailers
 */
public record S3DestinationConfig(
        Optional<URI> endpoint,
        boolean pathStyle,
        String region,
        String bucket,
        Optional<String> accessKeyId,
        Optional<String> secretAccessKey,
        Optional<String> sessionToken,
        String bucketPath,
        S3PathTemplate pathTemplate,
        FileFormatOptions format,
        long fileSizeBytes,
        boolean checksumsWhenRequired) {

    static final String DEFAULT_PATH_FORMAT = "${NAMESPACE}/${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_";
    private static final long MB = 1024L * 1024;

    /** When the AWS SDK adds CRC checksums to requests. */
    enum ChecksumMode implements ConfigField.Choice {
        WHEN_REQUIRED,
        WHEN_SUPPORTED;

        @Override
        public String settingValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final ConfigField<String> S3_ENDPOINT = ConfigField.string("s3_endpoint")
            .describe(
                    "Endpoint override for S3-compatible servers, e.g. http://localhost:9000 for MinIO; empty for AWS");
    static final ConfigField<Boolean> S3_PATH_STYLE_ACCESS = ConfigField.bool("s3_path_style_access")
            .describe("Path-style requests (needed by MinIO and most S3-compatible servers); "
                    + "default: on when s3_endpoint is set, off otherwise");
    static final ConfigField<String> S3_BUCKET_REGION =
            ConfigField.string("s3_bucket_region").defaultsTo("us-east-1").describe("Region of the bucket");
    static final ConfigField<String> S3_BUCKET_NAME =
            ConfigField.string("s3_bucket_name").required().describe("Bucket the files are written to");
    static final ConfigField<String> ACCESS_KEY_ID = ConfigField.string("access_key_id")
            .describe("Access key id; leave empty to use the default AWS credential chain");
    static final ConfigField<String> SECRET_ACCESS_KEY =
            ConfigField.string("secret_access_key").secret().describe("Secret access key of access_key_id");
    static final ConfigField<String> SESSION_TOKEN =
            ConfigField.string("session_token").secret().describe("Session token for temporary credentials");
    static final ConfigField<String> S3_BUCKET_PATH = ConfigField.string("s3_bucket_path")
            .defaultsTo("")
            .describe("Prefix of every object key (a folder in the bucket)");
    static final ConfigField<String> S3_PATH_FORMAT = ConfigField.string("s3_path_format")
            .defaultsTo(DEFAULT_PATH_FORMAT)
            .describe("Object key template below s3_bucket_path; file names end in <part>.<ext>. Variables: "
                    + String.join(
                            ", ",
                            S3PathTemplate.VARIABLES.stream()
                                    .map(v -> "${" + v + "}")
                                    .toList()));
    static final ConfigField<FileFormat> FORMAT = FileFormatOptions.formatField(FileFormat.PARQUET);
    static final ConfigField<ChecksumMode> CHECKSUM_MODE = ConfigField.choice("checksum_mode", ChecksumMode.class)
            .defaultsTo(ChecksumMode.WHEN_REQUIRED)
            .describe("CRC checksums of the AWS SDK: when_required works with MinIO, s3proxy and AWS; "
                    + "when_supported adds them to every request (AWS and MinIO only)");

    static final ConfigSpec SPEC;

    static {
        List<ConfigField<?>> fields = new ArrayList<>(List.of(
                S3_ENDPOINT,
                S3_PATH_STYLE_ACCESS,
                S3_BUCKET_REGION,
                S3_BUCKET_NAME,
                ACCESS_KEY_ID,
                SECRET_ACCESS_KEY,
                SESSION_TOKEN,
                S3_BUCKET_PATH,
                S3_PATH_FORMAT,
                FORMAT,
                FileFormatOptions.FILE_SIZE_MB,
                CHECKSUM_MODE));
        fields.addAll(ParquetOptions.CONFIG_FIELDS);
        SPEC = ConfigSpec.of("S3 / MinIO", fields.toArray(ConfigField<?>[]::new));
    }

    /** Reads a configuration validated against {@link #SPEC}; cross-field problems name the fields. */
    public static S3DestinationConfig from(ConnectorConfig config) {
        List<String> problems = new ArrayList<>();
        Optional<URI> endpoint = S3_ENDPOINT.optional(config).map(s -> {
            try {
                URI uri = new URI(s.trim());
                if (uri.getScheme() == null
                        || uri.getHost() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    problems.add("s3_endpoint: '" + s + "' is not an http(s) URL; write e.g. http://localhost:9000");
                }
                return uri;
            } catch (URISyntaxException e) {
                problems.add("s3_endpoint: '" + s + "' is not a URL (" + e.getMessage()
                        + "); write e.g. http://localhost:9000");
                return null;
            }
        });
        Optional<String> keyId = ACCESS_KEY_ID.optional(config);
        Optional<String> secret = SECRET_ACCESS_KEY.optional(config);
        if (keyId.isPresent() != secret.isPresent()) {
            problems.add(
                    keyId.isPresent()
                            ? "secret_access_key: required with access_key_id"
                            : "access_key_id: required with secret_access_key (or remove both to use the default credential chain)");
        }
        S3PathTemplate template = null;
        try {
            template = S3PathTemplate.parse(S3_PATH_FORMAT.get(config));
        } catch (IllegalArgumentException e) {
            problems.add("s3_path_format: " + e.getMessage());
        }
        String bucket = S3_BUCKET_NAME.get(config).trim();
        if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
            problems.add("s3_bucket_name: '" + bucket
                    + "' is not a valid bucket name (3-63 lower-case letters, digits, '.' or '-')");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        boolean pathStyle = S3_PATH_STYLE_ACCESS.optional(config).orElse(endpoint.isPresent());
        String bucketPath =
                S3_BUCKET_PATH.get(config).trim().replaceAll("^/+|/+$", "").replaceAll("/{2,}", "/");
        return new S3DestinationConfig(
                endpoint,
                pathStyle,
                S3_BUCKET_REGION.get(config).trim(),
                bucket,
                keyId,
                secret,
                SESSION_TOKEN.optional(config),
                bucketPath,
                template,
                FileFormatOptions.from(config, FORMAT),
                FileFormatOptions.FILE_SIZE_MB.get(config) * MB,
                CHECKSUM_MODE.get(config) == ChecksumMode.WHEN_REQUIRED);
    }

    /** Where the destination writes, for messages: {@code s3://bucket/prefix at endpoint}. */
    public String location() {
        return "s3://" + bucket + (bucketPath.isEmpty() ? "" : "/" + bucketPath)
                + endpoint.map(e -> " at " + e).orElse("");
    }

    /**
     * Part size of multipart uploads, from the target file size: about ten parts per file, at least
     * S3's 5 MiB, at most 64 MiB (a retried part costs little), so a file stays far below 10,000 parts.
     */
    long partSizeBytes() {
        long tenth = (fileSizeBytes / 10 + MB - 1) / MB * MB;
        return Math.min(64 * MB, Math.max(5 * MB, tenth));
    }

    /** A client for loading: the SDK's retries (standard mode) on. */
    S3Client newClient() {
        return builder().build();
    }

    /** A client for {@code check}: one attempt and short timeouts, so a wrong endpoint answers within seconds. */
    S3Client newCheckClient() {
        return builder()
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))
                        .apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .apiCallTimeout(Duration.ofSeconds(20)))
                .build();
    }

    private S3ClientBuilder builder() {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials());
        endpoint.ifPresent(builder::endpointOverride);
        if (checksumsWhenRequired) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        if (accessKeyId.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(sessionToken
                .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                        t -> AwsSessionCredentials.create(accessKeyId.get(), secretAccessKey.orElseThrow(), t))
                .orElseGet(() -> AwsBasicCredentials.create(accessKeyId.get(), secretAccessKey.orElseThrow())));
    }

    @Override
    public String toString() {
        // Never print secrets.
        return "S3DestinationConfig[" + location() + ", format=" + format.format() + "]";
    }
}
