package io.tributary.server.api.publicapi;

import io.tributary.server.api.HealthCheckRead;
import io.tributary.server.api.publicapi.auth.AccessTokenRequest;
import io.tributary.server.api.publicapi.auth.AccessTokenResponse;
import io.tributary.server.api.publicapi.jobs.JobCreateRequest;
import io.tributary.server.api.publicapi.jobs.JobResponse;
import io.tributary.server.api.publicapi.jobs.JobsResponse;
import io.tributary.server.auth.TokenService;
import io.tributary.server.jobs.SyncJobs;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.ConnectionStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

/**
 * Airbyte's public API for jobs (what Airflow's Airbyte provider calls through Airbyte's SDK),
 * served at {@code /api/public/v1} as Airbyte OSS does and at {@code /v1}. Times are ISO-8601 UTC,
 * durations ISO-8601 ({@code PT1M5S}).
 */
@RestController
@RequestMapping(
        path = {"/api/public/v1", "/v1"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class PublicApiController {

    private final SyncJobs jobs;
    private final ConnectionStore connections;
    private final TokenService tokens;

    PublicApiController(SyncJobs jobs, ConnectionStore connections, TokenService tokens) {
        this.jobs = jobs;
        this.connections = connections;
        this.tokens = tokens;
    }

    @GetMapping("/health")
    HealthCheckRead health() {
        return HealthCheckRead.up();
    }

    @PostMapping(path = "/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    JobResponse create(@RequestBody JobCreateRequest body) {
        if (body.connectionId() == null) {
            throw new InvalidInputException("connectionId", null, "required: the connection to sync");
        }
        String jobType = (body.jobType() == null ? "sync" : body.jobType()).toLowerCase(Locale.ROOT);
        String configType = switch (jobType) {
            case "sync" -> "sync";
            case "reset", "clear" -> "reset_connection";
            default -> throw new InvalidInputException("jobType", jobType, "use sync or reset");
        };
        return JobResponse.of(jobs.trigger(body.connectionId(), configType));
    }

    @GetMapping("/jobs/{jobId}")
    JobResponse get(@PathVariable("jobId") long jobId) {
        return JobResponse.of(jobs.view(jobId));
    }

    @DeleteMapping("/jobs/{jobId}")
    JobResponse cancel(@PathVariable("jobId") long jobId) {
        return JobResponse.of(jobs.cancel(jobId));
    }

    @GetMapping("/jobs")
    JobsResponse list(
            @RequestParam(name = "connectionId", required = false) UUID connectionId,
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
        List<String> types = jobType == null
                ? List.of("sync", "reset_connection")
                : List.of(jobType.equalsIgnoreCase("sync") ? "sync" : "reset_connection");
        String filter = status == null ? null : status.toLowerCase(Locale.ROOT);
        List<JobResponse> page = jobs.list(connectionId, types, filter, limit, offset).stream()
                .map(JobResponse::of)
                .toList();
        long total = jobs.count(connectionId, types, filter);
        String base = request.getRequestURL().toString();
        String query = (connectionId == null ? "" : "connectionId=" + connectionId + "&")
                + (filter == null ? "" : "status=" + filter + "&") + "limit=" + limit + "&offset=";
        return new JobsResponse(
                page,
                offset + limit < total ? base + "?" + query + (offset + limit) : null,
                offset > 0 ? base + "?" + query + Math.max(0, offset - limit) : null);
    }

    @PostMapping(path = "/applications/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccessTokenResponse> tokenFromJson(@RequestBody AccessTokenRequest body) {
        return token(
                body.clientId(),
                body.clientSecret(),
                body.grantType() == null ? "client_credentials" : body.grantType());
    }

    @PostMapping(path = "/applications/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<AccessTokenResponse> tokenFromForm(@RequestParam Map<String, String> form) {
        return token(
                form.get("client_id"),
                form.get("client_secret"),
                form.getOrDefault("grant_type", "client_credentials"));
    }

    private ResponseEntity<AccessTokenResponse> token(String clientId, String clientSecret, String grantType) {
        if (!"client_credentials".equals(grantType)) {
            throw new InvalidInputException("grant_type", grantType, "only client_credentials is supported");
        }
        if (!tokens.enabled()) {
            // Authentication is off: any client gets a token, which nothing checks, so configured clients keep working.
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(AccessTokenResponse.bearer("unauthenticated-" + UUID.randomUUID(), 3600));
        }
        return tokens.issue(clientId, clientSecret)
                .map(t -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(AccessTokenResponse.bearer(t.accessToken(), t.expiresInSeconds())))
                .orElseThrow(InvalidClientException::new);
    }
}
