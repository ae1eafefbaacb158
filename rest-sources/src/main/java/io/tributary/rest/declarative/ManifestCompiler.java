package io.tributary.rest.declarative;

import io.tributary.connector.config.ConfigException;
import io.tributary.rest.http.Authenticator;
import io.tributary.rest.http.HttpStream;
import io.tributary.rest.http.Pagination;
import io.tributary.rest.http.Secrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles a resolved manifest and the user's config into the HTTP runtime's streams. Every component
 * is checked here, before any data moves: a component this runtime does not implement (a
 * {@code Custom*} Python class, an unknown type, a field such as a cursor's {@code step} not done
 * yet) fails with its place and type.
 */
final class ManifestCompiler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The compiled manifest. */
    record Compiled(List<HttpStream> streams, List<String> checkStreams, ObjectNode connectionSpecification) {}

    private final Interpolation interpolation;
    private final Secrets secrets;
    /** Where the manifest is: a {@code JsonFileSchemaLoader}'s path is relative to it. */
    private final java.nio.file.Path directory;

    ManifestCompiler(Interpolation interpolation, Secrets secrets, java.nio.file.Path directory) {
        this.interpolation = interpolation;
        this.secrets = secrets;
        this.directory = directory;
        this.parts = new RetrieverParts(interpolation, this::option);
    }

    private final RetrieverParts parts;

    Compiled compile(Map<String, Object> manifest, Map<String, Object> config) {
        return compile(manifest, config, true);
    }

    /**
     * @param checkConfig whether the config must hold what the manifest's spec requires (not when only printing the spec)
     */
    Compiled compile(Map<String, Object> manifest, Map<String, Object> config, boolean checkConfig) {
        Component root = Component.root(manifest);
        root.expect("DeclarativeSource", Set.of("DeclarativeSource"));
        root.unsupportedFields("dynamic_streams");
        ObjectNode connectionSpec = spec(root, config, checkConfig);
        if (!checkConfig) {
            return new Compiled(
                    List.of(), List.of(), connectionSpec); // the spec alone: streams need a config to render
        }
        List<HttpStream> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Component stream : root.children("streams")) {
            HttpStream compiled = stream(stream, config);
            if (!names.add(compiled.name())) {
                throw new ConfigException(stream.where() + "a second stream named '" + compiled.name() + "'");
            }
            streams.add(compiled);
        }
        if (streams.isEmpty()) {
            throw new ConfigException("manifest: streams: the manifest declares no streams");
        }
        List<String> check = new ArrayList<>();
        Component checkComponent = root.child("check");
        if (checkComponent != null) {
            checkComponent.expect("CheckStream", Set.of("CheckStream"));
            if (checkComponent.map().get("stream_names") instanceof List<?> list) {
                list.forEach(n -> check.add(String.valueOf(n)));
            }
            for (String name : check) {
                if (!names.contains(name)) {
                    throw new ConfigException(checkComponent.where() + "stream_names names '" + name
                            + "', which is no stream of the manifest");
                }
            }
        }
        return new Compiled(streams, check, connectionSpec);
    }

    /** The manifest's {@code connection_specification}; the user's config must hold what it requires, and its secrets are masked. */
    private ObjectNode spec(Component root, Map<String, Object> config, boolean checkConfig) {
        Component spec = root.child("spec");
        if (spec == null) {
            return JSON.createObjectNode();
        }
        spec.expect("Spec", Set.of("Spec"));
        JsonNode schema = JSON.valueToTree(spec.map().get("connection_specification"));
        if (!(schema instanceof ObjectNode object)) {
            return JSON.createObjectNode();
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode required : object.path("required")) {
            String key = required.asString("");
            if (config.get(key) == null || "".equals(config.get(key))) {
                JsonNode property = object.path("properties").path(key);
                String about = property.path("title")
                        .asString(property.path("description").asString(""));
                problems.add("config." + key + ": required by the manifest's spec"
                        + (about.isEmpty() ? "" : " (" + about + ")"));
            }
        }
        if (checkConfig && !problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            if (property.getValue().path("airbyte_secret").asBoolean(false) && config.get(property.getKey()) != null) {
                secrets.add(String.valueOf(config.get(property.getKey())));
            }
        }
        return object;
    }

    private HttpStream stream(Component stream, Map<String, Object> config) {
        stream.expect("DeclarativeStream", Set.of("DeclarativeStream"));
        stream.unsupportedFields("state_migrations", "file_uploader");
        String name = stream.required("name");
        ObjectNode schema = null;
        Component loader = stream.child("schema_loader");
        if (loader != null
                && loader.expect("InlineSchemaLoader", Set.of("InlineSchemaLoader", "JsonFileSchemaLoader"))
                        .equals("JsonFileSchemaLoader")) {
            schema = schemaFile(loader, Map.of("config", config, "parameters", loader.templateParameters()));
        } else if (loader != null && JSON.valueToTree(loader.map().get("schema")) instanceof ObjectNode s) {
            schema = s;
        }
        Component retriever = stream.child("retriever");
        if (retriever == null) {
            throw new ConfigException(stream.where() + "DeclarativeStream needs retriever");
        }
        retriever.expect("SimpleRetriever", Set.of("SimpleRetriever"));
        retriever.unsupportedFields("stream_slicer");
        Component requester = retriever.child("requester");
        if (requester == null) {
            throw new ConfigException(retriever.where() + "SimpleRetriever needs requester");
        }
        requester.expect("HttpRequester", Set.of("HttpRequester"));
        requester.unsupportedFields("request_body_json", "request_body_data", "request_body");
        Map<String, Object> variables = Map.of("config", config, "parameters", requester.templateParameters());
        String url = requester.string("url");
        String urlBase = requester.string("url_base");
        if (url == null) {
            if (urlBase == null) {
                throw new ConfigException(requester.where() + "HttpRequester needs url, or url_base and path");
            }
            String path = requester.string("path");
            url = path == null || path.isEmpty()
                    ? urlBase
                    : urlBase.replaceAll("/+$", "") + "/" + path.replaceAll("^/+", "");
        }
        String method = requester.string("http_method") == null
                ? "GET"
                : requester.string("http_method").toUpperCase(java.util.Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new ConfigException("manifest: " + requester.path("http_method") + ": " + method
                    + " is not supported; use GET or POST");
        }
        Authenticator auth = new AuthenticatorCompiler(interpolation, secrets, this::option)
                .compile(requester.child("authenticator"), variables);
        Component selector = retriever.child("record_selector");
        List<String> recordPath = selector == null ? List.of() : recordPath(selector, variables);
        Component decoder = retriever.child("decoder");
        if (decoder != null) {
            decoder.expect("JsonDecoder", Set.of("JsonDecoder"));
        }
        Pagination pagination = paginator(retriever.child("paginator"), url, variables);
        DeclarativeTransform transform = DeclarativeTransform.of(
                selector == null ? null : selector.child("record_filter"),
                stream.children("transformations"),
                variables,
                interpolation);
        Map<String, String> params = requester.templates("request_parameters");
        Map<String, String> headers = requester.templates("request_headers");
        List<Map<String, Object>> slices = parts.partitions(retriever, variables, params, headers);
        HttpStream.Incremental incremental = parts.incremental(stream.child("incremental_sync"), variables);
        return new HttpStream(
                name,
                method,
                url,
                params,
                headers,
                null,
                auth,
                pagination,
                recordPath,
                incremental,
                schema,
                primaryKey(stream.get("primary_key")),
                variables,
                transform,
                parts.errorHandler(requester.child("error_handler"), variables),
                slices);
    }

    /** A {@code JsonFileSchemaLoader}'s schema, read from {@code file_path} relative to the manifest. */
    private ObjectNode schemaFile(Component loader, Map<String, Object> variables) {
        Object template = loader.get("file_path");
        if (template == null) {
            template = "./schemas/{{ parameters['name'] }}.json";
        }
        String rendered = interpolation.render(template, variables, loader.path("file_path"));
        java.nio.file.Path file = (directory == null ? java.nio.file.Path.of(".") : directory)
                .resolve(rendered)
                .normalize();
        try {
            if (JSON.readTree(java.nio.file.Files.readString(file)) instanceof ObjectNode schema) {
                return schema;
            }
            throw new ConfigException(loader.where() + file + " does not hold a JSON object");
        } catch (java.io.IOException e) {
            throw new ConfigException(loader.where() + "cannot read the schema file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        } catch (tools.jackson.core.JacksonException e) {
            throw new ConfigException(loader.where() + file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private List<String> recordPath(Component selector, Map<String, Object> variables) {
        selector.expect("RecordSelector", Set.of("RecordSelector"));
        selector.unsupportedFields("transform_before_filtering");
        Object normalization = selector.map().get("schema_normalization");
        if (normalization != null && !"None".equals(String.valueOf(normalization))) {
            throw new ConfigException(selector.where() + "RecordSelector.schema_normalization " + normalization
                    + " is not supported (yet)");
        }
        Component extractor = selector.child("extractor");
        if (extractor == null) {
            return List.of();
        }
        extractor.expect("DpathExtractor", Set.of("DpathExtractor"));
        List<String> path = new ArrayList<>();
        Object fieldPath = extractor.get("field_path");
        if (fieldPath instanceof List<?> parts) {
            for (int i = 0; i < parts.size(); i++) {
                String part =
                        interpolation.render(parts.get(i), variables, extractor.path("field_path") + "[" + i + "]");
                if (part.contains("*")) {
                    throw new ConfigException(
                            extractor.where() + "DpathExtractor.field_path with a wildcard (*) is not supported (yet)");
                }
                path.add(part);
            }
        }
        return path;
    }

    private Pagination paginator(Component paginator, String url, Map<String, Object> variables) {
        if (paginator == null
                || paginator
                        .expect("DefaultPaginator", Set.of("DefaultPaginator", "NoPagination"))
                        .equals("NoPagination")) {
            return new Pagination.None();
        }
        Component strategy = paginator.child("pagination_strategy");
        if (strategy == null) {
            throw new ConfigException(paginator.where() + "DefaultPaginator needs pagination_strategy");
        }
        String type = strategy.expect("", Set.of("CursorPagination", "PageIncrement", "OffsetIncrement"));
        Object size = interpolation.literal(strategy.map().get("page_size"), variables, strategy.path("page_size"));
        if (size != null && !(size instanceof Long)) {
            throw new ConfigException(
                    "manifest: " + strategy.path("page_size") + ": '" + size + "' is not a whole number");
        }
        Object first = strategy.map().get("inject_on_first_request");
        boolean injectFirst =
                first != null && interpolation.truthy(first, variables, strategy.path("inject_on_first_request"));
        Object start = interpolation.literal(
                strategy.map().getOrDefault("start_from_page", 1), variables, strategy.path("start_from_page"));
        DeclarativePagination.Strategy kind = switch (type) {
            case "PageIncrement" -> DeclarativePagination.Strategy.PAGE;
            case "OffsetIncrement" -> DeclarativePagination.Strategy.OFFSET;
            default -> DeclarativePagination.Strategy.CURSOR;
        };
        if (kind == DeclarativePagination.Strategy.CURSOR && strategy.map().get("cursor_value") == null) {
            throw new ConfigException(strategy.where() + "CursorPagination needs cursor_value");
        }
        // A relative next-page path (RequestPath) is resolved against the API's origin.
        String urlBase =
                interpolation.render(url, variables, paginator.place()).replaceAll("^(https?://[^/]*).*$", "$1");
        return new DeclarativePagination(
                kind,
                (Long) size,
                start instanceof Long l ? l : 1,
                injectFirst,
                option(paginator.child("page_token_option"), true, variables),
                option(paginator.child("page_size_option"), false, variables),
                strategy.map().get("cursor_value"),
                strategy.map().get("stop_condition"),
                urlBase,
                variables,
                interpolation,
                strategy.place());
    }

    DeclarativePagination.Option option(Component option, boolean token, Map<String, Object> variables) {
        if (option == null) {
            return null;
        }
        String type = option.expect(
                "RequestOption", token ? Set.of("RequestOption", "RequestPath") : Set.of("RequestOption"));
        if (type.equals("RequestPath")) {
            return new DeclarativePagination.Option("path", null);
        }
        String into = option.required("inject_into");
        if (!into.equals("request_parameter") && !into.equals("header")) {
            throw new ConfigException(option.where() + "RequestOption.inject_into " + into
                    + " is not supported (yet); use request_parameter or header");
        }
        return new DeclarativePagination.Option(
                into, interpolation.render(option.required("field_name"), variables, option.path("field_name")));
    }

    private static List<List<String>> primaryKey(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return List.of(List.of(String.valueOf(value)));
        }
        List<List<String>> key = new ArrayList<>();
        for (Object part : list) {
            key.add(
                    part instanceof List<?> p
                            ? p.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(part)));
        }
        return key;
    }
}
