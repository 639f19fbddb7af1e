package app.homeward.security.ui;

import com.vaadin.flow.component.textfield.TextField;

/** A field for a code from an authenticator app (or a recovery code): the phone's numeric keypad, no autocorrect. */
final class CodeField {

    private CodeField() {
    }

    static TextField create(String label, String id) {
        TextField code = new TextField(label);
        code.setId(id);
        code.setWidthFull();
        code.setMaxLength(32);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("autocapitalize", "off");
        code.getElement().setAttribute("spellcheck", "false");
        code.addClassName("code-field");
        return code;
    }
}
