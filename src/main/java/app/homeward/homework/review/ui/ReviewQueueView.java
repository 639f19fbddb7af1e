package app.homeward.homework.review.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.PageLinks;
import app.homeward.base.ui.PhoneColumns;
import app.homeward.homework.review.ReviewItem;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.ui.ClientFormat;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.List;

/**
 * /app/review: what clients have sent and nobody has reviewed yet, oldest first (the clinic's, for
 * admins). Entries that raised a safety alert are marked; each opens the entry to review.
 */
@Route("app/review")
@Menu(title = "nav.review", order = 15, icon = "INBOX")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class ReviewQueueView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    // public: the homework loop's view test (homework.ui) follows an entry from the client's portal into review
    public final Grid<ReviewItem> grid = new Grid<>();
    final Paragraph count = new Paragraph();
    final Paragraph emptyState = new Paragraph();
    private final ReviewService reviews;
    private final ZoneId clinicZone;

    public ReviewQueueView(ReviewService reviews, ClinicDirectory clinics) {
        this.reviews = reviews;
        this.clinicZone = clinics.currentTimeZone();
        addClassName("page");
        addClassName("review-page");

        grid.setId("review-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        // on a phone the homework column carries the others as lines (base.ui.PhoneColumns)
        PhoneColumns<ReviewItem> phone = new PhoneColumns<>(grid);
        phone.first(this::titleCell).setHeader(getTranslation("review.col.homework")).setKey("homework")
                .setFlexGrow(2).setFrozen(true);
        phone.folded(getTranslation("review.col.client"), item -> PageLinks.to(item.clientName(), "app/clients/" + item.clientId()))
                .setKey("client").setFlexGrow(1);
        phone.foldedText(getTranslation("review.col.sent"), item -> Dates.dateTime(item.submittedAt(), clinicZone, getLocale()))
                .setKey("sent").setAutoWidth(true);
        phone.foldedText(getTranslation("review.col.score"), item -> ClientFormat.score(item.score(), item.band(), this))
                .setKey("score").setAutoWidth(true);
        phone.foldedText(getTranslation("review.col.done"),
                        item -> item.percentDone() == null ? ClientFormat.NONE : item.percentDone() + " %")
                .setKey("done").setAutoWidth(true);
        phone.folded(getTranslation("review.col.attention"), this::attentionCell).setKey("attention").setAutoWidth(true);

        count.addClassName("library-count");
        count.getElement().setAttribute("aria-live", "polite");
        emptyState.setText(getTranslation("review.empty"));
        emptyState.addClassName("empty-state");
        emptyState.setId("review-empty");
        Paragraph intro = new Paragraph(getTranslation("review.intro"));
        intro.addClassName("page-intro");
        grid.setEmptyStateComponent(emptyState);
        add(new H1(getTranslation("review.title")), intro, count, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private Component titleCell(ReviewItem item) {
        RouterLink link = new RouterLink(item.title(), EntryReviewView.class,
                new RouteParameters("id", item.entryId().toString()));
        link.addClassName("review-link");
        return link;
    }

    private Component attentionCell(ReviewItem item) {
        if (item.alerts() == 0) {
            return new Span();
        }
        return ClientFormat.badge(getTranslation("review.attention"), "alert");
    }

    private void refresh() {
        List<ReviewItem> items = reviews.reviewQueue();
        grid.setItems(items);
        count.setText(getTranslation("review.count", items.size()));
        count.setVisible(!items.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.title") + " · Homeward";
    }
}
