package io.tributary.rest.http;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Some of the Airbyte CDK's Jinja macros and filters, as text: {@code today_utc()} ({@code 2024-05-01}),
 * {@code now_utc()} and {@code day_delta(n)} (ISO-8601 date-times in UTC, as the CDK formats them),
 * and the filters {@code base64encode}, {@code base64decode} and {@code hash} (md5 hex, or the
 * algorithm given). Python's datetime methods on their results ({@code .strftime}) are not there yet.
 */
public final class CdkMacros {

    private static final DateTimeFormatter DAY_DELTA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx");

    private CdkMacros() {}

    static void register(Jinjava jinjava) {
        var context = jinjava.getGlobalContext();
        context.registerFunction(new ELFunctionDefinition("", "today_utc", CdkMacros.class, "todayUtc"));
        context.registerFunction(new ELFunctionDefinition("", "now_utc", CdkMacros.class, "nowUtc"));
        context.registerFunction(new ELFunctionDefinition("", "day_delta", CdkMacros.class, "dayDelta", long.class));
        context.registerFilter(filter(
                "base64encode",
                (value, args) -> Base64.getEncoder().encodeToString(text(value).getBytes(StandardCharsets.UTF_8))));
        context.registerFilter(filter(
                "base64decode",
                (value, args) -> new String(Base64.getDecoder().decode(text(value)), StandardCharsets.UTF_8)));
        context.registerFilter(filter("hash", (value, args) -> hash(text(value), args.length > 0 ? args[0] : "md5")));
    }

    public static String todayUtc() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    public static String nowUtc() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DAY_DELTA);
    }

    public static String dayDelta(long days) {
        return ZonedDateTime.now(ZoneOffset.UTC).plusDays(days).format(DAY_DELTA);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String hash(String value, String algorithm) {
        try {
            String name = switch (algorithm.toLowerCase(java.util.Locale.ROOT)) {
                case "sha1" -> "SHA-1";
                case "sha256" -> "SHA-256";
                case "sha512" -> "SHA-512";
                default -> "MD5";
            };
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(name).digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Body {
        Object apply(Object value, String[] args);
    }

    private static Filter filter(String name, Body body) {
        return new Filter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return body.apply(var, args);
            }
        };
    }
}
