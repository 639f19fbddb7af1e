/**
 * Reminder screens: the client's reminder settings, the unsubscribe page, a client's reminders and
 * delivery log for the therapist, and the clinic's reminder rules (a section of clinic settings).
 */
@org.springframework.modulith.NamedInterface("ui")
package app.homeward.reminder.ui;
