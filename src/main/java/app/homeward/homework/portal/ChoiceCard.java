package app.homeward.homework.portal;

import app.homeward.homework.Schedule;
import java.util.List;
import java.util.UUID;

/**
 * "Choose your homework": the worksheets the therapist offered, each with its title and why it
 * helps, and the plan that applies to whichever the client picks ({@code rationale} may be blank:
 * the chosen worksheet's own reason is used then).
 */
public record ChoiceCard(UUID assignmentId, String rationale, String what, String when, String where,
                         Schedule schedule, List<Option> options) {

    /** One worksheet to choose. */
    public record Option(UUID id, String title, String why) {
    }
}
