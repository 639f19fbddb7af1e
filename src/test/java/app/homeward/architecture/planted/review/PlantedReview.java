package app.homeward.architecture.planted.review;

import app.homeward.architecture.planted.PlantedParts;

/** The review part: uses only the shared model. */
public final class PlantedReview {

    public String feedback(PlantedParts.SharedRecord record) {
        return record.name();
    }
}
