package io.tributary.server.logging;

import io.tributary.connector.config.ConfigSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value the service holds (passwords, tokens, client secrets), so that any text on
 * its way to a log line or an attempt log has them replaced by {@link ConfigSpec#MASK}, even when
 * a driver or connector puts one in an error message.
 */
public final class SecretMasker {

    /** Shorter values are too likely to appear by chance (and too weak to be real secrets). */
    private static final int MIN_LENGTH = 4;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private SecretMasker() {}

    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH && !ConfigSpec.MASK.equals(secret) && SECRETS.add(secret)) {
            longestFirst = SECRETS.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        }
    }

    /** Registers the values of a connector configuration's secret fields (nested maps included). */
    public static void registerSecrets(ConfigSpec spec, Map<String, ?> configuration) {
        configuration.forEach((key, value) -> {
            if (spec.isSecret(key) && value != null) {
                register(String.valueOf(value));
            }
        });
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : longestFirst) {
            if (out.contains(secret)) {
                out = out.replace(secret, ConfigSpec.MASK);
            }
        }
        return out;
    }
}
