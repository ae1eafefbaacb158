package io.tributary.rest.declarative;

import io.tributary.connector.config.ConfigException;
import io.tributary.rest.http.HttpStream;
import io.tributary.rest.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a manifest stream around its requests: its partitions ({@code ListPartitionRouter}),
 * its incremental cursor ({@code DatetimeBasedCursor}) and its error handler ({@code DefaultErrorHandler}).
 */
final class RetrieverParts {

    private final Interpolation interpolation;
    private final AuthenticatorCompiler.Options options;

    RetrieverParts(Interpolation interpolation, AuthenticatorCompiler.Options options) {
        this.interpolation = interpolation;
        this.options = options;
    }

    private static final java.util.regex.Pattern CONFIG_VALUE =
            java.util.regex.Pattern.compile("^\\{\\{\\s*config(?:\\[['\"](\\w+)['\"]\\]|\\.(\\w+))\\s*}}$");

    /**
     * A {@code ListPartitionRouter}'s partitions, one per value, each read with its own pages; its
     * {@code request_option} becomes a parameter or header templated on {@code stream_slice}.
     *
     * @return {@code null} when the stream is not partitioned
     */
    List<Map<String, Object>> partitions(
            Component retriever,
            Map<String, Object> variables,
            Map<String, String> params,
            Map<String, String> headers) {
        if (retriever.map().get("partition_router") instanceof List<?>) {
            throw new ConfigException("manifest: " + retriever.path("partition_router")
                    + ": a list of partition routers is not supported (yet)");
        }
        Component router = retriever.child("partition_router");
        if (router == null) {
            return null;
        }
        router.expect("", Set.of("ListPartitionRouter"));
        String field = interpolation.render(router.required("cursor_field"), variables, router.path("cursor_field"));
        Object values = router.map().get("values");
        List<Object> list;
        if (values instanceof List<?> l) {
            list = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                list.add(interpolation.render(l.get(i), variables, router.path("values") + "[" + i + "]"));
            }
        } else if (values instanceof String template
                && CONFIG_VALUE.matcher(template.trim()).matches()) {
            java.util.regex.Matcher m = CONFIG_VALUE.matcher(template.trim());
            m.matches();
            Object configured = ((Map<?, ?>) variables.get("config")).get(m.group(1) != null ? m.group(1) : m.group(2));
            if (configured instanceof List<?> l) {
                list = new ArrayList<>(l);
            } else if (configured instanceof String text) {
                list = new ArrayList<>(java.util.Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList());
            } else {
                throw new ConfigException(
                        "manifest: " + router.path("values") + ": " + template + " is not a list in the config");
            }
        } else {
            throw new ConfigException("manifest: " + router.path("values")
                    + ": expected a list, or a template naming a list in the config"
                    + " such as {{ config['repositories'] }}");
        }
        Component option = router.child("request_option");
        if (option != null) {
            DeclarativePagination.Option o = options.of(option, false, variables);
            String template = "{{ stream_slice['" + field + "'] }}";
            if (o.injectInto().equals("header")) {
                headers.put(o.fieldName(), template);
            } else {
                params.put(o.fieldName(), template);
            }
        }
        List<Map<String, Object>> slices = new ArrayList<>();
        for (Object value : list) {
            slices.add(Map.of(field, value == null ? "" : value));
        }
        return slices;
    }

    /**
     * A {@code DatetimeBasedCursor}, the part done so far: one interval from the state (or
     * {@code start_datetime}) to now, its start sent by {@code start_time_option} as a request
     * parameter and offered as {@code stream_interval.start_time}; the state is the highest
     * {@code cursor_field} value read, written in {@code datetime_format} as the records are.
     * Steps, end times, lookback windows and other formats for the cursor fail at load time.
     */
    HttpStream.Incremental incremental(Component cursor, Map<String, Object> variables) {
        if (cursor == null) {
            return null;
        }
        cursor.expect("DatetimeBasedCursor", Set.of("DatetimeBasedCursor"));
        cursor.unsupportedFields(
                "step",
                "cursor_granularity",
                "end_datetime",
                "end_time_option",
                "lookback_window",
                "partition_field_start",
                "partition_field_end",
                "is_data_feed",
                "is_client_side_incremental",
                "global_substream_cursor",
                "clamping",
                "is_compare_strictly");
        String field = interpolation.render(cursor.required("cursor_field"), variables, cursor.path("cursor_field"));
        Object start = cursor.map().get("start_datetime");
        if (start instanceof Map<?, ?>) {
            Component minMax = cursor.child("start_datetime");
            minMax.expect("MinMaxDatetime", Set.of("MinMaxDatetime"));
            minMax.unsupportedFields("min_datetime", "max_datetime");
            start = minMax.required("datetime");
        }
        if (start == null) {
            throw new ConfigException(cursor.where() + "DatetimeBasedCursor needs start_datetime");
        }
        String param = null;
        Component option = cursor.child("start_time_option");
        if (option != null) {
            DeclarativePagination.Option o = options.of(option, false, variables);
            if (!o.injectInto().equals("request_parameter")) {
                throw new ConfigException(
                        option.where() + "a start_time_option in a " + o.injectInto() + " is not supported (yet)");
            }
            param = o.fieldName();
        }
        return new HttpStream.Incremental(List.of(field), param, String.valueOf(start));
    }

    /**
     * A {@code DefaultErrorHandler} as a retry policy: 429 and 5xx are retried (the CDK's default mapping),
     * {@code max_retries} times, waiting as its backoff strategy says, or as {@code Retry-After} asks.
     */
    RetryPolicy errorHandler(Component handler, Map<String, Object> variables) {
        if (handler == null) {
            return null;
        }
        handler.expect("DefaultErrorHandler", Set.of("DefaultErrorHandler"));
        handler.unsupportedFields("response_filters");
        Object max = interpolation.literal(
                handler.map().getOrDefault("max_retries", 5), variables, handler.path("max_retries"));
        if (!(max instanceof Long retries) || retries < 0) {
            throw new ConfigException(
                    "manifest: " + handler.path("max_retries") + ": '" + max + "' is not a whole number");
        }
        // The CDK's default: an exponential backoff of 5 s * 2^attempt.
        Duration initial = Duration.ofSeconds(5);
        Duration maxBackoff = Duration.ofMinutes(10);
        Duration maxWait = Duration.ofMinutes(10);
        for (Component strategy : handler.children("backoff_strategies")) {
            String type = strategy.expect(
                    "", Set.of("ConstantBackoffStrategy", "ExponentialBackoffStrategy", "WaitTimeFromHeader"));
            switch (type) {
                case "ConstantBackoffStrategy" -> {
                    initial = seconds(strategy, "backoff_time_in_seconds", null, variables);
                    maxBackoff = initial;
                }
                case "ExponentialBackoffStrategy" -> initial = seconds(strategy, "factor", 5L, variables);
                default -> {
                    strategy.unsupportedFields("regex");
                    if (!"retry-after".equalsIgnoreCase(strategy.required("header"))) {
                        throw new ConfigException(strategy.where() + "WaitTimeFromHeader.header "
                                + strategy.string("header") + " is not supported (yet); only Retry-After");
                    }
                    if (strategy.map().get("max_waiting_time_in_seconds") != null) {
                        maxWait = seconds(strategy, "max_waiting_time_in_seconds", null, variables);
                    }
                }
            }
        }
        return new RetryPolicy(Math.toIntExact(retries), initial, maxBackoff, maxWait);
    }

    private Duration seconds(Component component, String key, Long fallback, Map<String, Object> variables) {
        Object value = component.map().get(key) == null
                ? fallback
                : interpolation.literal(component.map().get(key), variables, component.path(key));
        if (!(value instanceof Number n) || n.doubleValue() < 0) {
            throw new ConfigException(
                    "manifest: " + component.path(key) + ": '" + value + "' is not a number of seconds");
        }
        return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }
}
