package io.tributary.server.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Slack-compatible webhook ({@code tributary.notifications.*}): where, on which events, and how
 * hard to retry. No URL, no notifications.
 */
@ConfigurationProperties("tributary.notifications")
public record NotificationSettings(
        String webhookUrl,
        Boolean onFailure,
        Boolean onSuccess,
        Boolean onDisabled,
        Integer attempts,
        Duration backoff) {

    public NotificationSettings {
        onFailure = onFailure == null || onFailure;
        onSuccess = onSuccess != null && onSuccess;
        onDisabled = onDisabled == null || onDisabled;
        attempts = attempts == null ? 4 : Math.max(1, attempts);
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
    }

    public boolean configured() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }
}
