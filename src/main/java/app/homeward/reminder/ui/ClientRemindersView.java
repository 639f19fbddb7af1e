package app.homeward.reminder.ui;

import app.homeward.base.ui.ButtonNames;
import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.Paragraphs;
import app.homeward.base.ui.RouteIds;
import app.homeward.reminder.ClientReminders;
import app.homeward.reminder.DeliveryLogEntry;
import app.homeward.reminder.ReminderService;
import app.homeward.reminder.ReminderState;
import app.homeward.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.UUID;

/**
 * /app/clients/{id}/reminders: a client's reminders for their therapist — "remind now" for homework
 * due today, and the delivery log (when each reminder was due, sent, failed or cancelled, and why).
 */
@Route("app/clients/:id/reminders")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class ClientRemindersView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ReminderService reminders;
    private UUID clientId;
    private String title = "";

    public ClientRemindersView(ReminderService reminders) {
        this.reminders = reminders;
        addClassName("page");
        addClassName("client-reminders");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        clientId = RouteIds.uuid(event, "id");
        render();
    }

    void render() {
        ClientReminders overview = reminders.overview(clientId);
        title = getTranslation("delivery.title", overview.clientName());
        removeAll();
        // by address: the client page belongs to the homework feature, which reminders build on, not the reverse
        Anchor back = new Anchor("app/clients/" + clientId, getTranslation("delivery.back", overview.clientName()));
        back.addClassName("back-link");
        add(back, new H1(title));
        if (!overview.reachable()) {
            add(note("delivery.not-reachable"));
        } else if (!overview.remindersOn()) {
            add(note("delivery.opted-out"));
        }
        add(dueNow(overview), log(overview));
    }

    private Div dueNow(ClientReminders overview) {
        Div section = new Div(new H2(getTranslation("delivery.now")));
        section.addClassName("form-section");
        if (overview.dueNow().isEmpty()) {
            section.add(quiet("delivery.now.empty"));
            return section;
        }
        section.add(new Paragraph(getTranslation("delivery.now.intro")));
        for (ClientReminders.DueNow due : overview.dueNow()) {
            Button remind = new Button(getTranslation("delivery.remind-now"));
            remind.addThemeVariants(ButtonVariant.SMALL);
            ButtonNames.of(remind, due.title());
            remind.setEnabled(overview.reachable() && overview.remindersOn());
            remind.addClickListener(e -> {
                try {
                    reminders.remindNowForPlan(clientId, due.assignmentId());
                    Forms.notifySuccess(getTranslation("delivery.remind-now.sent", overview.clientName()));
                    render();
                } catch (DomainException problem) {
                    Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments()));
                }
            });
            Div row = new Div(new Span(due.title()),
                    new Span(getTranslation("delivery.due-at", Dates.dateTime(due.dueAt(), overview.clinicZone(),
                            getLocale()))), remind);
            row.addClassName("before-row");
            section.add(row);
        }
        return section;
    }

    private Div log(ClientReminders overview) {
        Div section = new Div(new H2(getTranslation("delivery.log")));
        section.addClassName("form-section");
        if (overview.log().isEmpty()) {
            Paragraph empty = quiet("delivery.empty");
            empty.setId("delivery-empty");
            section.add(empty);
            return section;
        }
        section.add(new Paragraph(getTranslation("delivery.intro")));
        Grid<DeliveryLogEntry> grid = new Grid<>();
        grid.setId("delivery-log");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> Dates.dateTime(e.dueAt(), overview.clinicZone(), getLocale()))
                .setHeader(getTranslation("delivery.due")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("delivery.kind." + e.kind().name()))
                .setHeader(getTranslation("delivery.kind")).setAutoWidth(true);
        grid.addComponentColumn(this::state).setHeader(getTranslation("delivery.state")).setAutoWidth(true);
        grid.addColumn(e -> e.sentAt() == null ? Dates.NONE : Dates.dateTime(e.sentAt(), overview.clinicZone(), getLocale()))
                .setHeader(getTranslation("delivery.sent")).setAutoWidth(true);
        grid.addColumn(this::reason).setHeader(getTranslation("delivery.reason")).setFlexGrow(1);
        grid.setItems(overview.log());
        grid.setAllRowsVisible(overview.log().size() <= 15);
        if (overview.log().size() > 15) {
            grid.setHeight("30rem");
        }
        section.add(grid);
        return section;
    }

    private Span state(DeliveryLogEntry entry) {
        boolean retrying = entry.state() == ReminderState.PENDING && entry.attempts() > 0;
        Span badge = new Span(getTranslation(retrying ? "delivery.state.RETRYING" : "delivery.state." + entry.state().name()));
        badge.getElement().getThemeList().add("badge");
        switch (entry.state()) {
            case SENT -> badge.getElement().getThemeList().add("success");
            case FAILED -> badge.getElement().getThemeList().add("error");
            case CANCELLED -> badge.getElement().getThemeList().add("contrast");
            default -> { }
        }
        return badge;
    }

    /** Reason codes in words: "the mail server refused the address (550)", "homework already done"... */
    String reason(DeliveryLogEntry entry) {
        if (entry.reason() == null) {
            return "";
        }
        String code = entry.reason();
        String key = code.startsWith("smtp-") ? (code.startsWith("smtp-5") ? "smtp-5xx" : "smtp-4xx") : code;
        String text = getTranslation("delivery.reason." + key, code.replace("smtp-", ""));
        return text.startsWith("!") ? code : text;
    }

    private Paragraph note(String key) {
        return Paragraphs.of(getTranslation(key), "notice");
    }

    private Paragraph quiet(String key) {
        return Paragraphs.of(getTranslation(key), "empty-state");
    }

    @Override
    public String getPageTitle() {
        return title + " · Homeward";
    }
}
