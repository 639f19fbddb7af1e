package app.homeward.client.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.ButtonNames;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.RouteIds;
import app.homeward.client.pages.BeforeSessionPage;
import app.homeward.client.pages.ClientPages;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.ChangeRequestSummary;
import app.homeward.homework.Obstacle;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.adherence.ui.ClientAdherencePanel;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.review.BeforeSession;
import app.homeward.homework.review.ReviewService;
import app.homeward.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * /app/clients/{id}/before-session: the review to go through together at the start of a session.
 * The client's doubts first ("I'm not sure it will help"), then what was assigned, for which goal, and
 * what happened (done, partly done, missed), each missed or partly done day to be talked through, the
 * client's reflections and the obstacles they met, change requests and alerts; unfinished homework
 * carries over into a new plan after asking what got in the way. One read per showing ({@link BeforeSessionPage}).
 */
@Route("app/clients/:id/before-session")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class BeforeSessionView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientPages pages;
    private final HomeworkPlans homework;
    private final ReviewService reviews;
    private final Clock clock;
    private final AdherenceService adherence;
    final Select<Integer> period = new Select<>();
    private UUID clientId;

    public BeforeSessionView(ClientPages pages, HomeworkPlans homework, ReviewService reviews, AdherenceService adherence,
                             Clock clock) {
        this.pages = pages;
        this.clock = clock;
        this.homework = homework;
        this.reviews = reviews;
        this.adherence = adherence;
        addClassName("page");
        addClassName("before-session-page");
        period.setLabel(getTranslation("before.period"));
        period.setItems(7, 14, 28);
        period.setItemLabelGenerator(days -> getTranslation("before.period.days", days));
        period.setValue(7);
        period.addValueChangeListener(e -> { if (e.isFromClient()) { render(); } });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        clientId = RouteIds.uuid(event, "id");
        render();
    }

    void render() {
        Instant since = clock.instant().minus(Duration.ofDays(period.getValue()));
        BeforeSessionPage page = pages.beforeSession(clientId, since);
        BeforeSession review = page.review();
        removeAll();
        RouterLink back = new RouterLink(getTranslation("before.back", review.client().displayName()), ClientView.class,
                new RouteParameters("id", clientId.toString()));
        back.setId("before-back");
        back.addClassName("back-link");
        add(back, new H1(getTranslation("before.title", review.client().displayName())), period);
        add(new Paragraph(getTranslation("before.intro")));

        // doubts first: homework the client does not believe in is rarely done, however well it is planned
        if (!review.doubts().isEmpty()) {
            Div doubts = section("before.doubts");
            doubts.setId("before-doubts");
            doubts.add(quiet("before.doubts.intro"));
            UnorderedList list = new UnorderedList();
            for (BeforeSession.Doubt doubt : review.doubts()) {
                String said = getTranslation("before.doubt." + doubt.source().name().toLowerCase(Locale.ROOT),
                        doubt.title(), Dates.date(doubt.at(), review.client().timeZone(), getLocale()));
                list.add(new ListItem(doubt.note().isBlank() ? said : said + " \u2014 \u201c" + doubt.note() + "\u201d"));
            }
            doubts.add(list);
            add(doubts);
        }

        Div plans = section("before.assignments");
        if (review.assignments().isEmpty()) {
            plans.add(quiet("before.assignments.empty"));
        }
        for (BeforeSession.AssignmentOutcome outcome : review.assignments()) {
            Div row = new Div(new H3(outcome.title()));
            row.addClassName("before-row");
            if (!outcome.goal().isBlank()) {
                Paragraph goal = new Paragraph(getTranslation("before.goal", outcome.goal()));
                goal.addClassName("before-goal");
                row.add(goal);
            }
            row.add(new Paragraph(getTranslation("before.outcome", outcome.done(), outcome.partial(), outcome.missed(),
                    outcome.open())));
            if (outcome.unfinished()) {
                Button carry = new Button(getTranslation("before.carry"), e -> carryOver(outcome, review));
                carry.addThemeVariants(ButtonVariant.SMALL);
                ButtonNames.of(carry, outcome.title());
                row.add(carry);
            }
            plans.add(row);
        }

        Div missed = section("before.missed");
        missed.setId("before-missed");
        if (review.missed().isEmpty()) {
            missed.add(quiet("before.missed.empty"));
        } else {
            missed.add(quiet("before.missed.intro"));
        }
        for (BeforeSession.MissedItem item : review.missed()) {
            Div row = new Div(new H3(getTranslation("before.missed.item", item.title(),
                    Dates.date(item.date(), getLocale()), getTranslation("before.missed.state." + item.state().name().toLowerCase(Locale.ROOT)))));
            row.addClassName("before-row");
            if (item.discussedAt() != null) {
                row.add(new Paragraph(item.note().isBlank() ? getTranslation("before.missed.discussed")
                        : getTranslation("before.missed.discussed.note", item.note())));
            }
            Button discuss = new Button(getTranslation(item.discussedAt() == null ? "before.missed.discuss" : "before.missed.edit"),
                    e -> discuss(item));
            discuss.addThemeVariants(ButtonVariant.SMALL);
            ButtonNames.of(discuss, item.title() + ", " + Dates.date(item.date(), getLocale()));
            row.add(discuss);
            missed.add(row);
        }

        Div reflections = section("before.reflections");
        if (review.reflections().isEmpty()) {
            reflections.add(quiet("before.reflections.empty"));
        }
        for (BeforeSession.ReflectionItem item : review.reflections()) {
            var r = item.reflection();
            Div row = new Div(new H3(item.title() + " · " + Dates.dateTime(item.submittedAt(), review.client().timeZone(), getLocale())),
                    new Paragraph(getTranslation("before.reflection", r.percentDone(),
                            r.difficulty() == null ? "–" : r.difficulty(), r.helpful() == null ? "–" : r.helpful())));
            if (!r.note().isBlank()) {
                row.add(new Paragraph("\u201c" + r.note() + "\u201d"));
            }
            row.addClassName("before-row");
            reflections.add(row);
        }
        if (!review.obstaclesMet().isEmpty()) {
            UnorderedList met = new UnorderedList();
            review.obstaclesMet().forEach((o, n) -> met.add(new ListItem(getTranslation(o.messageKey()) + " · " + n)));
            reflections.add(new Paragraph(getTranslation("before.obstacles")), met);
        }

        Div requests = section("before.requests");
        if (review.changeRequests().isEmpty()) {
            requests.add(quiet("before.requests.empty"));
        }
        for (ChangeRequestSummary request : review.changeRequests()) {
            requests.add(new Paragraph(request.assignmentTitle() + ": "
                    + getTranslation("portal.change.reason." + request.reason().name().toLowerCase(Locale.ROOT))
                    + (request.note().isBlank() ? "" : " \u2014 " + request.note())));
        }
        Div alerts = section("before.alerts");
        if (review.alerts().isEmpty()) {
            alerts.add(quiet("before.alerts.empty"));
        }
        for (AlertSummary alert : review.alerts()) {
            Paragraph line = new Paragraph(alert.label() + " (" + alert.value() + ") · " + Dates.dateTime(alert.raisedAt(), review.client().timeZone(), getLocale())
                    + (alert.acknowledgedAt() == null ? " · " + getTranslation("before.alert.open") : ""));
            line.addClassName(alert.acknowledgedAt() == null ? "worksheet-alert" : "quiet");
            alerts.add(line);
        }
        // adherence over weeks (with its charts) after what happened since the last session
        add(plans, missed, reflections, requests, alerts, new ClientAdherencePanel(adherence, page.adherence(), page.measures()));
    }

    /** Marks a missed or partly done day as talked through, with what got in the way (optional). */
    private void discuss(BeforeSession.MissedItem item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("before.missed.dialog", item.title(), Dates.date(item.date(), getLocale())));
        TextField note = new TextField(getTranslation("before.missed.note"));
        note.setMaxLength(300);
        note.setWidthFull();
        note.setValue(item.note());
        note.setHelperText(getTranslation("before.missed.note.helper"));
        Forms.FormAlert alert = new Forms.FormAlert();
        Button save = new Button(getTranslation("before.missed.save"), e -> {
            try {
                reviews.markDiscussed(item.occurrenceId(), note.getValue());
                dialog.close();
                Forms.notifySuccess(getTranslation("before.missed.saved"));
                render();
            } catch (DomainException problem) {
                Forms.show(problem, Map.of("note", note), alert, this);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("missed-discussed-save");
        dialog.add(alert, note);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        note.focus();
    }

    /** "What got in the way?" first, then the same plan again from today. */
    private void carryOver(BeforeSession.AssignmentOutcome outcome, BeforeSession review) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("before.carry.title", outcome.title()));
        CheckboxGroup<Obstacle> inTheWay = new CheckboxGroup<>(getTranslation("before.carry.what"));
        inTheWay.setItems(Obstacle.values());
        inTheWay.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        inTheWay.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        TextField note = new TextField(getTranslation("before.carry.note"));
        note.setMaxLength(300);
        note.setWidthFull();
        // what the therapist noted while talking the missed days through is where the backup plan starts
        String noted = review.missed().stream().filter(m -> m.assignmentId().equals(outcome.assignmentId()))
                .map(BeforeSession.MissedItem::note).filter(n -> !n.isBlank()).distinct()
                .collect(Collectors.joining("; "));
        note.setValue(noted.length() > 300 ? noted.substring(0, 300) : noted);
        Forms.FormAlert alert = new Forms.FormAlert();
        Button confirm = new Button(getTranslation("before.carry"), e -> {
            try {
                homework.carryOver(outcome.assignmentId(), inTheWay.getValue(), note.getValue());
                dialog.close();
                Forms.notifySuccess(getTranslation("before.carried", outcome.title()));
                render();
            } catch (DomainException problem) {
                Forms.show(problem, Map.of("note", note), alert, this);
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setId("carry-over-confirm");
        dialog.add(new Paragraph(getTranslation("before.carry.intro")), alert, inTheWay, note);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private Div section(String titleKey) {
        Div section = new Div(new H2(getTranslation(titleKey)));
        section.addClassName("form-section");
        return section;
    }

    private Paragraph quiet(String key) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.addClassName("quiet");
        return p;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("before.page-title") + " · Homeward";
    }

}
