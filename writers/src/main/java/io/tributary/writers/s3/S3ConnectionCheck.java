package io.tributary.writers.s3;

import io.tributary.connector.source.CheckResult;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 destination's {@code check}: lists the bucket, writes a small object, starts and aborts a
 * multipart upload, deletes the object; and says which of wrong endpoint, wrong credentials,
 * missing bucket or missing write permission is the problem.
 */
final class S3ConnectionCheck {

    private final S3DestinationConfig config;

    S3ConnectionCheck(S3DestinationConfig config) {
        this.config = config;
    }

    CheckResult run() {
        String prefix = config.bucketPath().isEmpty() ? "" : config.bucketPath() + "/";
        String probe = prefix + ".tributary-check-" + UUID.randomUUID();
        try (S3Client client = config.newCheckClient()) {
            String step = "list";
            try {
                client.listObjectsV2(
                        b -> b.bucket(config.bucket()).prefix(prefix).maxKeys(1));
                step = "write";
                client.putObject(b -> b.bucket(config.bucket()).key(probe), RequestBody.fromString("tributary check"));
                step = "multipart";
                String upload = client.createMultipartUpload(
                                b -> b.bucket(config.bucket()).key(probe + ".mpu"))
                        .uploadId();
                client.abortMultipartUpload(
                        b -> b.bucket(config.bucket()).key(probe + ".mpu").uploadId(upload));
                step = "delete";
                client.deleteObject(b -> b.bucket(config.bucket()).key(probe));
                return CheckResult.success("wrote, listed and deleted a test object in " + config.location());
            } catch (S3Exception e) {
                return CheckResult.failure(explain(step, e));
            } catch (SdkClientException e) {
                return CheckResult.failure(unreachable(e));
            }
        } catch (SdkException e) {
            return CheckResult.failure("cannot use " + config.location() + ": " + e.getMessage());
        }
    }

    private String explain(String step, S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        String where = config.location();
        if ("InvalidAccessKeyId".equals(code)) {
            return "wrong credentials: the server at " + endpointText() + " does not know access key id '"
                    + config.accessKeyId().orElse("(default chain)") + "'; check access_key_id";
        }
        if ("SignatureDoesNotMatch".equals(code)) {
            return "wrong credentials: secret_access_key does not match access_key_id '"
                    + config.accessKeyId().orElse("(default chain)") + "'; check secret_access_key";
        }
        if ("ExpiredToken".equals(code) || "InvalidToken".equals(code)) {
            return "wrong credentials: the session token is expired or invalid (" + code + "); renew session_token";
        }
        if (code == null && step.equals("list") && status != 403) {
            return "wrong endpoint: " + endpointText() + " answered HTTP " + status
                    + " without an S3 error; check that "
                    + "s3_endpoint points at the S3 API (MinIO's API port is 9000, not the console's 9001)";
        }
        if ("NoSuchBucket".equals(code)) {
            return "missing bucket: bucket '" + config.bucket() + "' does not exist at " + endpointText()
                    + "; create it or fix s3_bucket_name";
        }
        if ("PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code) || status == 301) {
            return "bucket '" + config.bucket() + "' is in another region than s3_bucket_region '" + config.region()
                    + "' (" + code + "); set s3_bucket_region to the bucket's region";
        }
        if (step.equals("list") && (status == 403 || "AccessDenied".equals(code))) {
            return "no permission to list " + where + " (" + describe(code, status)
                    + "); grant s3:ListBucket on the bucket";
        }
        if (!step.equals("list") && (status == 403 || status == 405 || status == 501 || "AccessDenied".equals(code))) {
            return "no write permission: " + step + " in " + where + " was refused (" + describe(code, status)
                    + "); grant s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload and s3:ListBucketMultipartUploads "
                    + "on the bucket (the credentials may only read it)";
        }
        return "S3 refused to " + step + " in " + where + " (" + describe(code, status) + "): " + e.getMessage();
    }

    String unreachable(SdkClientException e) {
        if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
            return "no credentials: access_key_id is empty and the default AWS credential chain (environment, "
                    + "profile, instance role) found none; set access_key_id and secret_access_key";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = cause instanceof UnknownHostException
                ? "unknown host"
                : cause instanceof ConnectException
                        ? "connection refused"
                        : cause instanceof HttpTimeoutException || cause instanceof java.net.SocketTimeoutException
                                ? "timed out"
                                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return "wrong endpoint: cannot reach the S3 server at " + endpointText() + " (" + reason
                + "); check s3_endpoint (scheme, host and port) and that the server runs";
    }

    private String endpointText() {
        return config.endpoint().map(Object::toString).orElse("AWS S3 (" + config.region() + ")");
    }

    private static String describe(String code, int status) {
        return (code == null ? "" : code + ", ") + "HTTP " + status;
    }
}
