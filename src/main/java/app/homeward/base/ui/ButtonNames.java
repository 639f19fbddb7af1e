package app.homeward.base.ui;

import com.vaadin.flow.component.button.Button;

/**
 * Names a repeated button after what it acts on ("Change plan: Thought record"), so a screen-reader
 * user can tell ten "Change plan" buttons apart, while the accessible name still begins with the words
 * on the button (WCAG 2.5.3, label in name): a speech-input user says what they see, "click Change plan",
 * and it works. Building the name from the button's own text keeps the two in step in every language.
 */
public final class ButtonNames {

    private ButtonNames() {
    }

    /** Sets the accessible name to the button's visible text, a colon, and the object's name. */
    public static <B extends Button> B of(B button, String object) {
        button.setAriaLabel(button.getText() + ": " + object);
        return button;
    }
}
