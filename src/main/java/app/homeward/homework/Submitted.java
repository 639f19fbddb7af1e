package app.homeward.homework;

/** The entry is in; if a measure raised an alert, the clinic's crisis message is shown at once. */
public record Submitted(long lock, boolean alerted, String crisisMessage) {
}
