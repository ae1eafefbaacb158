package io.tributary.writers.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object key template of the S3 destination ({@code s3_path_format}), Airbyte's variables and
 * conventions: {@code ${NAMESPACE}}, {@code ${STREAM_NAME}}, {@code ${YEAR}}, {@code ${MONTH}},
 * {@code ${DAY}}, {@code ${HOUR}}, {@code ${MINUTE}}, {@code ${SECOND}}, {@code ${MILLISECOND}},
 * {@code ${EPOCH}} (milliseconds), {@code ${UUID}}; repeated {@code /} collapse. A file's key is
 * {@code <s3_bucket_path>/<resolved template><part>.<ext>}. Time variables take the sync's start
 * time (UTC), so keys stay the same when a sync restarts.
 */
final class S3PathTemplate {

    static final List<String> VARIABLES = List.of(
            "NAMESPACE",
            "STREAM_NAME",
            "YEAR",
            "MONTH",
            "DAY",
            "HOUR",
            "MINUTE",
            "SECOND",
            "MILLISECOND",
            "EPOCH",
            "UUID");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Map<String, String> PATTERNS = Map.of(
            "YEAR",
            "\\d{4}",
            "MONTH",
            "\\d{2}",
            "DAY",
            "\\d{2}",
            "HOUR",
            "\\d{2}",
            "MINUTE",
            "\\d{2}",
            "SECOND",
            "\\d{2}",
            "MILLISECOND",
            "\\d{3}",
            "EPOCH",
            "\\d+",
            "UUID",
            "[0-9a-f\\-]{36}");
    private static final char MARK = '\u0000';

    private final String template;

    private S3PathTemplate(String template) {
        this.template = template;
    }

    /** Checks the variables: only known ones, and {@code ${STREAM_NAME}} so tables never share files. */
    static S3PathTemplate parse(String template) {
        Matcher m = VARIABLE.matcher(template);
        List<String> unknown = new ArrayList<>();
        boolean stream = false;
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                unknown.add("${" + m.group(1) + "}");
            }
            stream |= m.group(1).equals("STREAM_NAME");
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown variable(s) " + unknown + " in '" + template + "'; known are "
                    + VARIABLES.stream().map(v -> "${" + v + "}").toList());
        }
        if (!stream) {
            throw new IllegalArgumentException("'" + template + "' has no ${STREAM_NAME}: every stream and child table "
                    + "needs its own files; e.g. " + S3DestinationConfig.DEFAULT_PATH_FORMAT);
        }
        return new S3PathTemplate(template);
    }

    /** The key prefix of a table's files (everything but {@code <part>.<ext>}). */
    String resolve(String bucketPath, String namespace, String table, Instant syncStart, String uuid) {
        ZonedDateTime t = syncStart.atZone(ZoneOffset.UTC);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("YEAR", "%04d".formatted(t.getYear()));
        values.put("MONTH", "%02d".formatted(t.getMonthValue()));
        values.put("DAY", "%02d".formatted(t.getDayOfMonth()));
        values.put("HOUR", "%02d".formatted(t.getHour()));
        values.put("MINUTE", "%02d".formatted(t.getMinute()));
        values.put("SECOND", "%02d".formatted(t.getSecond()));
        values.put("MILLISECOND", "%03d".formatted(t.getNano() / 1_000_000));
        values.put("EPOCH", Long.toString(syncStart.toEpochMilli()));
        values.put("UUID", uuid);
        return withTableNames(bucketPath, namespace, table, values::get);
    }

    /** The literal start of every key of a table's files, for listing. */
    String listingPrefix(String bucketPath, String namespace, String table) {
        String marked = withTableNames(bucketPath, namespace, table, v -> MARK + v + MARK);
        int mark = marked.indexOf(MARK);
        return mark < 0 ? marked : marked.substring(0, mark);
    }

    /** Matches the key of any file of this table this template produces, in any sync; group 1 is the part. */
    Pattern fileKeys(String bucketPath, String namespace, String table) {
        String marked = withTableNames(bucketPath, namespace, table, v -> MARK + v + MARK);
        StringBuilder regex = new StringBuilder();
        String[] pieces = marked.split(String.valueOf(MARK), -1);
        for (int i = 0; i < pieces.length; i++) {
            regex.append(i % 2 == 0 ? Pattern.quote(pieces[i]) : PATTERNS.get(pieces[i]));
        }
        return Pattern.compile(regex + "(\\d+)\\.(?:jsonl|parquet)");
    }

    private String withTableNames(
            String bucketPath, String namespace, String table, java.util.function.Function<String, String> others) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "NAMESPACE" -> namespace == null ? "" : namespace;
                case "STREAM_NAME" -> table;
                default -> others.apply(name);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String path = (bucketPath.isEmpty() ? "" : bucketPath + "/") + out;
        return path.replaceAll("/{2,}", "/").replaceAll("^/+", "");
    }

    @Override
    public String toString() {
        return template;
    }
}
