/**
 * The homework loop: a plan assigned to a client (worksheet version, rationale, what/when/where,
 * schedule, obstacles and backup plan, confidence), its occurrences, the client's entries with
 * reflections, the therapist's review and feedback, change requests, safety alerts, adherence.
 */
package app.homeward.homework;
