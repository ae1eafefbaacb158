package io.tributary.server.api.publicapi;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.tributary.server.auth.TokenService;
import io.tributary.server.jobs.JobView;
import io.tributary.server.jobs.SyncJobs;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.ConnectionStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Airbyte's public API for jobs (what Airflow's Airbyte provider calls through Airbyte's SDK),
 * served at {@code /api/public/v1} as Airbyte OSS does and at {@code /v1}. Times are ISO-8601 UTC,
 * durations ISO-8601 ({@code PT1M5S}).
 */
@RestController
@RequestMapping(path = {"/api/public/v1", "/v1"}, produces = MediaType.APPLICATION_JSON_VALUE)
class PublicApiController {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SyncJobs jobs;
    private final ConnectionStore connections;
    private final TokenService tokens;

    PublicApiController(SyncJobs jobs, ConnectionStore connections, TokenService tokens) {
        this.jobs = jobs;
        this.connections = connections;
        this.tokens = tokens;
    }

    @GetMapping("/health")
    ObjectNode health() {
        return F.objectNode().put("available", true);
    }

    @PostMapping(path = "/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode create(@RequestBody JsonNode body) {
        String connectionId = body.path("connectionId").asString("");
        if (connectionId.isEmpty()) {
            throw new InvalidInputException("connectionId", null, "required: the connection to sync");
        }
        UUID id;
        try {
            id = UUID.fromString(connectionId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("connectionId", connectionId, "is not a UUID");
        }
        String jobType = body.path("jobType").asString("sync").toLowerCase(Locale.ROOT);
        String configType = switch (jobType) {
            case "sync" -> "sync";
            case "reset", "clear" -> "reset_connection";
            default -> throw new InvalidInputException("jobType", jobType, "use sync or reset");
        };
        return response(jobs.trigger(id, configType));
    }

    @GetMapping("/jobs/{jobId}")
    ObjectNode get(@PathVariable("jobId") long jobId) {
        return response(jobs.view(jobId));
    }

    @DeleteMapping("/jobs/{jobId}")
    ObjectNode cancel(@PathVariable("jobId") long jobId) {
        return response(jobs.cancel(jobId));
    }

    @GetMapping("/jobs")
    ObjectNode list(@RequestParam(name = "connectionId", required = false) UUID connectionId,
                    @RequestParam(name = "limit", defaultValue = "20") int limit,
                    @RequestParam(name = "offset", defaultValue = "0") int offset,
                    @RequestParam(name = "status", required = false) String status,
                    @RequestParam(name = "jobType", required = false) String jobType,
                    HttpServletRequest request) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", limit, "use 1 to 100");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", offset, "must not be negative");
        }
        if (connectionId != null) {
            connections.get(connectionId);
        }
        List<String> types = jobType == null ? List.of("sync", "reset_connection")
                : List.of(jobType.equalsIgnoreCase("sync") ? "sync" : "reset_connection");
        String filter = status == null ? null : status.toLowerCase(Locale.ROOT);
        ObjectNode out = F.objectNode();
        ArrayNode data = out.putArray("data");
        List<JobView> page = jobs.list(connectionId, types, filter, limit, offset);
        page.forEach(v -> data.add(response(v)));
        long total = jobs.count(connectionId, types, filter);
        String base = request.getRequestURL().toString();
        String query = (connectionId == null ? "" : "connectionId=" + connectionId + "&") + (filter == null ? "" : "status=" + filter + "&")
                + "limit=" + limit + "&offset=";
        if (offset + limit < total) {
            out.put("next", base + "?" + query + (offset + limit));
        }
        if (offset > 0) {
            out.put("previous", base + "?" + query + Math.max(0, offset - limit));
        }
        return out;
    }

    @PostMapping(path = "/applications/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> tokenFromJson(@RequestBody JsonNode body) {
        return token(body.path("client_id").asString(null), body.path("client_secret").asString(null),
                body.path("grant_type").asString("client_credentials"));
    }

    @PostMapping(path = "/applications/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<ObjectNode> tokenFromForm(@RequestParam Map<String, String> form) {
        return token(form.get("client_id"), form.get("client_secret"), form.getOrDefault("grant_type", "client_credentials"));
    }

    private ResponseEntity<ObjectNode> token(String clientId, String clientSecret, String grantType) {
        if (!"client_credentials".equals(grantType)) {
            throw new InvalidInputException("grant_type", grantType, "only client_credentials is supported");
        }
        ObjectNode out = F.objectNode();
        if (!tokens.enabled()) {
            // Authentication is off: any client gets a token, which nothing checks, so configured clients keep working.
            out.put("access_token", "unauthenticated-" + UUID.randomUUID());
            out.put("token_type", "Bearer");
            out.put("expires_in", 3600);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
        }
        return tokens.issue(clientId, clientSecret).map(t -> {
            out.put("access_token", t.accessToken());
            out.put("token_type", "Bearer");
            out.put("expires_in", t.expiresInSeconds());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
        }).orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                .body(PublicApiExceptionHandler.problem(401, "unauthorized", "unknown client_id or wrong client_secret")));
    }

    /** JobResponse. */
    static ObjectNode response(JobView v) {
        ObjectNode n = F.objectNode();
        n.put("jobId", v.job().id());
        n.put("status", v.job().status());
        n.put("jobType", "reset_connection".equals(v.job().configType()) ? "reset" : "sync");
        n.put("startTime", iso(v.job().createdAt()));
        n.put("connectionId", v.job().connectionId().toString());
        Instant end = v.job().isTerminal() ? v.job().updatedAt() : Instant.now();
        if (v.job().isTerminal()) {
            n.put("lastUpdatedAt", iso(v.job().updatedAt()));
        }
        n.put("duration", Duration.between(v.job().createdAt(), end).truncatedTo(ChronoUnit.SECONDS).toString());
        n.put("bytesSynced", v.bytes());
        n.put("rowsSynced", v.records());
        return n;
    }

    private static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
