package app.homeward.homework;

import java.time.LocalTime;
import java.util.UUID;

/** An active plan as the client's reminder settings show it: its title (to the client only) and planned time. */
public record PlanTime(UUID assignmentId, String title, LocalTime timeOfDay) {
}
