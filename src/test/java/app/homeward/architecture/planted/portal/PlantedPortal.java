package app.homeward.architecture.planted.portal;

import app.homeward.architecture.planted.PlantedParts;
import app.homeward.architecture.planted.review.PlantedReview;

/** A client-side part that reaches into the review part (a violation unless declared) and the shared model (fine). */
public final class PlantedPortal {

    String feedback(PlantedReview review) {
        return review.feedback(new PlantedParts.SharedRecord("entry"));
    }
}
