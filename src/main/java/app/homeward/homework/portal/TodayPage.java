package app.homeward.homework.portal;

import java.time.ZoneId;
import java.util.List;

/**
 * Everything the client's home (Today, /my) shows, read in one call ({@link TodayService#today()}): choices
 * waiting for them, due now, overdue (the last two weeks, still open), and the coming week; times are in
 * {@code zone}, the client's own time zone. The page's read model (decision 0038).
 */
public record TodayPage(List<ChoiceCard> choices, List<HomeworkCard> dueNow, List<HomeworkCard> overdue,
                        List<HomeworkCard> comingUp, ZoneId zone, CrisisNotice crisis) {

    public TodayPage(List<HomeworkCard> dueNow, List<HomeworkCard> overdue, List<HomeworkCard> comingUp) {
        this(List.of(), dueNow, overdue, comingUp, null, null);
    }

    /**
     * The client's answers raised a safety alert that no clinician has acknowledged yet: Today keeps saying what
     * happens and where to turn until someone has. {@code clinicMessage}: the clinic's crisis line(s), or null
     * when the clinic has not added its own.
     */
    public record CrisisNotice(String clinicMessage) {
    }

    public boolean empty() {
        return choices.isEmpty() && dueNow.isEmpty() && overdue.isEmpty() && comingUp.isEmpty();
    }
}
