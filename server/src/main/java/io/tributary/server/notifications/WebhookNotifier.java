package io.tributary.server.notifications;

import io.tributary.server.jobs.JobEvents;
import io.tributary.server.jobs.JobView;
import io.tributary.server.logging.SecretMasker;
import io.tributary.server.store.ConnectionRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts {@code {"text": ...}} to a Slack-compatible webhook when a job fails, optionally when it
 * succeeds, and when a connection is disabled. Sent in the background and retried with backoff; a
 * webhook that keeps failing is logged and never affects a sync.
 */
public class WebhookNotifier implements JobEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationSettings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tributary-webhook");
        t.setDaemon(true);
        return t;
    });

    public WebhookNotifier(NotificationSettings settings) {
        this.settings = settings;
    }

    @Override
    public void jobEnded(ConnectionRecord connection, JobView job, String failure) {
        String status = job.job().status();
        if ("failed".equals(status) && settings.onFailure()) {
            send(String.format(
                    Locale.ROOT,
                    "Tributary: sync of connection %s (%s) failed, job %d after %d attempt(s): %s",
                    connection.name(),
                    connection.id(),
                    job.job().id(),
                    job.attempts().size(),
                    failure == null ? "unknown cause" : failure));
        } else if ("succeeded".equals(status) && settings.onSuccess()) {
            send(String.format(
                    Locale.ROOT,
                    "Tributary: sync of connection %s (%s) succeeded, job %d: %,d records, %,d bytes",
                    connection.name(),
                    connection.id(),
                    job.job().id(),
                    job.records(),
                    job.bytes()));
        }
    }

    @Override
    public void connectionDisabled(ConnectionRecord connection, int failures) {
        if (settings.onDisabled()) {
            send(String.format(
                    Locale.ROOT,
                    "Tributary: connection %s (%s) was disabled after %d failed jobs in a row; "
                            + "fix the cause and set its status to active to schedule it again",
                    connection.name(),
                    connection.id(),
                    failures));
        }
    }

    /** Queues one message. */
    public void send(String text) {
        if (!settings.configured()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("text", SecretMasker.mask(text));
        String json = JSON.writeValueAsString(body);
        sender.execute(() -> deliver(json));
    }

    private void deliver(String json) {
        Duration wait = settings.backoff();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                log.warn("Webhook answered {} (attempt {} of {})", response.statusCode(), attempt, settings.attempts());
            } catch (java.io.IOException | IllegalArgumentException e) {
                log.warn(
                        "Webhook could not be reached (attempt {} of {}): {}",
                        attempt,
                        settings.attempts(),
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2);
        }
        log.error("Webhook notification dropped after {} attempts", settings.attempts());
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
