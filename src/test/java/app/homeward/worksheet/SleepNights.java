package app.homeward.worksheet;

import java.util.HashMap;
import java.util.Map;

/** One night of a sleep diary as its table row holds it, for the tests of the sleep efficiency figure. */
public final class SleepNights {

    private SleepNights() {
    }

    /** Times as "HH:mm" (null or "" for none), durations in minutes (null for none). */
    public static Map<String, Object> night(String bedtime, String tried, Integer toSleep, Integer awake, String wokeUp,
                                            String gotUp) {
        Map<String, Object> row = new HashMap<>();
        row.put("bedtime", bedtime);
        row.put("tried", tried);
        row.put("to_sleep", toSleep);
        row.put("awake", awake);
        row.put("woke_up", wokeUp);
        row.put("got_up", gotUp);
        return row;
    }
}
