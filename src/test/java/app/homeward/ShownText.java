package app.homeward;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.dom.Element;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a browserless page shows and says: its text nodes and the properties and attributes people read or hear
 * (labels, placeholders, helper and error texts, titles, headers, aria-labels), from the top of the page below
 * {@code <body>} — the layout (navigation, header) and the view in it. For the tests that check a page's words.
 */
public final class ShownText {

    private ShownText() {
    }

    /** Every text of the page the view is on, in document order. */
    public static List<String> ofPage(HasElement view) {
        // the router's wrapper is a virtual child of the body, which getChildren() does not list: climb to it
        Element top = view.getElement();
        while (top.getParent() != null && !"body".equals(top.getParent().getTag())) {
            top = top.getParent();
        }
        List<String> shown = new ArrayList<>();
        collect(top, shown);
        return shown;
    }

    /**
     * All the text under one component as the browser will show it, run together as
     * {@link Element#getTextRecursively()} does, and with the text of markup set as {@code innerHTML}
     * (charts' tables, facts: {@code base.ui.Markup}), which Vaadin's own recursion does not see.
     */
    public static String of(HasElement component) {
        List<String> texts = new ArrayList<>();
        collectText(component.getElement(), texts);
        return String.join("", texts);
    }

    private static void collectText(Element element, List<String> into) {
        if (element.isTextNode()) {
            into.add(element.getText());
            return;
        }
        markupText(element).ifPresent(into::add);
        element.getChildren().forEach(child -> collectText(child, into));
    }

    private static Optional<String> markupText(Element element) {
        if (!element.hasProperty("innerHTML")) {
            return Optional.empty();
        }
        return Optional.of(Jsoup.parseBodyFragment(element.getProperty("innerHTML", "")).text());
    }

    private static void collect(Element element, List<String> into) {
        if (element.isTextNode()) {
            into.add(element.getText());
            return;
        }
        markupText(element).ifPresent(into::add);
        for (String property : List.of("label", "placeholder", "helperText", "errorMessage", "title", "headerTitle",
                "header", "text")) {
            if (element.hasProperty(property) && element.getProperty(property) != null) {
                into.add(element.getProperty(property));
            }
        }
        for (String attribute : List.of("aria-label", "title", "placeholder", "label")) {
            if (element.hasAttribute(attribute)) {
                into.add(element.getAttribute(attribute));
            }
        }
        element.getChildren().forEach(child -> collect(child, into));
    }
}
