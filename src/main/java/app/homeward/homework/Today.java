package app.homeward.homework;

import java.util.List;

/** The client's home: due now, overdue (the last two weeks, still open), and the coming week. */
public record Today(List<HomeworkCard> dueNow, List<HomeworkCard> overdue, List<HomeworkCard> comingUp) {

    public boolean empty() {
        return dueNow.isEmpty() && overdue.isEmpty() && comingUp.isEmpty();
    }
}
