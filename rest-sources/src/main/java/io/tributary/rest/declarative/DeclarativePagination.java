package io.tributary.rest.declarative;

import io.tributary.rest.http.Pagination;
import io.tributary.rest.http.RequestParts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A manifest's {@code DefaultPaginator}: a pagination strategy ({@code PageIncrement},
 * {@code OffsetIncrement} or {@code CursorPagination} with Jinja {@code cursor_value} and
 * {@code stop_condition}) and where the token and the page size go ({@code RequestOption} into a
 * query parameter or a header, or {@code RequestPath}: the token is the next page's URL or path).
 */
final class DeclarativePagination implements Pagination {

    enum Strategy {
        PAGE,
        OFFSET,
        CURSOR
    }

    /** Where a value goes: a query parameter, a header, or (for the token) the request's URL. */
    record Option(String injectInto, String fieldName) {}

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";,]*)\"?", Pattern.CASE_INSENSITIVE);

    private final Strategy strategy;
    private final Long pageSize;
    private final long startFrom;
    private final boolean injectOnFirstRequest;
    private final Option tokenOption;
    private final Option sizeOption;
    private final Object cursorValue;
    private final Object stopCondition;
    private final String urlBase;
    private final Map<String, Object> variables;
    private final Interpolation interpolation;
    private final String place;

    DeclarativePagination(
            Strategy strategy,
            Long pageSize,
            long startFrom,
            boolean injectOnFirstRequest,
            Option tokenOption,
            Option sizeOption,
            Object cursorValue,
            Object stopCondition,
            String urlBase,
            Map<String, Object> variables,
            Interpolation interpolation,
            String place) {
        this.strategy = strategy;
        this.pageSize = pageSize;
        this.startFrom = startFrom;
        this.injectOnFirstRequest = injectOnFirstRequest;
        this.tokenOption = tokenOption;
        this.sizeOption = sizeOption;
        this.cursorValue = cursorValue;
        this.stopCondition = stopCondition;
        this.urlBase = urlBase;
        this.variables = variables;
        this.interpolation = interpolation;
        this.place = place;
    }

    @Override
    public String firstToken() {
        if (!injectOnFirstRequest || strategy == Strategy.CURSOR) {
            return null;
        }
        return Long.toString(strategy == Strategy.PAGE ? startFrom : 0);
    }

    @Override
    public void apply(String token, RequestParts request) {
        if (sizeOption != null && pageSize != null) {
            inject(sizeOption, pageSize.toString(), request);
        }
        if (token != null && tokenOption != null) {
            inject(tokenOption, token, request);
        }
    }

    private void inject(Option option, String value, RequestParts request) {
        switch (option.injectInto()) {
            case "request_parameter" -> request.param(option.fieldName(), value);
            case "header" -> request.header(option.fieldName(), value);
            case "path" ->
                request.replaceUrl(
                        value.startsWith("http://") || value.startsWith("https://")
                                ? value
                                : urlBase.replaceAll("/+$", "") + "/" + value.replaceAll("^/+", ""));
            default -> throw new IllegalStateException("checked at load time: " + option.injectInto());
        }
    }

    @Override
    public String next(String token, PageOutcome page) {
        return switch (strategy) {
            case PAGE -> {
                if (last(page)) {
                    yield null;
                }
                long current = token == null ? startFrom : Long.parseLong(token);
                yield Long.toString(current + 1);
            }
            case OFFSET -> {
                if (last(page)) {
                    yield null;
                }
                long current = token == null ? 0 : Long.parseLong(token);
                yield Long.toString(current + page.records());
            }
            case CURSOR -> {
                Map<String, Object> vars = new LinkedHashMap<>(variables);
                vars.put("response", Interpolation.plain(page.envelope()));
                vars.put("headers", headers(page.headers()));
                vars.put("last_record", Interpolation.plain(page.lastRecord()));
                vars.put("last_page_size", page.records());
                vars.put("next_page_token", token == null ? Map.of() : Map.of("next_page_token", token));
                if (stopCondition != null && interpolation.truthy(stopCondition, vars, place + ".stop_condition")) {
                    yield null;
                }
                if (pageSize != null && page.records() < pageSize) {
                    yield null;
                }
                Object value = interpolation.literal(cursorValue, vars, place + ".cursor_value");
                String text = value == null ? "" : String.valueOf(value);
                yield text.isEmpty() ? null : text;
            }
        };
    }

    private boolean last(PageOutcome page) {
        return page.records() == 0 || (pageSize != null && page.records() < pageSize);
    }

    @Override
    public boolean serverChosen() {
        return strategy == Strategy.CURSOR;
    }

    /** Response headers as templates read them: lower-case names, and {@code link} parsed by rel ({@code headers.link.next.url}). */
    static Map<String, Object> headers(Map<String, List<String>> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (!values.isEmpty()) {
                out.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0));
            }
        });
        Map<String, Object> links = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (name.equalsIgnoreCase("link")) {
                for (String value : values) {
                    Matcher m = LINK.matcher(value);
                    while (m.find()) {
                        Matcher rel = REL.matcher(m.group(2));
                        if (rel.find()) {
                            for (String r : rel.group(1).trim().split("\\s+")) {
                                links.put(r, Map.of("url", m.group(1).trim(), "rel", r));
                            }
                        }
                    }
                }
            }
        });
        out.put("link", links);
        return out;
    }
}
