package app.homeward.homework.portal;

import app.homeward.homework.EntryState;
import app.homeward.homework.Reflection;
import app.homeward.worksheet.WorksheetDocument;

import java.time.Instant;
import java.util.Map;

/**
 * An occurrence opened to work on: the card, the worksheet version it was given, the answers
 * saved so far and the lock to save with (null before the first save). {@code crisisText}: the clinic's crisis
 * line in the client's language for a worksheet whose instructions show it (null: the portal's neutral default).
 */
public record OpenEntry(HomeworkCard card, WorksheetDocument document, Map<String, Object> answers, Long lock,
                        EntryState state, Instant savedAt, boolean simplified, Reflection reflection,
                        String feedback, Map<String, String> answerFeedback, String clinicName, String crisisText) {
}
