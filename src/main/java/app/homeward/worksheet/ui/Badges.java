package app.homeward.worksheet.ui;

import com.vaadin.flow.component.html.Span;

/** Small text labels ("Built-in", "Draft", "Shared with the clinic") used in lists and headers. */
final class Badges {

    private Badges() {
    }

    static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.addClassName("badge");
        if (variant != null) {
            badge.addClassName("badge--" + variant);
        }
        return badge;
    }
}
