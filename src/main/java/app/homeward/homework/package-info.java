/**
 * The homework loop's shared model: a plan assigned to a client (worksheet version, rationale, what/when/where,
 * schedule, obstacles and backup plan, confidence), its occurrences, the client's entries with reflections,
 * change requests and safety alerts; their repositories, events and clinic-wide pieces (the clinic's homework
 * settings in their own table, occurrence planning, import, data rights, reminder times). The work on it is split into parts of one concern each, in sub-packages: {@code plan}
 * (the therapist's plans), {@code portal} (the client's side), {@code review} (entries, change requests,
 * alerts, before the session) and {@code adherence} (adherence, caseload rows, measures report).
 * Entities and repositories are public so the parts can share them; {@code ArchitectureTest} keeps them
 * inside this module and the parts off each other (decision 0011).
 */
package app.homeward.homework;
