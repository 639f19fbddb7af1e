package app.homeward.architecture.planted;

import app.homeward.architecture.planted.portal.PlantedPortal;

/**
 * A module shaped like homework, for {@code ArchitectureTest}'s rule on its parts: this root is the shared
 * model, which here wrongly knows a part ({@code portal}); the portal part wrongly uses the review part.
 */
public final class PlantedParts {

    public record SharedRecord(String name) {
    }

    PlantedPortal portal() {
        return new PlantedPortal();
    }
}
