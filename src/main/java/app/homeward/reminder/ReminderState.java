package app.homeward.reminder;

/** pending → sending → sent; temporary failures go back to pending with a later attempt; failed and cancelled are final. */
public enum ReminderState {
    PENDING, SENDING, SENT, FAILED, CANCELLED;

    boolean done() {
        return this == SENT || this == FAILED || this == CANCELLED;
    }
}
