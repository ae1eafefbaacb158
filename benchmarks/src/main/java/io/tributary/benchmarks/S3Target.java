package io.tributary.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 server and bucket the S3 case writes to (the suite starts s3proxy and makes the bucket),
 * and what the case needs to check its output: listing, downloading and deleting objects.
 */
record S3Target(String endpoint, String bucket, String accessKey, String secretKey) {

    /** One command-line argument: the four values joined by {@code |}. */
    String asArg() {
        return String.join("|", endpoint, bucket, accessKey, secretKey);
    }

    static S3Target fromArg(String arg) {
        String[] p = arg.split("\\|", -1);
        return new S3Target(p[0], p[1], p[2], p[3]);
    }

    /** The YAML of an S3 destination writing Parquet under {@code path} in the bucket. */
    String destinationYaml(String path) {
        return "{ type: s3, config: { s3_endpoint: \"" + endpoint + "\", s3_bucket_name: " + bucket
                + ", s3_bucket_path: " + path + ", access_key_id: " + accessKey + ", secret_access_key: \"" + secretKey
                + "\", format: parquet } }";
    }

    S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    /** Downloads every object under {@code prefix} into {@code dir}, keeping the key's path below the prefix. */
    void download(String prefix, Path dir) {
        try (S3Client s3 = client()) {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                    .contents()) {
                Path target = dir.resolve(o.key().substring(prefix.length()));
                Files.createDirectories(target.getParent());
                s3.getObject(b -> b.bucket(bucket).key(o.key()), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every object under {@code prefix}. */
    void delete(String prefix) {
        try (S3Client s3 = client()) {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                        .toList();
                if (!keys.isEmpty()) {
                    s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys)));
                }
            }
        }
    }
}
