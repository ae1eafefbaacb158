package io.tributary.server.service;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client of the service on loopback; remembers every answer so a test can scan them all. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private volatile String token;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Api bearer(String token) {
        this.token = token;
        return this;
    }

    List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** POST JSON; {@code json} may use single quotes for readability. */
    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))));
    }

    Answer postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** GET accepting any type (Prometheus answers text). */
    Answer getText(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/plain")
                .GET());
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** POST and expect 200, returning the JSON. */
    JsonNode ok(String path, String json) {
        Answer a = post(path, json);
        if (a.status() != 200) {
            throw new AssertionError(path + " answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }

    private Answer send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (request.build().headers().firstValue("Accept").isEmpty()) {
            request.header("Accept", "application/json");
        }
        request.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
