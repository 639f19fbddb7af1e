package app.homeward.homework.portal;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's homework schedule as an iCalendar file (ical4j): one event per occurrence still to
 * come, at its due instant (in UTC, so every calendar shows it at the client's local time). The
 * event says "Homework" and the clinic's name, with a link to the portal: nothing clinical, since
 * calendars are shared and synced in places we do not control.
 */
final class HomeworkCalendar {

    private HomeworkCalendar() {
    }

    static String render(String summary, String description, URI portal, List<Slot> slots) {
        Calendar calendar = new Calendar().withProdId("-//Homeward//Homework//EN").withDefaults().getFluentTarget();
        for (Slot slot : slots) {
            VEvent event = new VEvent(slot.due(), Duration.ofMinutes(15), summary);
            event.add(new Uid(slot.occurrenceId() + "@homeward"));
            event.add(new Description(description));
            event.add(new Url(portal));
            calendar.add(event);
        }
        return calendar.toString();
    }

    /** One occurrence: its id (a stable event UID, so re-importing updates rather than duplicates) and when. */
    record Slot(UUID occurrenceId, Instant due) {
    }
}
