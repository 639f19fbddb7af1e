package app.homeward.base.ui;

import com.vaadin.flow.router.RouterLink;

/**
 * A router link by the page's address rather than its class. A view links to the pages of the features
 * it builds on by class; a link the other way (to the client page from the review queue, say) goes by
 * address, as the reminder and data-rights pages already do, so two features whose pages link to each
 * other do not depend on each other. The link is the same {@link RouterLink} either way (navigation
 * inside the app, highlighting), only its target is not checked when compiling.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /** @param address the page's route with its parameters filled in, without a leading slash */
    public static RouterLink to(String text, String address) {
        RouterLink link = new RouterLink();
        link.setText(text);
        link.getElement().setAttribute("href", address);
        return link;
    }
}
