package app.homeward.worksheet;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Sleep efficiency for one night of a sleep diary: the share of the time in bed spent asleep, the figure
 * insomnia treatment (sleep restriction, CBT-I) is steered by. Time in bed runs from getting into bed to getting
 * up; time asleep from trying to sleep (lights out; bedtime when not given) to the last waking, less the time it
 * took to fall asleep and the time awake in the night. Times after midnight are the next day.
 *
 * <p>A table declares it with {@code summary: sleep-efficiency} and needs these columns: {@code bedtime},
 * {@code woke_up} and {@code got_up} (times), {@code to_sleep} and {@code awake} (durations in minutes), and
 * optionally {@code tried} (a time).
 */
public record SleepEfficiency(int percent, int minutesAsleep, int minutesInBed) {

    public static final String NAME = "sleep-efficiency";

    /** Whether a table has the columns the figure is worked out from, of the right types. */
    static boolean fits(FieldTypes.Table table) {
        return has(table, "bedtime", FieldType.TIME) && has(table, "woke_up", FieldType.TIME)
                && has(table, "got_up", FieldType.TIME) && has(table, "to_sleep", FieldType.DURATION)
                && has(table, "awake", FieldType.DURATION)
                && table.columns().stream().noneMatch(c -> c.key().equals("tried") && c.type() != FieldType.TIME);
    }

    private static boolean has(FieldTypes.Table table, String key, FieldType type) {
        return table.columns().stream().anyMatch(c -> c.key().equals(key) && c.type() == type);
    }

    /**
     * The night's figure from a row's answers, or null while something it needs is missing or the times do not
     * add up (more time asleep than in bed, or none in bed). Durations left empty count as none.
     */
    public static SleepEfficiency of(Map<?, ?> row) {
        LocalTime bedtime = time(row.get("bedtime"));
        LocalTime wokeUp = time(row.get("woke_up"));
        LocalTime gotUp = time(row.get("got_up"));
        if (bedtime == null || wokeUp == null || gotUp == null) {
            return null;
        }
        LocalTime tried = time(row.get("tried"));
        LocalTime lightsOut = tried == null ? bedtime : tried;
        long inBed = minutesBetween(bedtime, gotUp);
        long asleep = minutesBetween(lightsOut, wokeUp) - minutes(row.get("to_sleep")) - minutes(row.get("awake"));
        // trying to sleep starts after getting into bed and the last waking comes before getting up
        boolean inOrder = minutesBetween(bedtime, lightsOut) + minutesBetween(lightsOut, wokeUp) <= inBed;
        if (inBed <= 0 || asleep < 0 || !inOrder) {
            return null;
        }
        return new SleepEfficiency((int) Math.round(100.0 * asleep / inBed), (int) asleep, (int) inBed);
    }

    /** Minutes from one clock time to the next time the clock shows the other (past midnight if need be). */
    private static long minutesBetween(LocalTime from, LocalTime to) {
        long minutes = Duration.between(from, to).toMinutes();
        return minutes < 0 ? minutes + 24 * 60 : minutes;
    }

    private static LocalTime time(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long minutes(Object value) {
        return value instanceof Number n ? Math.max(0, n.longValue()) : 0;
    }
}
