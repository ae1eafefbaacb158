package io.tributary.rest.simple;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.rest.http.ApiClient;
import io.tributary.rest.http.Authenticator;
import io.tributary.rest.http.HttpStream;
import io.tributary.rest.http.OAuthClientCredentials;
import io.tributary.rest.http.Pagination;
import io.tributary.rest.http.RetryPolicy;
import io.tributary.rest.http.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code rest} source's settings, each declared once, and their translation into the HTTP
 * runtime's {@link HttpStream}s. Nested settings (authentication, pagination, endpoints) are checked
 * here with the same kind of messages as {@link ConfigSpec}'s: the place, then what to change.
 */
final class RestSettings {

    static final ConfigField<String> URL_BASE = ConfigField.string("url_base")
            .required()
            .describe("The API's base URL, e.g. https://api.example.com/v1; each endpoint's path is appended");
    static final ConfigField<Map<String, Object>> AUTHENTICATION = ConfigField.object("authentication")
            .secret()
            .describe(
                    "{type: bearer, token} | {type: api_key, api_key, header (default X-API-Key) or query_param, prefix}"
                            + " | {type: basic, username, password} | {type: oauth2, token_url, client_id, client_secret, scope, refresh_token}"
                            + " | {type: none}");
    static final ConfigField<List<Object>> ENDPOINTS = ConfigField.items("endpoints")
            .required()
            .describe(
                    "The streams: each {name, path, http_method (GET or POST), params, headers, body, record_path, pagination,"
                            + " primary_key, cursor_field, cursor_param, start_value, schema}; params, headers, body and path may hold"
                            + " templates such as {{ config['start_date'] }}");
    static final ConfigField<Map<String, Object>> PAGINATION = ConfigField.object("pagination")
            .describe(
                    "The default pagination of every endpoint: {type: none} | {type: page, page_param, start_page, page_size,"
                            + " page_size_param} | {type: offset, offset_param, limit_param, page_size} | {type: cursor, cursor_path,"
                            + " cursor_param} | {type: link}");
    static final ConfigField<String> RECORD_PATH = ConfigField.string("record_path")
            .describe("The default place of the records in a response, e.g. data.items; empty for the response itself");
    static final ConfigField<Map<String, Object>> HEADERS = ConfigField.object("headers")
            .describe("Headers sent with every request (templates allowed); credentials belong in authentication");
    static final ConfigField<String> START_DATE = ConfigField.string("start_date")
            .describe(
                    "Where incremental endpoints start on the first sync; templates read it as {{ config['start_date'] }}");
    static final ConfigField<Map<String, Object>> VARIABLES =
            ConfigField.object("variables").describe("More values for templates, read as {{ config['name'] }}");
    static final ConfigField<Long> REQUEST_TIMEOUT = ConfigField.integer("request_timeout_seconds")
            .defaultsTo(60)
            .between(1, 3600)
            .describe("How long to wait for the answer to a request (its status and headers)");
    static final ConfigField<Long> CONNECT_TIMEOUT = ConfigField.integer("connect_timeout_seconds")
            .defaultsTo(10)
            .between(1, 600)
            .describe("How long to wait for a connection");
    static final ConfigField<Long> MAX_RETRIES = ConfigField.integer("max_retries")
            .defaultsTo(5)
            .between(0, 50)
            .describe("Retries of a request answered 429 or 5xx or lost on the network");
    static final ConfigField<java.math.BigDecimal> RETRY_BACKOFF = ConfigField.number("retry_backoff_seconds")
            .defaultsTo("1")
            .describe(
                    "The first wait before a retry, doubled on each further retry (capped at 60 s) unless the server sends Retry-After");
    static final ConfigField<Long> MAX_RETRY_WAIT = ConfigField.integer("max_retry_wait_seconds")
            .defaultsTo(600)
            .between(0, 86_400)
            .describe("The longest wait a Retry-After header may ask for");

    static final ConfigSpec SPEC = ConfigSpec.of(
            "REST API source",
            URL_BASE,
            AUTHENTICATION,
            ENDPOINTS,
            PAGINATION,
            RECORD_PATH,
            HEADERS,
            START_DATE,
            VARIABLES,
            REQUEST_TIMEOUT,
            CONNECT_TIMEOUT,
            MAX_RETRIES,
            RETRY_BACKOFF,
            MAX_RETRY_WAIT);

    private static final Set<String> ENDPOINT_KEYS = Set.of(
            "name",
            "path",
            "http_method",
            "params",
            "headers",
            "body",
            "record_path",
            "pagination",
            "primary_key",
            "cursor_field",
            "cursor_param",
            "start_value",
            "schema");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The source compiled: its streams and the client they share. */
    record Compiled(List<HttpStream> streams, ApiClient client) {
        HttpStream stream(String name) {
            return streams.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException("unknown stream '" + name + "'; the rest source offers "
                            + streams.stream().map(HttpStream::name).toList()));
        }
    }

    private RestSettings() {}

    static Compiled compile(ConnectorConfig config) {
        Secrets secrets = new Secrets();
        Nested auth = Nested.of(AUTHENTICATION.get(config), "authentication");
        auth.values().forEach((k, v) -> {
            if (v instanceof String s && Secrets.isSecretName(k)) {
                secrets.add(s);
            }
        });
        VARIABLES.get(config).forEach((k, v) -> {
            if (v instanceof String s && Secrets.isSecretName(k)) {
                secrets.add(s);
            }
        });
        Authenticator authenticator = authenticator(auth, secrets);
        Map<String, Object> templateConfig = new LinkedHashMap<>(VARIABLES.get(config));
        templateConfig.putAll(config.values());
        Map<String, Object> variables = Map.of("config", templateConfig, "parameters", Map.of());

        List<String> problems = new ArrayList<>();
        List<HttpStream> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Object> endpoints = ENDPOINTS.get(config);
        if (endpoints.isEmpty()) {
            problems.add("endpoints: give at least one endpoint, e.g. {name: customers, path: /customers}");
        }
        String base = URL_BASE.get(config).replaceAll("/+$", "");
        for (int i = 0; i < endpoints.size(); i++) {
            String place = "endpoints[" + i + "]";
            try {
                HttpStream stream = endpoint(endpoints.get(i), place, base, config, authenticator, variables);
                if (!names.add(stream.name())) {
                    problems.add(place + ".name: '" + stream.name()
                            + "' is used by another endpoint; stream names must be unique");
                }
                streams.add(stream);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        RetryPolicy retry = new RetryPolicy(
                MAX_RETRIES.intValue(config),
                Duration.ofMillis(RETRY_BACKOFF
                        .get(config)
                        .multiply(java.math.BigDecimal.valueOf(1000))
                        .longValue()),
                Duration.ofSeconds(60),
                Duration.ofSeconds(MAX_RETRY_WAIT.get(config)));
        ApiClient client = new ApiClient(
                Duration.ofSeconds(CONNECT_TIMEOUT.get(config)),
                Duration.ofSeconds(REQUEST_TIMEOUT.get(config)),
                retry,
                secrets);
        return new Compiled(List.copyOf(streams), client);
    }

    private static HttpStream endpoint(
            Object item,
            String place,
            String base,
            ConnectorConfig config,
            Authenticator auth,
            Map<String, Object> variables) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new ConfigException(
                    place + ": expected a map such as {name: customers, path: /customers}, got '" + item + "'");
        }
        Nested e = Nested.of(map, place);
        e.onlyKeys(ENDPOINT_KEYS);
        String name = e.required("name");
        String path = e.string("path", "");
        String method = e.string("http_method", "GET").toUpperCase(java.util.Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new ConfigException(place + ".http_method: '" + method + "' is not supported; use GET or POST");
        }
        String url = path.startsWith("http://") || path.startsWith("https://")
                ? path
                : base + (path.isEmpty() || path.startsWith("/") ? path : "/" + path);
        Map<String, String> params = e.stringMap("params");
        Map<String, String> headers =
                new LinkedHashMap<>(Nested.of(HEADERS.get(config), "headers").stringMapOfSelf());
        headers.putAll(e.stringMap("headers"));
        String body = e.values().get("body") == null
                ? null
                : JSON.writeValueAsString(e.values().get("body"));
        List<String> recordPath = Nested.path(
                e.values().containsKey("record_path")
                        ? e.values().get("record_path")
                        : RECORD_PATH.optional(config).orElse(""));
        Map<String, Object> paginationSettings =
                e.values().containsKey("pagination") ? e.map("pagination").values() : PAGINATION.get(config);
        Pagination pagination = pagination(Nested.of(
                paginationSettings, e.values().containsKey("pagination") ? place + ".pagination" : "pagination"));
        HttpStream.Incremental incremental = null;
        if (e.values().get("cursor_field") != null) {
            incremental = new HttpStream.Incremental(
                    Nested.path(e.values().get("cursor_field")),
                    e.optional("cursor_param"),
                    e.string("start_value", "{{ config['start_date'] }}"));
        } else if (e.values().containsKey("cursor_param") || e.values().containsKey("start_value")) {
            throw new ConfigException(place
                    + ": cursor_param and start_value need cursor_field, the record field that orders the records");
        }
        ObjectNode schema = null;
        if (e.values().get("schema") != null) {
            if (!(JSON.valueToTree(e.values().get("schema")) instanceof ObjectNode s)
                    || !s.path("properties").isObject()) {
                throw new ConfigException(place + ".schema: expected a JSON Schema object with properties");
            }
            schema = s;
        }
        return new HttpStream(
                name,
                method,
                url,
                params,
                headers,
                body,
                auth,
                pagination,
                recordPath,
                incremental,
                schema,
                Nested.primaryKey(e.values().get("primary_key")),
                variables,
                null,
                null,
                null);
    }

    static Pagination pagination(Nested p) {
        String type = p.string("type", p.values().isEmpty() ? "none" : "");
        return switch (type) {
            case "none" -> {
                p.onlyKeys(Set.of("type"));
                yield new Pagination.None();
            }
            case "page" -> {
                p.onlyKeys(Set.of("type", "page_param", "start_page", "page_size", "page_size_param"));
                Long size = p.optionalLong("page_size");
                yield new Pagination.PageNumber(
                        p.string("page_param", "page"),
                        p.longValue("start_page", 1),
                        size,
                        p.optional("page_size_param"));
            }
            case "offset" -> {
                p.onlyKeys(Set.of("type", "offset_param", "limit_param", "page_size"));
                yield new Pagination.Offset(
                        p.string("offset_param", "offset"),
                        p.string("limit_param", "limit"),
                        p.longValue("page_size", 100));
            }
            case "cursor" -> {
                p.onlyKeys(Set.of("type", "cursor_path", "cursor_param"));
                yield new Pagination.Cursor(Nested.path(p.required("cursor_path")), p.string("cursor_param", "cursor"));
            }
            case "link" -> {
                p.onlyKeys(Set.of("type"));
                yield new Pagination.LinkHeader();
            }
            default ->
                throw new ConfigException(
                        p.place() + ".type: '" + type + "' is no pagination; use none, page, offset, cursor or link");
        };
    }

    static Authenticator authenticator(Nested a, Secrets secrets) {
        String type = a.string("type", a.values().isEmpty() ? "none" : "");
        return switch (type) {
            case "none" -> new Authenticator.None();
            case "bearer" -> {
                a.onlyKeys(Set.of("type", "token"));
                yield new Authenticator.Bearer(a.required("token"));
            }
            case "api_key" -> {
                a.onlyKeys(Set.of("type", "api_key", "header", "query_param", "prefix"));
                String query = a.optional("query_param");
                if (query != null && a.values().containsKey("header")) {
                    throw new ConfigException(a.place() + ": give header or query_param, not both");
                }
                yield new Authenticator.ApiKey(
                        a.required("api_key"),
                        query == null ? a.string("header", "X-API-Key") : null,
                        a.optional("prefix"),
                        query);
            }
            case "basic" -> {
                a.onlyKeys(Set.of("type", "username", "password"));
                yield new Authenticator.Basic(a.required("username"), a.string("password", ""));
            }
            case "oauth2" -> {
                a.onlyKeys(Set.of("type", "token_url", "client_id", "client_secret", "scope", "refresh_token"));
                yield new OAuthClientCredentials(
                        a.required("token_url"),
                        a.required("client_id"),
                        a.required("client_secret"),
                        a.optional("refresh_token"),
                        a.optional("scope"),
                        secrets,
                        Clock.systemUTC());
            }
            default ->
                throw new ConfigException(a.place() + ".type: '" + type
                        + "' is no authentication type; use bearer, api_key, basic, oauth2 or none");
        };
    }
}
