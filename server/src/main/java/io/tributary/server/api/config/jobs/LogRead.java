package io.tributary.server.api.config.jobs;

import java.util.List;

/** The log lines of an attempt (secrets masked). */
public record LogRead(List<String> logLines) {

    public static LogRead empty() {
        return new LogRead(List.of());
    }
}
