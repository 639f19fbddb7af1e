package app.homeward.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;

/** The calm centred card every public page (sign-in, signup, reset, invitation) sits in. */
public class PublicPage extends Main {

    private final Div card = new Div();
    private Component languageSwitch;

    public PublicPage() {
        addClassName("public-page");
        card.addClassName("public-card");
        add(card);
    }

    /** For longer forms such as signup. */
    protected void useWideCard() {
        card.addClassName("public-card--wide");
    }

    protected void setCardContent(Component... components) {
        card.removeAll();
        card.add(components);
    }

    protected void addToCard(Component... components) {
        card.add(components);
    }

    /** Shows the language switch under the card (one at a time); see {@link PageLanguage#switcher}. */
    protected void setLanguageSwitch(Component languageSwitch) {
        if (this.languageSwitch != null) {
            remove(this.languageSwitch);
        }
        this.languageSwitch = languageSwitch;
        add(languageSwitch);
    }

    protected H1 title(String text) {
        H1 h1 = new H1(text);
        h1.addClassName("public-title");
        return h1;
    }
}
