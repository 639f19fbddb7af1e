/**
 * The therapist's review of what happened between sessions: entries to review and feedback on them, the
 * client's change requests, safety alerts and their acknowledgement, and the page before a session. Reads the
 * shared model in {@code homework}; the client pages use it through the named interface "review".
 * {@code AlertSummary} and {@code ChangeRequestSummary} stay in the shared model: the data-rights export and the
 * reminder feature's alert emails use them too.
 */
@org.springframework.modulith.NamedInterface("review")
package app.homeward.homework.review;
