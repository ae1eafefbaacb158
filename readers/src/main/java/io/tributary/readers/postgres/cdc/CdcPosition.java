package io.tributary.readers.postgres.cdc;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a table's change capture stands, saved in the step's ExecutionContext with every chunk.
 * Its string form is a small JSON object, e.g.
 * {@code {"slot":"tributary_public_orders","phase":"streaming","lsn":"0/1A2B3C8",...}}.
 *
 * @param slot the replication slot this position belongs to
 * @param phase {@code snapshot} while the initial copy runs, then {@code streaming}
 * @param resume every transaction that committed before this WAL position has been emitted (in the
 *     snapshot phase: the slot's consistent point, where streaming will start)
 * @param txCommit when a chunk ended inside a transaction: that transaction's commit LSN, else {@code null}
 * @param txEmitted how many records of that transaction were emitted
 * @param target where this sync ends: the WAL position current when it started (or later, see the reader)
 * @param snapshotLsn the {@code _ab_cdc_lsn} of snapshot records: the slot's restart LSN at creation,
 *     below the LSN of every change the slot streams, so "latest {@code _ab_cdc_lsn} wins" never
 *     prefers a snapshot row to a later change of the same key
 * @param snapshotAt the {@code _ab_cdc_updated_at} of snapshot records (ISO-8601)
 */
record CdcPosition(
        String slot,
        String phase,
        Lsn resume,
        Lsn txCommit,
        long txEmitted,
        Lsn target,
        Lsn snapshotLsn,
        String snapshotAt) {

    static final String SNAPSHOT = "snapshot";
    static final String STREAMING = "streaming";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String contextKey(String stream) {
        return stream + ".cdc.position";
    }

    boolean inSnapshot() {
        return SNAPSHOT.equals(phase);
    }

    CdcPosition streamingFrom(Lsn lsn) {
        return new CdcPosition(slot, STREAMING, lsn, null, 0, target, snapshotLsn, snapshotAt);
    }

    /** After the transaction ending at {@code end} was read completely. */
    CdcPosition committed(Lsn end) {
        return new CdcPosition(slot, phase, Lsn.max(resume, end), null, 0, target, snapshotLsn, snapshotAt);
    }

    /** After the {@code emitted}-th record of the transaction committing at {@code commit} was handed out. */
    CdcPosition within(Lsn commit, long emitted) {
        return new CdcPosition(slot, phase, resume, commit, emitted, target, snapshotLsn, snapshotAt);
    }

    CdcPosition withTarget(Lsn newTarget) {
        return new CdcPosition(slot, phase, resume, txCommit, txEmitted, newTarget, snapshotLsn, snapshotAt);
    }

    String asString() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slot", slot);
        map.put("phase", phase);
        map.put("lsn", resume.toString());
        if (txCommit != null) {
            map.put("tx_commit_lsn", txCommit.toString());
            map.put("tx_emitted", txEmitted);
        }
        if (target != null) {
            map.put("target_lsn", target.toString());
        }
        map.put("snapshot_lsn", snapshotLsn.toString());
        map.put("snapshot_at", snapshotAt);
        return JSON.writeValueAsString(map);
    }

    /**
     * Reads the string form.
     *
     * @throws IllegalArgumentException when the text is not a position this reader wrote
     */
    static CdcPosition parse(String text) {
        Map<String, Object> map;
        try {
            map = JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CDC position: " + text, e);
        }
        Object slot = map.get("slot");
        Object phase = map.get("phase");
        Object lsn = map.get("lsn");
        if (!(slot instanceof String)
                || !(SNAPSHOT.equals(phase) || STREAMING.equals(phase))
                || !(lsn instanceof String)) {
            throw new IllegalArgumentException("not a CDC position (slot, phase and lsn are required): " + text);
        }
        Object tx = map.get("tx_commit_lsn");
        Object target = map.get("target_lsn");
        Object emitted = map.get("tx_emitted");
        return new CdcPosition(
                (String) slot,
                (String) phase,
                Lsn.parse((String) lsn),
                tx == null ? null : Lsn.parse(tx.toString()),
                emitted instanceof Number n ? n.longValue() : 0,
                target == null ? null : Lsn.parse(target.toString()),
                Lsn.parse(String.valueOf(map.getOrDefault("snapshot_lsn", "0/0"))),
                String.valueOf(map.getOrDefault("snapshot_at", "")));
    }
}
