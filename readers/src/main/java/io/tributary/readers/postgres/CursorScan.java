package io.tributary.readers.postgres;

import io.tributary.postgres.PostgresIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Incremental read by a cursor column {@code c}: rows ordered by {@code (c, k)} where {@code k}
 * identifies a row (the primary key; else the ctid; else, for views, the row's text).
 *
 * <h2>The rule, and why it neither loses nor repeats rows that share the last value</h2>
 * The position is {@code L}, the greatest cursor value emitted, plus {@code T}, the keys of the
 * rows emitted with {@code c = L}. The next read selects {@code c >= L} and skips a row with
 * {@code c = L} exactly when its key is in {@code T}.
 * <ul>
 * <li>Rows with {@code c > L} were never emitted (every emitted row has {@code c <= L}): all are read.
 * <li>Rows with {@code c = L} that were emitted are in {@code T}: skipped, so never repeated.
 * <li>Rows with {@code c = L} committed after the previous read (a concurrent insert or an update
 *     that set the same value) are not in {@code T}: read, so not lost. A strict {@code c > L}
 *     would lose them; a plain {@code c >= L} would repeat every row at {@code L} each sync; a
 *     high-water mark {@code c < max} would never deliver the last value of a table that stops
 *     changing.
 * <li>The same rule restarts a crashed read: the position saved with the last committed chunk
 *     names exactly what that chunk emitted, so the restart continues with the first row the
 *     chunk did not contain, even in the middle of a run of equal values.
 * </ul>
 * State stays bounded: when more than {@value #MAX_TIES} rows (or {@value #MAX_TIE_CHARS}
 * characters of keys) share one value, {@code T} is dropped and the read resumes strictly after
 * {@code (L, lastKey)} instead: still no repeats, and a late row at {@code L} is lost only if its key
 * sorts below the last key read (serial and identity keys grow, so new rows sort above).
 *
 * <p>What no cursor rule can see: a row whose transaction started before the read but committed
 * after it with a cursor value below {@code L} (for example {@code updated_at = now()} taken early in a
 * long transaction). Use CDC for such tables, or a cursor assigned at commit. Rows whose cursor is
 * NULL are not read incrementally (as in Airbyte): they have no place in the order.
 */
final class CursorScan implements TableScan {

    static final int MAX_TIES = 1_000;
    static final int MAX_TIE_CHARS = 100_000;

    private final PostgresRelation relation;
    private final PostgresColumn cursor;
    private final List<String> keyExpressions;
    private final List<String> keyTypes;
    private final int cursorIndex;
    private final int fetchSize;
    private final String contextKey;

    private String value;
    private final Set<List<String>> ties = new HashSet<>();
    private int tieChars;
    private boolean tiesComplete = true;
    private List<String> lastKey = List.of();
    private boolean started;

    CursorScan(PostgresRelation relation, PostgresColumn cursor, int dataColumnCount, int fetchSize, String streamKey) {
        this.relation = relation;
        this.cursor = cursor;
        this.cursorIndex = dataColumnCount + 1;
        this.fetchSize = fetchSize;
        this.contextKey = streamKey + ".incremental.cursor";
        if (!relation.primaryKey().isEmpty()) {
            keyExpressions = relation.primaryKey().stream()
                    .map(k -> "r." + PostgresIdentifiers.quote(k))
                    .toList();
            keyTypes = relation.primaryKey().stream()
                    .map(k -> relation.column(k).orElseThrow().type().sqlName())
                    .toList();
        } else if (relation.hasCtid()) {
            keyExpressions = List.of("r.ctid");
            keyTypes = List.of("tid");
        } else {
            keyExpressions = List.of("ROW(r.*)::text");
            keyTypes = List.of("text");
        }
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        Object saved = context.containsKey(contextKey) ? context.get(contextKey) : previousSync.get(contextKey);
        if (saved == null) {
            return;
        }
        CursorPosition position = CursorPosition.parse(saved.toString());
        if (!position.column().equals(cursor.name())) {
            // the user chose another cursor column: the old value says nothing about this one
            return;
        }
        value = position.value();
        ties.addAll(position.ties());
        position.ties().forEach(k -> tieChars += chars(k));
        tiesComplete = position.tiesComplete();
        lastKey = position.lastKey();
    }

    @Override
    public PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException {
        if (started) {
            return null;
        }
        started = true;
        String c = "r." + PostgresIdentifiers.quote(cursor.name());
        String cast = "CAST(? AS " + cursor.type().sqlName() + ")";
        String keys = String.join(", ", keyExpressions);
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(dataColumns)
                .append(", ")
                .append(c)
                .append(", ")
                .append(keys)
                .append(" FROM ")
                .append(relation.sqlName())
                .append(" AS r WHERE ")
                .append(c)
                .append(" IS NOT NULL");
        List<String> params = new ArrayList<>();
        if (value != null && tiesComplete) {
            sql.append(" AND ").append(c).append(" >= ").append(cast);
            params.add(value);
        } else if (value != null) {
            sql.append(" AND (")
                    .append(c)
                    .append(", ")
                    .append(keys)
                    .append(") > (")
                    .append(cast)
                    .append(", ")
                    .append(keyTypes.stream().map(t -> "CAST(? AS " + t + ")").collect(Collectors.joining(", ")))
                    .append(")");
            params.add(value);
            params.addAll(lastKey);
        }
        sql.append(" ORDER BY ").append(c).append(", ").append(keys);
        PreparedStatement ps = TableScan.streaming(connection, sql.toString(), fetchSize);
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, params.get(i));
        }
        return ps;
    }

    @Override
    public boolean accept(ResultSet row) throws SQLException {
        String c = row.getString(cursorIndex);
        String[] k = new String[keyExpressions.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = row.getString(cursorIndex + 1 + i);
        }
        List<String> key = Arrays.asList(k);
        if (value != null && cursor.type().kind().sameValue(c, value)) {
            if (tiesComplete && ties.contains(key)) {
                return false;
            }
            if (tiesComplete) {
                ties.add(key);
                tieChars += chars(key);
                if (ties.size() > MAX_TIES || tieChars > MAX_TIE_CHARS) {
                    tiesComplete = false;
                    ties.clear();
                    tieChars = 0;
                }
            }
        } else {
            value = c;
            ties.clear();
            ties.add(key);
            tieChars = chars(key);
            tiesComplete = true;
        }
        lastKey = key;
        return true;
    }

    private static int chars(List<String> key) {
        int n = 0;
        for (String part : key) {
            n += part == null ? 4 : part.length();
        }
        return n;
    }

    @Override
    public void save(ExecutionContext context) {
        context.putString(
                contextKey,
                new CursorPosition(cursor.name(), value, new ArrayList<>(ties), tiesComplete, lastKey).asString());
    }
}
