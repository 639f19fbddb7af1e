package app.homeward.homework;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How it went, from the client, after submitting: how much they did (0–100 %), how hard (0–10) and
 * how helpful (0–10) it was, what got in the way, and a note.
 */
public record Reflection(int percentDone, Integer difficulty, Integer helpful, Set<Obstacle> obstacles, String note) {

    public Reflection {
        obstacles = obstacles == null || obstacles.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(obstacles));
        note = note == null ? "" : note;
    }
}
