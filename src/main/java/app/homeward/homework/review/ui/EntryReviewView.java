package app.homeward.homework.review.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PageLinks;
import app.homeward.base.ui.RouteIds;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Reflection;
import app.homeward.homework.review.EntryDetail;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.ui.ClientFormat;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.ui.WorksheetForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * /app/entries/{id}: one submitted entry, read as the client wrote it, with its score and the
 * client's reflection, and the therapist's feedback: overall (with a few phrases that praise the
 * effort, not only the result) and on single answers. Marking it reviewed shows the feedback to the
 * client; an entry already reviewed can have its feedback updated.
 */
@Route("app/entries/:id")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class EntryReviewView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Praise phrases offered as one-click additions to the feedback. */
    static final List<String> PRAISE_KEYS = List.of("review.praise.effort", "review.praise.kept-going",
            "review.praise.noticing", "review.praise.honest");

    // public: the homework loop's view test (homework.ui) reviews the entry it followed from the portal
    public final TextArea feedback = new TextArea();
    final Map<String, TextField> answerComments = new LinkedHashMap<>();
    final Div praise = new Div();
    final Forms.FormAlert alert = new Forms.FormAlert();
    public Button markReviewed;
    Details answerDetails;
    public WorksheetForm form;
    public EntryDetail detail;

    private final ReviewService reviews;
    private final ZoneId clinicZone;

    public EntryReviewView(ReviewService reviews, ClinicDirectory clinics) {
        this.reviews = reviews;
        this.clinicZone = clinics.currentTimeZone();
        addClassName("page");
        addClassName("entry-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        detail = reviews.entry(RouteIds.uuid(event, "id"));
        render();
    }

    private void render() {
        removeAll();
        answerComments.clear();
        RouterLink back = new RouterLink(getTranslation("review.back"), ReviewQueueView.class);
        back.addClassName("back-link");
        H1 title = new H1(detail.title());
        title.setId("entry-title");
        RouterLink client = PageLinks.to(detail.clientName(), "app/clients/" + detail.clientId());
        client.setId("entry-client");
        Span sent = new Span(getTranslation("review.sent", Dates.dateTime(detail.submittedAt(), clinicZone, getLocale())));
        Div meta = new Div(client, sent);
        meta.addClassName("entry-meta");
        if (detail.reviewedAt() != null) {
            meta.add(ClientFormat.badge(getTranslation("review.reviewed"), "active"));
        }
        add(back, title, meta);

        add(new H2(getTranslation("review.reflection.title")), reflection(detail.reflection()));

        form = new WorksheetForm(detail.document(), detail.answers(), WorksheetForm.Mode.READ_ONLY);
        form.showScore(detail.score());
        form.setId("entry-answers");
        add(new H2(getTranslation("review.answers.title")), form);

        add(new H2(getTranslation("review.feedback.title")), feedbackSection());
    }

    private Div reflection(Reflection reflection) {
        Div box = new Div();
        box.setId("entry-reflection");
        box.addClassName("entry-reflection");
        if (reflection == null) {
            Paragraph none = new Paragraph(getTranslation("review.reflection.none"));
            none.addClassName("empty-state");
            box.add(none);
            return box;
        }
        DescriptionList list = new DescriptionList();
        list.add(new DescriptionList.Term(getTranslation("review.reflection.done")),
                new DescriptionList.Description(reflection.percentDone() + " %"));
        list.add(new DescriptionList.Term(getTranslation("review.reflection.difficulty")),
                new DescriptionList.Description(outOfTen(reflection.difficulty())));
        list.add(new DescriptionList.Term(getTranslation("review.reflection.helpful")),
                new DescriptionList.Description(outOfTen(reflection.helpful())));
        String obstacles = reflection.obstacles().isEmpty() ? getTranslation("review.reflection.no-obstacles")
                : reflection.obstacles().stream().sorted().map(Obstacle::messageKey).map(this::getTranslation)
                .collect(Collectors.joining(", "));
        list.add(new DescriptionList.Term(getTranslation("review.reflection.obstacles")),
                new DescriptionList.Description(obstacles));
        box.add(list);
        if (!reflection.note().isBlank()) {
            Paragraph note = new Paragraph(reflection.note());
            note.addClassName("client-quote");
            box.add(note);
        }
        return box;
    }

    private String outOfTen(Integer value) {
        return value == null ? ClientFormat.NONE : getTranslation("review.reflection.out-of-ten", value);
    }

    private Div feedbackSection() {
        Div section = new Div();
        section.addClassName("form-section");
        section.addClassName("entry-feedback");
        if (detail.reviewedAt() != null) {
            Paragraph reviewed = new Paragraph(getTranslation("review.reviewed.note",
                    Dates.dateTime(detail.reviewedAt(), clinicZone, getLocale()), detail.clientName()));
            reviewed.setId("reviewed-note");
            reviewed.addClassName("form-alert");
            reviewed.addClassName("form-alert--info");
            section.add(reviewed);
        }

        feedback.setLabel(getTranslation("review.feedback"));
        feedback.setId("review-feedback");
        feedback.setHelperText(getTranslation("review.feedback.help", detail.clientName()));
        feedback.setMaxLength(4000);
        feedback.setMinRows(3);
        feedback.setWidthFull();
        feedback.setValue(detail.feedback() == null ? "" : detail.feedback());

        praise.removeAll();
        praise.addClassName("praise-buttons");
        praise.setId("praise");
        praise.getElement().setAttribute("role", "group");
        // the phrases go into feedback the client reads, so they are in the client's language, and the
        // label says so when that is not the therapist's own
        Locale clientLanguage = Locale.forLanguageTag(detail.clientLanguage());
        boolean otherLanguage = !clientLanguage.getLanguage().equals(getLocale().getLanguage());
        Span praiseLabel = new Span(otherLanguage
                ? getTranslation("review.praise.label.in", getTranslation("language." + clientLanguage.getLanguage()))
                : getTranslation("review.praise.label"));
        praiseLabel.setId("praise-label");
        praiseLabel.addClassName("praise-label");
        praise.getElement().setAttribute("aria-labelledby", "praise-label");
        praise.add(praiseLabel);
        for (String key : PRAISE_KEYS) {
            String phrase = getTranslation(clientLanguage, key);
            Button add = new Button(phrase, VaadinIcon.PLUS.create(), e -> addPhrase(phrase));
            add.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            add.addClassName("praise-button");
            praise.add(add);
        }

        Div comments = new Div();
        comments.addClassName("answer-comments");
        Map<String, String> given = detail.answerFeedback() == null ? Map.of() : detail.answerFeedback();
        for (Field field : detail.document().fields()) {
            if (!field.answerable()) {
                continue;
            }
            TextField comment = new TextField(field.label() == null || field.label().isBlank() ? field.key() : field.label());
            comment.setId("comment-" + field.key());
            comment.setMaxLength(1000);
            comment.setWidthFull();
            comment.setValue(given.getOrDefault(field.key(), ""));
            answerComments.put(field.key(), comment);
            comments.add(comment);
        }
        answerDetails = new Details(getTranslation("review.comments"), comments);
        answerDetails.setId("answer-comments");
        answerDetails.setOpened(!given.isEmpty());
        answerDetails.setVisible(!answerComments.isEmpty());

        markReviewed = new Button(getTranslation(detail.reviewedAt() == null ? "review.mark" : "review.update"),
                VaadinIcon.CHECK.create(), e -> save());
        markReviewed.setId("mark-reviewed");
        markReviewed.addThemeVariants(ButtonVariant.PRIMARY);
        section.add(alert, feedback, praise, answerDetails, markReviewed);
        return section;
    }

    private void addPhrase(String phrase) {
        String current = feedback.getValue() == null ? "" : feedback.getValue().stripTrailing();
        feedback.setValue(current.isEmpty() ? phrase : current + " " + phrase);
        feedback.focus();
    }

    private void save() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("feedback", feedback);
        Forms.clear(fields, alert);
        answerComments.values().forEach(c -> c.setInvalid(false));
        Map<String, String> perAnswer = new LinkedHashMap<>();
        answerComments.forEach((key, comment) -> perAnswer.put(key, comment.getValue()));
        try {
            reviews.review(detail.entryId(), feedback.getValue(), perAnswer);
            Forms.notifySuccess(getTranslation("review.saved", detail.clientName()));
            UI.getCurrent().navigate(ReviewQueueView.class);
        } catch (DomainException problem) {
            Forms.show(problem, fields, alert, this);
        }
    }

    @Override
    public String getPageTitle() {
        return (detail == null ? getTranslation("review.title") : detail.title()) + " · Homeward";
    }
}
