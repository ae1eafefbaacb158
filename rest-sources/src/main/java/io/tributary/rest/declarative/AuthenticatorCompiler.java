package io.tributary.rest.declarative;

import io.tributary.connector.config.ConfigException;
import io.tributary.rest.http.Authenticator;
import io.tributary.rest.http.OAuthClientCredentials;
import io.tributary.rest.http.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles a manifest's authenticator component into the HTTP runtime's {@link Authenticator}:
 * credentials are rendered once, with the config, and registered as secrets.
 */
final class AuthenticatorCompiler {

    /** Reads a {@code RequestOption} (shared with the paginator's). */
    @FunctionalInterface
    interface Options {
        DeclarativePagination.Option of(Component option, boolean token, Map<String, Object> variables);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Interpolation interpolation;
    private final Secrets secrets;
    private final Options options;

    AuthenticatorCompiler(Interpolation interpolation, Secrets secrets, Options options) {
        this.interpolation = interpolation;
        this.secrets = secrets;
        this.options = options;
    }

    Authenticator compile(Component auth, Map<String, Object> variables) {
        if (auth == null) {
            return new Authenticator.None();
        }
        String type = auth.expect(
                "",
                Set.of(
                        "NoAuth",
                        "ApiKeyAuthenticator",
                        "BearerAuthenticator",
                        "BasicHttpAuthenticator",
                        "OAuthAuthenticator",
                        "SelectiveAuthenticator",
                        "SessionTokenAuthenticator"));
        return switch (type) {
            case "SessionTokenAuthenticator" -> sessionToken(auth, variables);
            case "SelectiveAuthenticator" -> {
                // The config value at authenticator_selection_path names one of the authenticators.
                Object selected = variables.get("config");
                if (auth.map().get("authenticator_selection_path") instanceof List<?> path) {
                    for (Object key : path) {
                        selected = selected instanceof Map<?, ?> m ? m.get(String.valueOf(key)) : null;
                    }
                } else {
                    throw new ConfigException(
                            auth.where() + "SelectiveAuthenticator needs authenticator_selection_path");
                }
                Component choices = auth.child("authenticators");
                Component chosen = choices == null || selected == null ? null : choices.child(String.valueOf(selected));
                if (chosen == null) {
                    throw new ConfigException(
                            auth.where() + "the config selects authenticator '" + selected + "', which is not one of "
                                    + (choices == null ? "[]" : choices.map().keySet()));
                }
                yield compile(chosen, variables);
            }
            case "NoAuth" -> new Authenticator.None();
            case "BearerAuthenticator" -> new Authenticator.Bearer(secret(auth, "api_token", variables));
            case "BasicHttpAuthenticator" ->
                new Authenticator.Basic(
                        interpolation.render(auth.required("username"), variables, auth.path("username")),
                        auth.get("password") == null ? "" : secret(auth, "password", variables));
            case "ApiKeyAuthenticator" -> {
                String key = secret(auth, "api_token", variables);
                Component into = auth.child("inject_into");
                if (into == null) {
                    yield new Authenticator.ApiKey(
                            key,
                            interpolation.render(auth.required("header"), variables, auth.path("header")),
                            null,
                            null);
                }
                DeclarativePagination.Option option = options.of(into, false, variables);
                yield option.injectInto().equals("header")
                        ? new Authenticator.ApiKey(key, option.fieldName(), null, null)
                        : new Authenticator.ApiKey(key, null, null, option.fieldName());
            }
            default -> {
                auth.unsupportedFields(
                        "refresh_request_body", "refresh_token_updater", "token_expiry_date", "profile_assertion");
                String grant = auth.get("grant_type") == null
                        ? "refresh_token"
                        : interpolation.render(auth.get("grant_type"), variables, auth.path("grant_type"));
                String refresh = grant.equals("client_credentials") ? null : secret(auth, "refresh_token", variables);
                String scopes = auth.map().get("scopes") instanceof List<?> l
                        ? String.join(" ", l.stream().map(String::valueOf).toList())
                        : null;
                yield new OAuthClientCredentials(
                        interpolation.render(
                                auth.required("token_refresh_endpoint"),
                                variables,
                                auth.path("token_refresh_endpoint")),
                        secret(auth, "client_id", variables),
                        secret(auth, "client_secret", variables),
                        refresh,
                        scopes,
                        secrets,
                        Clock.systemUTC());
            }
        };
    }

    /**
     * A {@code SessionTokenAuthenticator}: its {@code login_requester} (url, method, parameters, headers,
     * a flat {@code request_body_json}, its own authenticator) is rendered now; the login happens before
     * the first request.
     */
    private Authenticator sessionToken(Component auth, Map<String, Object> variables) {
        Component login = auth.child("login_requester");
        if (login == null) {
            throw new ConfigException(auth.where() + "SessionTokenAuthenticator needs login_requester");
        }
        login.expect("HttpRequester", Set.of("HttpRequester"));
        login.unsupportedFields("request_body_data", "request_body", "error_handler");
        String url = login.string("url");
        if (url == null) {
            String path = login.string("path");
            url = login.required("url_base").replaceAll("/+$", "")
                    + (path == null ? "" : "/" + path.replaceAll("^/+", ""));
        }
        io.tributary.rest.http.RequestParts parts = new io.tributary.rest.http.RequestParts(
                login.string("http_method") == null
                        ? "POST"
                        : login.string("http_method").toUpperCase(java.util.Locale.ROOT),
                interpolation.render(url, variables, login.path("url")));
        login.templates("request_parameters")
                .forEach(
                        (k, v) -> parts.param(k, interpolation.render(v, variables, login.path("request_parameters"))));
        login.templates("request_headers")
                .forEach((k, v) -> parts.header(k, interpolation.render(v, variables, login.path("request_headers"))));
        if (login.map().get("request_body_json") != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            login.templates("request_body_json")
                    .forEach(
                            (k, v) -> body.put(k, interpolation.render(v, variables, login.path("request_body_json"))));
            parts.body(JSON.writeValueAsString(body));
        }
        if (!(auth.map().get("session_token_path") instanceof List<?> path) || path.isEmpty()) {
            throw new ConfigException(
                    auth.where() + "SessionTokenAuthenticator needs session_token_path, a list of field names");
        }
        Component inject = auth.child("request_authentication");
        if (inject == null) {
            throw new ConfigException(auth.where() + "SessionTokenAuthenticator needs request_authentication");
        }
        String kind = inject.expect("", Set.of("ApiKey", "Bearer"));
        String header = "Authorization";
        if (kind.equals("ApiKey")) {
            DeclarativePagination.Option option = options.of(inject.child("inject_into"), false, variables);
            if (option == null || !option.injectInto().equals("header")) {
                throw new ConfigException(
                        inject.where() + "ApiKey session tokens are supported in a header only (yet)");
            }
            header = option.fieldName();
        }
        Duration expires = null;
        if (auth.string("expiration_duration") != null) {
            expires = Duration.parse(auth.string("expiration_duration"));
        }
        return new io.tributary.rest.http.SessionTokenAuthenticator(
                parts.build(),
                compile(login.child("authenticator"), variables),
                path.stream().map(String::valueOf).toList(),
                header,
                kind.equals("Bearer"),
                expires,
                secrets,
                Clock.systemUTC());
    }

    /** Renders a credential and registers it as a secret. */
    private String secret(Component auth, String key, Map<String, Object> variables) {
        String value = interpolation.render(auth.required(key), variables, auth.path(key));
        secrets.add(value);
        return value;
    }
}
