package app.homeward.base.ui;

import app.homeward.base.NotFoundException;
import com.vaadin.flow.router.BeforeEnterEvent;

import java.util.UUID;

/** Ids in addresses ("app/clients/{id}"): one that is missing or not an id is a page that is not there. */
public final class RouteIds {

    private RouteIds() {
    }

    /** The route parameter {@code name} as an id; {@link NotFoundException} when it is missing or malformed. */
    public static UUID uuid(BeforeEnterEvent event, String name) {
        try {
            return UUID.fromString(event.getRouteParameters().get(name).orElse(""));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException();
        }
    }
}
