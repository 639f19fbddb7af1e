package app.homeward.homework.review;

import java.time.Instant;
import java.util.UUID;

/** A submitted entry waiting for the therapist's review. */
public record ReviewItem(UUID entryId, UUID clientId, String clientName, String title, Instant submittedAt,
                        Integer score, String band, int alerts, Integer percentDone) {
}
