/**
 * Reminders and email delivery: client reminder choices, the transactional outbox of reminder
 * rows, the db-scheduler task that delivers them per clinic, and the delivery log.
 */
package app.homeward.reminder;
