package app.homeward.homework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** An occurrence still to be done, as reminders see it: when, in which zone — never what. */
public record DueHomework(UUID occurrenceId, UUID assignmentId, UUID clientId, Instant dueAt, LocalDate localDate,
                          ZoneId zone) {

    /** For queries, which read the plan's zone as its id. */
    public DueHomework(UUID occurrenceId, UUID assignmentId, UUID clientId, Instant dueAt, LocalDate localDate,
                       String zone) {
        this(occurrenceId, assignmentId, clientId, dueAt, localDate, ZoneId.of(zone));
    }
}
