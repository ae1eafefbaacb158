package io.tributary.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionSchedulesIT {

    private record Firing(String node, String connection, Instant scheduledFor) {}

    private record Retry(String node, String connection, long job, int attempt, String kind) {}

    private TestDatabase database;
    private HikariDataSource dataSource;
    private final List<Firing> firings = Collections.synchronizedList(new ArrayList<>());
    private final List<Retry> retries = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void createTables() {
        database = TestPostgres.get().createDatabase("schedules");
        dataSource = RepositoryDataSource.create(
                database.jdbcUrl(),
                TestPostgres.get().user(),
                TestPostgres.get().password());
        QuartzSchema.ensure(dataSource);
    }

    @AfterEach
    void drop() {
        dataSource.close();
        database.close();
    }

    private ConnectionSchedules node(String name, Duration misfireThreshold) {
        QuartzSettings settings = new QuartzSettings("tributary", 2, misfireThreshold, Duration.ofSeconds(2));
        return ConnectionSchedules.start(
                dataSource,
                settings,
                (connection, due) -> firings.add(new Firing(name, connection, due)),
                (connection, job, attempt, kind) -> retries.add(new Retry(name, connection, job, attempt, kind)));
    }

    @Test
    void twoNodesOnOneDatabaseFireEachTriggerOnce() throws Exception {
        try (ConnectionSchedules a = node("a", Duration.ofSeconds(60));
                ConnectionSchedules b = node("b", Duration.ofSeconds(60))) {
            a.apply("every-second", new Schedule.Cron(CronExpressions.toQuartz("* * * * * ?"), ZoneId.of("UTC")));
            b.apply("every-second-too", Schedule.Cron.parse("0/1 * * * * ?", "UTC"));
            waitFor(() -> firings.size() >= 8, Duration.ofSeconds(30));
            // Quartz does not spread triggers evenly (one node may take them all), so the node that fired first stops
            // and
            // the other, which shares its store, must go on alone.
            String first = firings.get(0).node();
            (first.equals("a") ? a : b).close();
            int handedOver = firings.size();
            waitFor(
                    () -> List.copyOf(firings).stream()
                                    .skip(handedOver)
                                    .filter(f -> !f.node().equals(first))
                                    .count()
                            >= 4,
                    Duration.ofSeconds(30));
        }
        List<Firing> seen = List.copyOf(firings);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(8);
        Map<String, Long> perFiring = seen.stream()
                .collect(Collectors.groupingBy(f -> f.connection() + "@" + f.scheduledFor(), Collectors.counting()));
        assertThat(perFiring.values())
                .as("each scheduled time fires on exactly one node")
                .allMatch(n -> n == 1);
        assertThat(seen).extracting(Firing::node).as("both nodes take part").contains("a", "b");
        assertThat(seen).extracting(Firing::connection).contains("every-second", "every-second-too");
    }

    @Test
    void aTriggerThatMissedManyFiringsCatchesUpOnceNotInABurst() throws Exception {
        try (ConnectionSchedules node = node("a", Duration.ofSeconds(1))) {
            node.apply(
                    "late",
                    new Schedule.Basic(1, BasicUnit.HOURS),
                    Instant.now().minus(Duration.ofHours(10)));
            waitFor(() -> !firings.isEmpty(), Duration.ofSeconds(20));
            Thread.sleep(3_000);
            assertThat(firings).hasSize(1);
            assertThat(node.nextFireTime("late")).get().matches(t -> t.isAfter(Instant.now()));
        }
    }

    @Test
    void triggersSurviveARestartAndAPausedTriggerDoesNotFire() throws Exception {
        // In standby: a running node could fire the every-second trigger between its creation and its pause.
        try (ConnectionSchedules node = ConnectionSchedules.create(
                dataSource, new QuartzSettings("tributary", 2, Duration.ofSeconds(60), Duration.ofSeconds(2)))) {
            node.apply("kept", Schedule.Cron.parse("0 2 * * 1-5", "Europe/Paris"));
            node.apply("paused", Schedule.Cron.parse("* * * * * ?", "UTC"));
            node.pause("paused");
            assertThat(node.nextFireTime("paused")).isEmpty();
        }
        QuartzSchema.ensure(dataSource);
        try (ConnectionSchedules again = node("b", Duration.ofSeconds(60))) {
            Instant next = again.nextFireTime("kept").orElseThrow();
            assertThat(next.atZone(ZoneId.of("Europe/Paris")).getHour()).isEqualTo(2);
            Thread.sleep(2_000);
            assertThat(firings).isEmpty();
            again.resume("paused");
            waitFor(() -> !firings.isEmpty(), Duration.ofSeconds(10));
            again.apply("paused", new Schedule.Manual());
            assertThat(again.nextFireTime("paused")).isEmpty();
        }
        assertThat(database.queryValue("SELECT count(*) FROM qrtz_triggers")).isEqualTo(1L);
    }

    @Test
    void aRetryScheduledOnANodeThatStoppedFiresOnceOnTheNextNodeWithItsJobData() throws Exception {
        try (ConnectionSchedules node = node("a", Duration.ofSeconds(60))) {
            node.scheduleRetry("conn-1", 42, 1, "RESUME", Instant.now().plusSeconds(3));
            node.scheduleRetry("conn-2", 43, 2, "RESUME", Instant.now().plusSeconds(3));
            assertThat(node.retryTime(42)).get().matches(t -> t.isAfter(Instant.now()));
            assertThat(node.cancelRetry(43)).isTrue();
            assertThat(node.retryTime(43)).isEmpty();
        }
        assertThat(retries).isEmpty();
        try (ConnectionSchedules b = node("b", Duration.ofSeconds(60));
                ConnectionSchedules c = node("c", Duration.ofSeconds(60))) {
            waitFor(() -> !retries.isEmpty(), Duration.ofSeconds(20));
            Thread.sleep(3_000);
            assertThat(retries).hasSize(1);
            Retry fired = retries.get(0);
            assertThat(fired.node()).isIn("b", "c");
            assertThat(fired).isEqualTo(new Retry(fired.node(), "conn-1", 42, 1, "RESUME"));
            assertThat(b.retryTime(42)).isEmpty();
        }
        assertThat(database.queryValue("SELECT count(*) FROM qrtz_job_details"))
                .as("a fired retry leaves nothing behind")
                .isEqualTo(0L);
        assertThat(firings).isEmpty();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
