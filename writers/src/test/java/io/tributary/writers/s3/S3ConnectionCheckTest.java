package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tributary.connector.source.CheckResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class S3ConnectionCheckTest {

    private final S3Destination destination = new S3Destination();

    private S3DestinationConfig config(String endpoint) {
        return S3DestinationConfig.from(destination
                .spec()
                .validate(
                        Map.of(
                                "s3_bucket_name",
                                "lake",
                                "s3_endpoint",
                                endpoint,
                                "access_key_id",
                                "key",
                                "secret_access_key",
                                "secret"),
                        "destinations.lake.config"));
    }

    @Test
    void anEndpointThatIsNotAnS3ServerIsCalledAWrongEndpoint() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html>console</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            String endpoint = "http://127.0.0.1:" + web.getAddress().getPort();
            CheckResult result = new S3ConnectionCheck(config(endpoint)).run();

            assertThat(result.succeeded()).isFalse();
            assertThat(result.message())
                    .startsWith("wrong endpoint: " + endpoint + " answered HTTP 404 without an S3 error")
                    .contains("s3_endpoint");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void missingDefaultCredentialsAreNotMistakenForAnUnreachableEndpoint() {
        String message = new S3ConnectionCheck(config("http://127.0.0.1:9000"))
                .unreachable(
                        SdkClientException.create(
                                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain"));

        assertThat(message).startsWith("no credentials:").contains("set access_key_id and secret_access_key");
    }
}
