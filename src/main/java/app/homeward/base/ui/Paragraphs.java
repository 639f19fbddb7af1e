package app.homeward.base.ui;

import com.vaadin.flow.component.html.Paragraph;

/** Paragraphs of a kind the theme styles: a notice, a quiet aside, an empty state. */
public final class Paragraphs {

    private Paragraphs() {
    }

    /** {@code text} in a paragraph with the theme's class for it ("notice", "quiet", "empty-state"). */
    public static Paragraph of(String text, String className) {
        Paragraph p = new Paragraph(text);
        p.addClassName(className);
        return p;
    }
}
