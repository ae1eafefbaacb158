package io.tributary.schedules;

import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.quartz.CronExpression;

/**
 * Turns the cron expressions people write into Quartz's: the 5-field Unix form the product
 * documents ({@code 0 *&#47;6 * * *}, {@code 0 2 * * 1-5}, {@code 0 0 1 * *}), macros such as
 * {@code @daily}, and Quartz's own 6 or 7 fields (Airbyte's syntax), which are checked and kept.
 *
 * <p>Unix numbers Sunday 0 (or 7) and Monday 1; Quartz numbers Sunday 1. Unix fires when either
 * day field matches if both are restricted, which Quartz cannot express: such an expression is
 * refused with the way out.
 */
public final class CronExpressions {

    private static final String FORMS =
            "; use 5 fields 'minute hour day-of-month month day-of-week' (e.g. '0 */6 * * *')"
                    + " or Quartz syntax with seconds (e.g. '0 0 */6 * * ?')";

    private static final Map<String, String> MACROS = Map.of(
            "@yearly",
            "0 0 1 1 *",
            "@annually",
            "0 0 1 1 *",
            "@monthly",
            "0 0 1 * *",
            "@weekly",
            "0 0 * * 0",
            "@daily",
            "0 0 * * *",
            "@midnight",
            "0 0 * * *",
            "@hourly",
            "0 * * * *");

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private CronExpressions() {}

    /**
     * The Quartz form of {@code expression}.
     *
     * @throws ScheduleException naming the field that is wrong and what is allowed
     */
    public static String toQuartz(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ScheduleException("cron expression is empty" + FORMS);
        }
        String trimmed = expression.trim();
        String unix = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
        if (trimmed.startsWith("@") && unix == null) {
            throw new ScheduleException(
                    "cron expression '" + trimmed + "': unknown macro; use one of " + new TreeSet<>(MACROS.keySet()));
        }
        String[] fields = (unix != null ? unix : trimmed).split("\\s+");
        String quartz = switch (fields.length) {
            case 5 -> fromUnix(trimmed, fields);
            case 6, 7 -> String.join(" ", fields);
            default ->
                throw new ScheduleException(
                        "cron expression '" + trimmed + "' has " + fields.length + " fields" + FORMS);
        };
        try {
            CronExpression cron = new CronExpression(quartz);
            if (cron.getNextValidTimeAfter(new Date()) == null) {
                throw new ScheduleException(
                        "cron expression '" + trimmed + "' never fires (no such date in the future)");
            }
        } catch (ParseException e) {
            throw new ScheduleException("cron expression '" + trimmed + "' is not valid: " + e.getMessage()
                    + (fields.length == 5
                            ? ""
                            : " (Quartz fields: second minute hour day-of-month month day-of-week [year];"
                                    + " one of the two day fields must be '?')"));
        } catch (UnsupportedOperationException e) {
            throw new ScheduleException("cron expression '" + trimmed + "' is not supported: " + e.getMessage());
        }
        return quartz;
    }

    private static String fromUnix(String expression, String[] f) {
        String minute = checked(expression, "minute", f[0], 0, 59, List.of());
        String hour = checked(expression, "hour", f[1], 0, 23, List.of());
        String dom = checked(expression, "day-of-month", f[2], 1, 31, List.of());
        String month = checked(expression, "month", f[3], 1, 12, MONTHS);
        TreeSet<Integer> days = expand(expression, "day-of-week", f[4], 0, 7, DAYS);
        boolean anyDay =
                f[4].equals("*") || days.size() == 7 && days.first() == 0 && days.last() == 6 || f[4].equals("?");
        boolean anyDate = f[2].equals("*") || f[2].equals("?");
        if (!anyDay && !anyDate) {
            throw new ScheduleException("cron expression '" + expression + "' restricts both day-of-month ('" + f[2]
                    + "') and day-of-week ('" + f[4]
                    + "'); Unix cron fires when either matches, which Quartz cannot express."
                    + " Set one of them to '*', or write Quartz syntax with '?' in one day field");
        }
        String dow =
                anyDay ? "?" : days.stream().map(d -> String.valueOf(d + 1)).collect(Collectors.joining(","));
        return "0 " + minute + " " + hour + " " + (anyDay ? dom : "?") + " " + month + " " + dow;
    }

    /** Checks a Unix field and returns it in Quartz spelling (same syntax for these fields). */
    private static String checked(String expression, String name, String field, int min, int max, List<String> names) {
        expand(expression, name, field, min, max, names);
        return field.toUpperCase(Locale.ROOT);
    }

    /** The values a Unix field selects; Sunday 7 becomes 0 in the day-of-week field. */
    private static TreeSet<Integer> expand(
            String expression, String name, String field, int min, int max, List<String> names) {
        TreeSet<Integer> values = new TreeSet<>();
        for (String part : field.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(expression, name, part.substring(slash + 1), 1, max, List.of(), part);
            }
            int from;
            int to;
            if (range.equals("*") || (range.equals("?") && (name.startsWith("day")))) {
                from = min;
                to = name.equals("day-of-week") ? 6 : max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw invalid(expression, name, field, "'" + part + "' is not a range like 1-5");
                }
                from = number(expression, name, ends[0], min, max, names, part);
                to = number(expression, name, ends[1], min, max, names, part);
                if (from > to) {
                    throw invalid(expression, name, field, "range '" + range + "' goes backwards");
                }
            } else {
                from = number(expression, name, range, min, max, names, part);
                to = slash >= 0 ? (name.equals("day-of-week") ? 6 : max) : from;
            }
            for (int v = from; v <= to; v += step) {
                values.add(name.equals("day-of-week") && v == 7 ? 0 : v);
            }
        }
        return values;
    }

    private static int number(
            String expression, String name, String text, int min, int max, List<String> names, String part) {
        String upper = text.toUpperCase(Locale.ROOT);
        int named = names.indexOf(upper);
        if (named >= 0) {
            return names == MONTHS ? named + 1 : named;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(
                    expression,
                    name,
                    part,
                    "'" + text + "' is not a number" + (names.isEmpty() ? "" : " or a name such as " + names.get(1)));
        }
        if (value < min || value > max) {
            throw invalid(expression, name, part, value + " is out of range " + min + "-" + max);
        }
        return value;
    }

    private static ScheduleException invalid(String expression, String name, String field, String problem) {
        return new ScheduleException(
                "cron expression '" + expression + "': " + name + " field '" + field + "': " + problem + FORMS);
    }
}
