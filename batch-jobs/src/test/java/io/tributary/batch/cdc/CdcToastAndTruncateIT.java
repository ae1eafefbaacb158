package io.tributary.batch.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.SyncResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two CDC records a destination must not take literally, through the engine into the PostgreSQL
 * destination in append + dedup: an update that leaves a large TOASTed value alone (the record leaves
 * the field out, default REPLICA IDENTITY) keeps the value, and a TRUNCATE empties the final table of
 * everything before it.
 */
class CdcToastAndTruncateIT {

    private static final String CHECKSUM =
            "SELECT count(*) || ':' || coalesce(md5(string_agg(id || '|' || coalesce(name, '-') || '|' "
                    + "|| coalesce(md5(body), '-'), ',' ORDER BY id)), '') FROM ";

    private CdcSyncFixture fx;
    private String yaml;

    @BeforeEach
    void setUp() {
        fx = new CdcSyncFixture("cdc_toast");
        // body: 200,000 random hex characters do not compress below the TOAST threshold, so they are stored out of line
        fx.source.execute(
                "CREATE TABLE docs (id int PRIMARY KEY, name text, body text)",
                "INSERT INTO docs SELECT g, 'doc ' || g, (SELECT string_agg(md5(random()::text || g || s), '') "
                        + "FROM generate_series(1, 6250) s) FROM generate_series(1, 5) g");
        yaml = fx.yaml("""
                capture: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 2,
                           streams: [{ name: public.docs, sync_mode: incremental, destination_sync_mode: append_dedup }] }
                """);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private SyncResult sync() {
        SyncResult result = fx.sync(yaml, "capture");
        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        return result;
    }

    private void assertInStep() {
        assertThat(fx.target.queryValue(CHECKSUM + "warehouse.docs"))
                .isEqualTo(fx.source.queryValue(CHECKSUM + "docs"));
    }

    @Test
    void aLargeToastedValueThatAnUpdateLeftAloneStaysInTheFinalTable() {
        sync();
        assertInStep();
        assertThat(fx.target.queryValue("SELECT min(length(body)) FROM warehouse.docs"))
                .isEqualTo(200_000);

        // several versions of one key in one sync (split over chunks), one of them a real NULL, and one key updated
        // twice
        fx.source.execute(
                "UPDATE docs SET name = 'renamed ' || id WHERE id <= 3",
                "UPDATE docs SET name = 'again' WHERE id = 1",
                "UPDATE docs SET body = NULL, name = 'nulled' WHERE id = 4",
                "UPDATE docs SET body = 'short' WHERE id = 5",
                "UPDATE docs SET name = 'after short' WHERE id = 5");
        sync();
        assertThat(
                        fx.target.queryValue(
                                "SELECT count(*) FROM warehouse._airbyte_raw_docs WHERE NOT jsonb_exists(_airbyte_data, 'body')"))
                .as("the source really left the TOASTed value out")
                .isEqualTo(4L);
        assertInStep();
        assertThat(fx.target.queryValue("SELECT body IS NULL FROM warehouse.docs WHERE id = 4"))
                .isEqualTo(true);

        // next sync: the value comes from the final table
        fx.source.execute("UPDATE docs SET name = 'third' WHERE id IN (1, 2)");
        sync();
        assertInStep();
        assertThat(fx.target.queryValue("SELECT count(*) FROM warehouse.docs WHERE length(body) = 200000"))
                .isEqualTo(3L);
    }

    @Test
    void aTruncateFollowedByInsertsLeavesOnlyTheNewRows() {
        sync();
        fx.source.execute(
                "UPDATE docs SET name = 'before truncate' WHERE id = 2",
                "TRUNCATE docs",
                "INSERT INTO docs VALUES (2, 'new two', 'b'), (9, 'new nine', 'n')");
        sync();
        assertInStep();
        assertThat(fx.target.queryValue("SELECT string_agg(id || ' ' || name, ',' ORDER BY id) FROM warehouse.docs"))
                .isEqualTo("2 new two,9 new nine");
        assertThat(fx.target.queryValue(
                        "SELECT count(*) FROM warehouse._airbyte_raw_docs WHERE _airbyte_data - '_ab_cdc_lsn' "
                                + "- '_ab_cdc_updated_at' - '_ab_cdc_deleted_at' = '{}'::jsonb"))
                .as("the raw table keeps the truncate")
                .isEqualTo(1L);

        // a truncate alone in a sync empties rows merged by earlier syncs
        fx.source.execute("TRUNCATE docs", "INSERT INTO docs VALUES (3, 'three', NULL)");
        sync();
        assertInStep();
        fx.source.execute("TRUNCATE docs");
        sync();
        assertThat(fx.target.queryValue("SELECT count(*) FROM warehouse.docs")).isEqualTo(0L);
    }
}
