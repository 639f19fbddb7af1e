package app.homeward.base.ui;

import com.vaadin.flow.component.html.Div;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Map;

/**
 * Read-only text that a page shows but never changes on its own, sent as one element's markup instead of an
 * element per piece. Every element of an open page is held in the server's session for as long as the page is
 * open (about 0.5–1 kB each with its features; bench/session-memory, decision 0043); a label and its value as
 * components are five. The markup is built with jsoup, which escapes every text: nothing a person typed can
 * become markup. The browser builds the same elements, so styles and screen readers see what they saw.
 */
public final class Markup {

    private Markup() {
    }

    /**
     * Label–value facts ("Therapist: Dana") in a {@code div} of the given class: each fact a
     * {@code div.client-fact} holding {@code span.client-fact-label} and {@code span.client-fact-value}, as the
     * theme styles them. Facts keep their order.
     */
    public static Div facts(String className, Map<String, String> facts) {
        Element root = root();
        facts.forEach((label, value) -> {
            Element fact = root.appendElement("div").addClass("client-fact");
            fact.appendElement("span").addClass("client-fact-label").text(label);
            fact.appendElement("span").addClass("client-fact-value").text(value);
        });
        return withMarkup(root, className);
    }

    /** Paragraphs in a {@code div}. */
    public static Div paragraphs(List<String> texts) {
        Element root = root();
        texts.forEach(text -> root.appendElement("p").text(text));
        return withMarkup(root, null);
    }

    /** The text a {@code div} made here shows, for tests and for checks of a page's words. */
    public static String text(Div made) {
        return org.jsoup.Jsoup.parseBodyFragment(made.getElement().getProperty("innerHTML", "")).text();
    }

    private static Element root() {
        Document page = new Document("");
        page.outputSettings().prettyPrint(false);
        return page.appendElement("div");
    }

    private static Div withMarkup(Element root, String className) {
        Div div = new Div();
        if (className != null) {
            div.addClassName(className);
        }
        div.getElement().setProperty("innerHTML", root.html());
        return div;
    }
}
