package io.tributary.rest.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests: timeouts, authentication, retries with backoff on 429, 5xx and network errors
 * (honouring {@code Retry-After}, in seconds or as an HTTP date), one new credential after a 401.
 * The body of a successful answer is handed over unread, so a page of any size streams.
 * Every URL in a message or log line is masked by the source's {@link Secrets}.
 */
public final class ApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);
    private static final int SNIPPET = 300;

    /** How the client waits between attempts; tests and the reader use the real clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Secrets secrets;
    private final Sleeper sleeper;

    public ApiClient(Duration connectTimeout, Duration requestTimeout, RetryPolicy retry, Secrets secrets) {
        this(
                HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                requestTimeout,
                retry,
                secrets,
                d -> Thread.sleep(d.toMillis()));
    }

    ApiClient(HttpClient http, Duration requestTimeout, RetryPolicy retry, Secrets secrets, Sleeper sleeper) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.secrets = secrets;
        this.sleeper = sleeper;
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The source's retry policy. */
    public RetryPolicy retry() {
        return retry;
    }

    /**
     * Sends {@code request} with {@code auth}'s credentials until it succeeds or the retries are spent.
     *
     * @throws RestApiException with the method, the masked URL, the status and a snippet of the answer
     */
    public ApiResponse send(ApiRequest request, Authenticator auth) {
        return send(request, auth, retry);
    }

    /** Sends {@code request} retrying as {@code retry} says (a stream's own error handler) instead of the source's policy. */
    public ApiResponse send(ApiRequest request, Authenticator auth, RetryPolicy retry) {
        boolean refreshed = false;
        for (int attempt = 0; ; attempt++) {
            ApiRequest authenticated = auth.authenticate(request, this);
            String shown = request.method() + " " + secrets.maskUrl(authenticated.url());
            HttpResponse<InputStream> response;
            try {
                response = http.send(toHttp(authenticated), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                String cause = (e instanceof HttpTimeoutException
                        ? "no answer within " + requestTimeout.toSeconds() + " s"
                        : e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + secrets.mask(e.getMessage())));
                if (attempt < retry.maxRetries()) {
                    Duration wait = retry.backoff(attempt);
                    LOG.warn(
                            "{}: {}; retry {} of {} in {} ms",
                            shown,
                            cause,
                            attempt + 1,
                            retry.maxRetries(),
                            wait.toMillis());
                    pause(wait, shown);
                    continue;
                }
                throw new RestApiException(shown + ": " + cause + " (after " + (attempt + 1) + " attempts)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestApiException(shown + ": interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new ApiResponse(
                        status,
                        response.headers().map(),
                        new StallGuard(response.body(), requestTimeout),
                        secrets.maskUrl(authenticated.url()));
            }
            String snippet = snippet(response.body());
            if (status == 401 && !refreshed && auth.refreshAfterUnauthorized()) {
                refreshed = true;
                attempt--; // a new credential is not a retry of a failure
                continue;
            }
            if ((status == 429 || status >= 500) && attempt < retry.maxRetries()) {
                Duration wait = retryAfter(response).orElse(retry.backoff(attempt));
                if (wait.compareTo(retry.maxWait()) > 0) {
                    wait = retry.maxWait();
                }
                LOG.warn(
                        "{} answered HTTP {}; retry {} of {} in {} ms",
                        shown,
                        status,
                        attempt + 1,
                        retry.maxRetries(),
                        wait.toMillis());
                pause(wait, shown);
                continue;
            }
            throw new RestApiException(shown + " answered HTTP " + status + describe(status)
                    + (attempt > 0 ? " after " + (attempt + 1) + " attempts" : "")
                    + (snippet.isEmpty() ? "" : ": " + snippet));
        }
    }

    private HttpRequest toHttp(ApiRequest request) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(request.url())).timeout(requestTimeout);
        request.headers().forEach(builder::header);
        if (request.body() != null) {
            if (request.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(
                    request.method(), HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (request.headers().keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
            builder.header("Accept", "application/json");
        }
        return builder.build();
    }

    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notADate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private void pause(Duration wait, String shown) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestApiException(shown + ": interrupted while waiting to retry");
        }
    }

    /** The start of an error answer's body, masked, on one line: APIs explain their errors there. */
    private String snippet(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(SNIPPET);
            String text = new String(bytes, StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ")
                    .trim();
            return secrets.mask(text) + (bytes.length == SNIPPET ? "…" : "");
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> " (bad request: check the endpoint's params)";
            case 401 -> " (unauthorized: check the authentication settings)";
            case 403 -> " (forbidden: the credentials lack access to this endpoint)";
            case 404 -> " (not found: check url_base and the endpoint's path)";
            case 429 -> " (too many requests)";
            default -> status >= 500 ? " (server error)" : "";
        };
    }
}
