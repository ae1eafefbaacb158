package io.tributary.server.api.config;

import java.time.Instant;

import io.tributary.server.jobs.JobView;
import io.tributary.server.service.Connectors;
import io.tributary.server.store.Actor;
import io.tributary.server.store.ActorKind;
import io.tributary.server.store.ConnectionRecord;
import io.tributary.server.store.ScheduleSettings;
import io.tributary.server.store.Workspace;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Config API's read shapes (Airbyte's WorkspaceRead, SourceRead, ConnectionRead, JobInfoRead...); times in epoch seconds. */
final class ConfigApiViews {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConfigApiViews() {
    }

    static long seconds(Instant t) {
        return t == null ? 0 : t.getEpochSecond();
    }

    static ObjectNode workspace(Workspace w) {
        ObjectNode n = F.objectNode();
        n.put("workspaceId", w.id().toString());
        n.put("customerId", w.id().toString());
        n.put("name", w.name());
        n.put("slug", w.slug());
        if (w.email() != null) {
            n.put("email", w.email());
        }
        n.put("initialSetupComplete", true);
        n.put("displaySetupWizard", false);
        n.put("anonymousDataCollection", false);
        n.put("news", false);
        n.put("securityUpdates", false);
        n.putArray("notifications");
        n.put("defaultGeography", "auto");
        return n;
    }

    static ObjectNode definition(Connectors.Definition d) {
        String kind = d.kind() == ActorKind.SOURCE ? "source" : "destination";
        ObjectNode n = F.objectNode();
        n.put(kind + "DefinitionId", d.id().toString());
        n.put("name", d.spec().title());
        n.put("dockerRepository", "tributary/" + kind + "-" + d.type());
        n.put("dockerImageTag", "0.1.0");
        n.put("documentationUrl", "");
        n.put("protocolVersion", "0.2.0");
        n.put("releaseStage", "generally_available");
        if (d.kind() == ActorKind.SOURCE) {
            n.put("sourceType", "custom");
        }
        n.put("connectorType", d.type());
        n.set("connectionSpecification", d.spec().toJsonSchema());
        return n;
    }

    static ObjectNode specification(Connectors.Definition d) {
        String kind = d.kind() == ActorKind.SOURCE ? "source" : "destination";
        ObjectNode n = F.objectNode();
        n.put(kind + "DefinitionId", d.id().toString());
        n.put("documentationUrl", "");
        n.set("connectionSpecification", d.spec().toJsonSchema());
        if (d.kind() == ActorKind.DESTINATION) {
            ArrayNode modes = n.putArray("supportedDestinationSyncModes");
            modes.add("overwrite").add("append").add("append_dedup");
        }
        return n;
    }

    static ObjectNode actor(Actor a, ObjectNode maskedConfiguration, Connectors.Definition d) {
        String kind = a.kind() == ActorKind.SOURCE ? "source" : "destination";
        ObjectNode n = F.objectNode();
        n.put(kind + "DefinitionId", d.id().toString());
        n.put(kind + "Id", a.id().toString());
        n.put("workspaceId", a.workspaceId().toString());
        n.set("connectionConfiguration", maskedConfiguration);
        n.put("name", a.name());
        n.put(kind + "Name", d.spec().title());
        n.put("connectorType", a.connectorType());
        n.put("createdAt", seconds(a.createdAt()));
        return n;
    }

    static ObjectNode connection(ConnectionRecord c) {
        ObjectNode n = F.objectNode();
        n.put("connectionId", c.id().toString());
        n.put("name", c.name());
        n.put("namespaceDefinition", c.namespaceDefinition());
        n.put("namespaceFormat", c.namespaceFormat());
        n.put("prefix", c.prefix());
        n.put("sourceId", c.sourceId().toString());
        n.put("destinationId", c.destinationId().toString());
        n.put("workspaceId", c.workspaceId().toString());
        n.putArray("operationIds");
        n.set("syncCatalog", c.syncCatalog());
        ScheduleSettings s = c.schedule();
        n.put("scheduleType", s.type());
        ObjectNode data = F.objectNode();
        if ("basic".equals(s.type())) {
            ObjectNode basic = data.putObject("basicSchedule");
            basic.put("timeUnit", s.timeUnit());
            basic.put("units", s.units());
            ObjectNode legacy = n.putObject("schedule");
            legacy.put("timeUnit", s.timeUnit());
            legacy.put("units", s.units());
            n.set("scheduleData", data);
        } else if ("cron".equals(s.type())) {
            ObjectNode cron = data.putObject("cron");
            cron.put("cronExpression", s.cronExpression());
            cron.put("cronTimeZone", s.cronTimeZone() == null ? "UTC" : s.cronTimeZone());
            n.set("scheduleData", data);
        }
        n.put("status", c.status());
        n.put("breakingChange", false);
        n.put("geography", "auto");
        n.put("createdAt", seconds(c.createdAt()));
        n.put("chunkSize", c.chunkSize());
        ObjectNode retry = n.putObject("retryPolicy");
        retry.put("maxAttempts", c.retry().maxAttempts());
        retry.put("backoffSeconds", c.retry().backoff().toSeconds());
        n.put("consecutiveFailures", c.consecutiveFailures());
        return n;
    }

    static ObjectNode job(JobView v) {
        ObjectNode n = F.objectNode();
        n.put("id", v.job().id());
        n.put("configType", v.job().configType());
        n.put("configId", v.job().connectionId().toString());
        n.put("createdAt", seconds(v.job().createdAt()));
        n.put("updatedAt", seconds(v.job().updatedAt()));
        if (!v.attempts().isEmpty()) {
            n.put("startedAt", seconds(v.attempts().get(0).record().createdAt()));
        }
        n.put("status", v.job().status());
        return n;
    }

    static ObjectNode attempt(JobView.Attempt a) {
        ObjectNode n = F.objectNode();
        n.put("id", a.record().number());
        n.put("status", a.record().status());
        n.put("createdAt", seconds(a.record().createdAt()));
        n.put("updatedAt", seconds(a.record().updatedAt()));
        if (a.record().endedAt() != null) {
            n.put("endedAt", seconds(a.record().endedAt()));
        }
        n.put("bytesSynced", a.bytes());
        n.put("recordsSynced", a.records());
        ObjectNode stats = n.putObject("totalStats");
        stats.put("recordsEmitted", a.records());
        stats.put("bytesEmitted", a.bytes());
        stats.put("recordsCommitted", a.records());
        if (a.record().failure() != null) {
            ObjectNode summary = n.putObject("failureSummary");
            ObjectNode failure = summary.putArray("failures").addObject();
            boolean cancelled = "cancelled".equals(a.record().failure());
            failure.put("failureOrigin", cancelled ? "airbyte_platform" : "source");
            failure.put("failureType", cancelled ? "manual_cancellation" : "system_error");
            failure.put("externalMessage", a.record().failure());
            failure.put("timestamp", a.record().endedAt() == null ? 0 : a.record().endedAt().toEpochMilli());
            summary.put("partialSuccess", a.records() > 0);
        }
        return n;
    }

    /** JobInfoRead: the job and each attempt with its log. */
    static ObjectNode jobInfo(JobView v) {
        ObjectNode n = F.objectNode();
        n.set("job", job(v));
        ArrayNode attempts = n.putArray("attempts");
        for (JobView.Attempt a : v.attempts()) {
            ObjectNode entry = attempts.addObject();
            entry.set("attempt", attempt(a));
            ArrayNode lines = entry.putObject("logs").putArray("logLines");
            a.logLines().forEach(lines::add);
        }
        return n;
    }

    /** JobWithAttemptsRead, as jobs/list returns them. */
    static ObjectNode jobWithAttempts(JobView v) {
        ObjectNode n = F.objectNode();
        n.set("job", job(v));
        ArrayNode attempts = n.putArray("attempts");
        v.attempts().forEach(a -> attempts.add(attempt(a)));
        return n;
    }
}
