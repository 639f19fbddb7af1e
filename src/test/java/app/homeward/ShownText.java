package app.homeward;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.dom.Element;

import java.util.ArrayList;
import java.util.List;

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

    private static void collect(Element element, List<String> into) {
        if (element.isTextNode()) {
            into.add(element.getText());
            return;
        }
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
