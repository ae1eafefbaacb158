package io.tributary.rest.http;

import io.tributary.connector.config.ConfigSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values of one source (tokens, keys, passwords, and access tokens obtained while
 * running), and the masking of them in any text: messages, logged URLs, response snippets. A URL's
 * query parameters whose names say they are credentials are masked too, whatever their value.
 */
public final class Secrets {

    /** Values shorter than this are not masked: masking "1" would garble every message. */
    private static final int MIN_LENGTH = 4;

    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&](?:[^=&#]*(?:key|token|secret|password|passwd|signature|sig|auth)[^=&#]*)=)([^&#]*)",
            Pattern.CASE_INSENSITIVE);

    private final List<String> values = new CopyOnWriteArrayList<>();

    /** Adds a secret value (and its URL-encoded form) to mask from now on. */
    public Secrets add(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return this;
        }
        Set<String> forms = new LinkedHashSet<>(values);
        forms.add(value);
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        List<String> sorted = forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        values.clear();
        values.addAll(sorted);
        return this;
    }

    /** {@code text} with every secret replaced by {@link ConfigSpec#MASK}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, ConfigSpec.MASK);
        }
        return masked;
    }

    /** A URL for messages: secrets masked, and credential-like query parameters masked by name. */
    public String maskUrl(String url) {
        Matcher m = SECRET_PARAM.matcher(mask(url));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ConfigSpec.MASK));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a setting named so holds a credential, e.g. {@code client_secret} or {@code api_key}. */
    public static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("_url") || n.endsWith("_uri") || n.equals("type")) {
            return false; // token_url: where a secret is obtained, not a secret
        }
        return n.contains("token")
                || n.contains("secret")
                || n.contains("password")
                || n.contains("api_key")
                || n.contains("apikey")
                || n.equals("key")
                || n.endsWith("_key");
    }
}
