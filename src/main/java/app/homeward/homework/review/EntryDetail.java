package app.homeward.homework.review;

import app.homeward.homework.Reflection;
import app.homeward.worksheet.ScoreResult;
import app.homeward.worksheet.WorksheetDocument;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A submitted entry as the therapist reviews it: answers, score and severity, reflection, feedback. */
public record EntryDetail(UUID entryId, UUID clientId, String clientName, String title, WorksheetDocument document,
                          Map<String, Object> answers, ScoreResult score, Reflection reflection, Instant submittedAt,
                          String feedback, Map<String, String> answerFeedback, Instant reviewedAt,
                          String clientLanguage) {
}
