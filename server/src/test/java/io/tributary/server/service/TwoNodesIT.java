package io.tributary.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service nodes on one database: a connection scheduled every second fires once per scheduled
 * time across the cluster (never on both nodes), and never runs two syncs at once.
 */
class TwoNodesIT {

    private static final Pattern FIRING = Pattern.compile("Scheduled sync of \\S+ \\(due (\\S+)\\) (started|skipped)");

    @TempDir
    Path lake;

    @Test
    void aCronScheduleFiresOncePerTriggerAcrossTwoNodes() {
        try (TestDatabase database = TestPostgres.get().createDatabase("twonodes");
                TestService a = TestService.start(database, "--tributary.schedules.cluster-checkin=2s");
                TestService b = TestService.start(database, "--tributary.schedules.cluster-checkin=2s");
                LogCapture logs = LogCapture.begin()) {
            String source = a.source("tiny", "{'count':50,'key':'twonodes'}");
            String connection = a.connection(
                    source,
                    a.localDestination(lake),
                    ",'scheduleType':'cron','scheduleData':{'cron':{'cronExpression':'* * * * * ?','cronTimeZone':'UTC'}}");
            TestService.sleep(8_000);
            b.api.ok("/api/v1/connections/update", "{'connectionId':'" + connection + "','scheduleType':'manual'}");
            TestService.sleep(1_500);

            List<String> firings = logs.lines().stream()
                    .map(FIRING::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .toList();
            Map<String, Long> perDueTime =
                    firings.stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
            assertThat(firings).as("the schedule fired").hasSizeGreaterThanOrEqualTo(4);
            assertThat(perDueTime.values())
                    .as("each scheduled time fired on one node only")
                    .allMatch(n -> n == 1);

            long jobs =
                    (Long) database.queryValue("SELECT count(*) FROM job WHERE connection_id = '" + connection + "'");
            assertThat(jobs).isBetween(2L, (long) firings.size());
            assertThat(database.queryValue(
                            "SELECT count(*) FROM job WHERE status NOT IN ('succeeded', 'running', 'pending')"))
                    .isEqualTo(0L);
        }
    }
}
