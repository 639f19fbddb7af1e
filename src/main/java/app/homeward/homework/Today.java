package app.homeward.homework;

import java.time.ZoneId;
import java.util.List;

/**
 * The client's home: choices waiting for them, due now, overdue (the last two weeks, still open),
 * and the coming week; times are in {@code zone}, the client's own time zone.
 */
public record Today(List<ChoiceCard> choices, List<HomeworkCard> dueNow, List<HomeworkCard> overdue,
                    List<HomeworkCard> comingUp, ZoneId zone) {

    public Today(List<HomeworkCard> dueNow, List<HomeworkCard> overdue, List<HomeworkCard> comingUp) {
        this(List.of(), dueNow, overdue, comingUp, null);
    }

    public boolean empty() {
        return choices.isEmpty() && dueNow.isEmpty() && overdue.isEmpty() && comingUp.isEmpty();
    }
}
