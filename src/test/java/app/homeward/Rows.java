package app.homeward;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedCaseInsensitiveMap;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Many rows fast, for the query-budget tests: one row made through the real services is read back
 * and copied {@code n} times with one batched insert (a new id each, and whatever the caller changes),
 * so 1,000 entries, clients or worksheets take well under a second and the copies are exactly the
 * shape the services write. Every read and copy stays in the row's clinic.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * Copies row {@code id} of {@code table} (in {@code clinicId}) {@code n} times; {@code change} gets
     * the copy's index and its column values (by column name, any case) to adjust. Returns the new ids.
     */
    public static List<UUID> copy(JdbcTemplate jdbc, String table, UUID clinicId, UUID id, int n,
                                  BiConsumer<Integer, Map<String, Object>> change) {
        Map<String, Object> original = jdbc.queryForMap("select * from " + table + " where id = ? and clinic_id = ?",
                id.toString(), clinicId.toString());
        List<String> columns = new ArrayList<>(original.keySet());
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        List<UUID> ids = new ArrayList<>(n);
        List<Object[]> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedCaseInsensitiveMap<>();
            row.putAll(original);
            UUID copyId = UUID.randomUUID();
            row.put("id", copyId.toString());
            change.accept(i, row);
            ids.add(copyId);
            batch.add(columns.stream().map(row::get).toArray());
        }
        for (int from = 0; from < batch.size(); from += 500) {
            jdbc.batchUpdate(sql, batch.subList(from, Math.min(batch.size(), from + 500)));
        }
        return ids;
    }

    /** The same instant {@code days} earlier (a {@link Timestamp} column). */
    public static Object daysEarlier(Object timestamp, long days) {
        if (timestamp == null) {
            return null;
        }
        if (timestamp instanceof Timestamp t) {
            return Timestamp.from(t.toInstant().minus(Duration.ofDays(days)));
        }
        if (timestamp instanceof LocalDateTime t) {
            return t.minusDays(days);
        }
        if (timestamp instanceof OffsetDateTime t) {
            return t.minusDays(days);
        }
        throw new IllegalArgumentException("not a timestamp: " + timestamp.getClass());
    }

    /** The same date {@code days} earlier (a {@link Date} column). */
    public static Object dateDaysEarlier(Object date, long days) {
        if (date instanceof Date d) {
            return Date.valueOf(d.toLocalDate().minusDays(days));
        }
        if (date instanceof LocalDate d) {
            return d.minusDays(days);
        }
        throw new IllegalArgumentException("not a date: " + date);
    }
}
