package app.homeward.homework;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What might get in the way (planned with the client) or did (reported in a reflection). */
public enum Obstacle {
    FORGETTING, NO_TIME, AVOIDANCE, PRIVACY, NOT_SURE_HOW, LOW_MOOD,
    /** A doubt, not a practical obstacle: heard first in the before-session review (issue 14). */
    UNSURE_IT_HELPS,
    OTHER;

    public String messageKey() {
        return "obstacle." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String join(Set<Obstacle> obstacles) {
        return obstacles.stream().sorted().map(Enum::name).reduce((a, b) -> a + "," + b).orElse("");
    }

    static Set<Obstacle> split(String stored) {
        EnumSet<Obstacle> set = EnumSet.noneOf(Obstacle.class);
        if (stored != null && !stored.isBlank()) {
            for (String name : stored.split(",")) {
                set.add(Obstacle.valueOf(name));
            }
        }
        return set;
    }
}
