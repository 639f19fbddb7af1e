package app.homeward.homework;

import app.homeward.tenancy.CurrentClinic;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the listeners in the current transaction (the reminder outbox) that a client's homework changed: a
 * plan assigned, changed or ended, an occurrence made, done or skipped. Every part that changes a plan calls it.
 */
@Component
public class HomeworkChanges {

    private final ApplicationEventPublisher events;

    HomeworkChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void publish(Assignment assignment) {
        // the current clinic, not assignment.getClinicId(): a plan saved in this transaction may not have it yet
        events.publishEvent(new HomeworkChanged(CurrentClinic.id().orElseThrow(),
                assignment.getClientId()));
    }
}
