/**
 * The caseload: a therapist's clients (invited, active, archived), their time zone and language,
 * next session, simplified mode, and simple goals. Homework builds on this module.
 */
package app.homeward.client;
