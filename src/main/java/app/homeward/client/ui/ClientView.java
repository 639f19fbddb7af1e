package app.homeward.client.ui;

import app.homeward.audit.AuditService;
import app.homeward.audit.ui.RecordAccessPanel;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.base.ui.ButtonNames;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.Markup;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.ClientStatus;
import app.homeward.client.Goal;
import app.homeward.client.GoalStatus;
import app.homeward.client.pages.ClientPage;
import app.homeward.client.pages.ClientPages;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.AssignmentStatus;
import app.homeward.homework.ChangeRequestSummary;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.adherence.ProgressReports;
import app.homeward.homework.adherence.ui.ClientAdherencePanel;
import app.homeward.homework.adherence.ui.ClientMeasuresPanel;
import app.homeward.homework.plan.AssignmentSummary;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.plan.ui.AssignDialog;
import app.homeward.homework.plan.ui.ScheduleText;
import app.homeward.homework.review.ReviewItem;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.homework.review.ui.AlertAcknowledgeDialog;
import app.homeward.homework.review.ui.EntryReviewView;
import app.homeward.homework.ui.ClientFormat;
import app.homeward.security.AccountService.StaffMember;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import app.homeward.tenancy.ui.ClinicBrand;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * /app/clients/{id}: one client before and during a session. What needs attention first (open
 * safety alerts, requests to change homework), then the homework plan with how each task has gone,
 * goals, and what the client has sent. A client outside one's caseload is not found.
 * <p>
 * The page shows one value, {@link ClientPage}, read in one call ({@link ClientPages}); an action calls its
 * feature's service, then the page reads that value again, once.
 */
@Route("app/clients/:id")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class ClientView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    // public where the homework features' view tests read the page: they assign here and look for the plan
    public final Div header = new Div();
    final HorizontalLayout actions = new HorizontalLayout();
    public final Div alerts = new Div();
    final Div changeRequests = new Div();
    public final Div plan = new Div();
    final Div goals = new Div();
    public final Div entries = new Div();
    final TextField newGoal = new TextField();
    final Button addGoal = new Button();
    public Button assign;
    Button edit;
    Button resend;
    Button archive;
    Button restore;
    Button reassign;
    ClientPage page;
    ClientProfile client;

    private final ClientPages pages;
    private final AuditService audit;
    private final ClientService clients;
    private final HomeworkPlans homework;
    private final ReviewService reviews;
    private final SafetyAlerts safetyAlerts;
    private final WorksheetService worksheets;
    private final AdherenceService adherence;
    private final ProgressReports reports;
    private final Clock clock;

    public ClientView(ClientPages pages, ClientService clients, HomeworkPlans homework, WorksheetService worksheets,
                      AdherenceService adherence, Clock clock, ProgressReports reports, ReviewService reviews,
                      SafetyAlerts safetyAlerts, AuditService audit) {
        this.pages = pages;
        this.audit = audit;
        this.adherence = adherence;
        this.reports = reports;
        this.clock = clock;
        this.clients = clients;
        this.homework = homework;
        this.reviews = reviews;
        this.safetyAlerts = safetyAlerts;
        this.worksheets = worksheets;
        addClassName("page");
        addClassName("client-page");

        alerts.setId("client-alerts");
        changeRequests.setId("change-requests");
        plan.setId("client-plan");
        plan.addClassName("plan-cards");
        goals.setId("client-goals");
        entries.setId("client-entries");
        actions.setId("client-actions");
        actions.setWrap(true);
        actions.addClassName("client-actions");
        header.addClassName("client-summary");

        newGoal.setLabel(getTranslation("client.goals.new"));
        newGoal.setId("new-goal");
        newGoal.setMaxLength(300);
        newGoal.setPlaceholder(getTranslation("client.goals.new.placeholder"));
        addGoal.setText(getTranslation("client.goals.add"));
        addGoal.setId("add-goal");
        addGoal.addClickListener(e -> addGoal());
        newGoal.addKeyPressListener(Key.ENTER, e -> addGoal());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id = uuid(event.getRouteParameters().get("id").orElse(""));
        show(pages.open(id)); // once per page load: the audit trail records who opened the record
        ClinicBrand.shown(page.clinic());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private void reload() {
        show(pages.reload(client.id()));
    }

    private void show(ClientPage read) {
        // the whole staff list serves only the reassign dialog, an admin's; for anyone else the page keeps the
        // client's therapist alone instead of every colleague for as long as it is open
        page = CurrentUser.require().role() == Role.CLINIC_ADMIN ? read : read.withOnlyTheTherapist();
        client = read.client();
        render();
    }

    private void render() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("client.back"), CaseloadView.class);
        back.addClassName("back-link");
        renderHeader();
        renderActions();
        add(back, header, actions);
        if (client.archived()) {
            Paragraph note = new Paragraph(getTranslation("client.archived.note"));
            note.addClassName("form-alert");
            note.addClassName("form-alert--info");
            note.setId("archived-note");
            add(note);
        }
        renderAlerts();
        renderChangeRequests();
        renderPlan();
        renderGoals();
        renderEntries();
        add(new H2(getTranslation("client.alerts.title")), alerts,
                new H2(getTranslation("client.changes.title")), changeRequests,
                new H2(getTranslation("client.plan.title")), plan,
                new H2(getTranslation("client.goals.title")), goals,
                new H2(getTranslation("client.entries.title")), entries);
        add(new ClientAdherencePanel(adherence, page.adherence(), page.measures()));
        add(new ClientMeasuresPanel(reports, client.id(), page.measures()));
        if (CurrentUser.require().role() == Role.CLINIC_ADMIN) {
            add(new RecordAccessPanel(audit, client.id(), page.clinicZone()));
        }
    }

    // ---------------------------------------------------------------- header and actions

    private void renderHeader() {
        header.removeAll();
        H1 name = new H1(client.displayName());
        name.setId("client-title");
        Div badges = new Div(ClientFormat.statusBadge(client.status(), this));
        badges.addClassName("badges");
        if (client.simplified()) {
            badges.add(ClientFormat.badge(getTranslation("client.simplified"), null));
        }
        String therapist = page.therapist().map(StaffMember::displayName).orElse(ClientFormat.NONE);
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put(getTranslation("client.fact.therapist"), therapist);
        shown.put(getTranslation("client.fact.next-session"), client.nextSession() == null
                ? getTranslation("client.fact.next-session.none") : ClientFormat.date(client.nextSession(), getLocale()));
        shown.put(getTranslation("client.fact.email"), client.email());
        shown.put(getTranslation("client.fact.time-zone"), client.timeZone().getId());
        shown.put(getTranslation("client.fact.language"), getTranslation("language." + client.language()));
        // redrawn as a whole after an edit: one element of markup instead of 26 held while the page is open (0043)
        Div facts = Markup.facts("client-facts", shown);
        facts.setId("client-facts");
        header.add(name, badges, facts);
    }

    /**
     * Only the actions the client's state and the viewer's role allow are built: a hidden button would be held in
     * the session for as long as the page is open, as a shown one is (bench/session-memory). The others stay null.
     */
    private void renderActions() {
        actions.removeAll();
        boolean archived = client.archived();
        boolean admin = CurrentUser.require().role() == Role.CLINIC_ADMIN;
        assign = archived ? null : action("client.assign", VaadinIcon.PLUS, "assign-homework", this::openAssignDialog);
        if (assign != null) {
            assign.addThemeVariants(ButtonVariant.PRIMARY);
        }
        edit = archived ? null : action("client.edit", VaadinIcon.EDIT, "edit-client", this::openEditDialog);
        resend = client.status() != ClientStatus.INVITED ? null : action("client.resend", VaadinIcon.ENVELOPE_O,
                "resend-invitation", () -> run(() -> clients.resendInvitation(client.id()),
                        getTranslation("client.resent", client.email())));
        archive = archived ? null : action("client.archive", VaadinIcon.ARCHIVE, "archive-client", this::confirmArchive);
        if (archive != null) {
            archive.addThemeVariants(ButtonVariant.TERTIARY);
        }
        restore = !archived ? null : action("client.restore", VaadinIcon.ARROW_BACKWARD, "restore-client",
                () -> run(() -> clients.restore(client.id()), getTranslation("client.restored", client.displayName())));
        reassign = !admin ? null : action("client.reassign", VaadinIcon.EXCHANGE, "reassign-client", this::openReassignDialog);
        RouterLink beforeSession = new RouterLink(getTranslation("client.before-session"), BeforeSessionView.class,
                new RouteParameters("id", client.id().toString()));
        beforeSession.setId("before-session-link");
        // the reminders page belongs to the reminder feature, which builds on homework: linked by address
        Anchor reminders = new Anchor("app/clients/" + client.id() + "/reminders", getTranslation("client.reminders"));
        reminders.setId("client-reminders-link");
        Stream.of(assign, beforeSession, reminders, edit, resend, reassign, archive, restore).filter(Objects::nonNull)
                .forEach(actions::add);
        if (admin) {
            // the data-rights page (export, erasure) belongs to the privacy feature, which builds on homework
            Anchor data = new Anchor(
                    "app/clients/" + client.id() + "/data", getTranslation("client.data-rights"));
            data.setId("client-data-link");
            actions.add(data);
        }
    }

    private Button action(String labelKey, VaadinIcon icon, String id, Runnable onClick) {
        Button button = new Button(getTranslation(labelKey), icon.create(), e -> onClick.run());
        button.setId(id);
        return button;
    }

    private void openAssignDialog() {
        new AssignDialog(client, worksheets, homework, clients, clock, this::reload).open();
    }

    private void openEditDialog() {
        ClientDetailsDialog editDialog = new ClientDetailsDialog(client, client.timeZone(), client.language(), form -> {
            clients.update(client.id(), form.name.getValue(), form.timeZone.getValue(), form.language.getValue(),
                    form.nextSession.getValue(), form.simplified.getValue());
            Forms.notifySuccess(getTranslation("client.edit.saved"));
            reload();
        });
        editDialog.open();
    }

    private void confirmArchive() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("client.archive.confirm.title", client.displayName()),
                getTranslation("client.archive.confirm.body"), getTranslation("client.archive"),
                ok -> run(() -> clients.archive(client.id()), getTranslation("client.archived.done", client.displayName())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void openReassignDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("reassign-dialog");
        dialog.setHeaderTitle(getTranslation("client.reassign.title", client.displayName()));
        Select<StaffMember> therapist = new Select<>();
        therapist.setLabel(getTranslation("client.reassign.therapist"));
        therapist.setId("reassign-therapist");
        List<StaffMember> colleagues = page.colleagues();
        therapist.setItems(colleagues);
        therapist.setItemLabelGenerator(s -> s == null ? "" : getTranslation("client.reassign.item", s.displayName(),
                getTranslation("role." + s.role().name())));
        colleagues.stream().filter(s -> s.id().equals(client.therapistId())).findFirst().ifPresent(therapist::setValue);
        therapist.setWidthFull();
        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("therapist", therapist);
        Button save = new Button(getTranslation("client.reassign.save"), e -> {
            Forms.clear(fields, alert);
            try {
                StaffMember chosen = therapist.getValue();
                clients.reassign(client.id(), chosen == null ? null : chosen.id());
                dialog.close();
                Forms.notifySuccess(getTranslation("client.reassigned", client.displayName(),
                        chosen == null ? "" : chosen.displayName()));
                reload();
            } catch (DomainException problem) {
                Forms.show(problem, fields, alert, this);
            }
        });
        save.setId("reassign-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Div body = new Div(new Paragraph(getTranslation("client.reassign.intro")), alert, therapist);
        body.addClassName("dialog-form");
        dialog.add(body);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void run(Runnable action, String success) {
        Forms.run(action, success, this, this::reload);
    }

    // ---------------------------------------------------------------- what needs attention

    private void renderAlerts() {
        alerts.removeAll();
        List<AlertSummary> open = page.openAlerts();
        if (open.isEmpty()) {
            alerts.add(empty("client.alerts.empty"));
            return;
        }
        for (AlertSummary alert : open) {
            Div card = new Div();
            card.addClassName("client-card");
            card.addClassName("client-card--alert");
            Paragraph what = new Paragraph(getTranslation("client.alerts.item", alert.label(), alert.value()));
            what.addClassName("client-card-title");
            Paragraph when = new Paragraph(getTranslation("client.alerts.raised",
                    ClientFormat.dateTime(alert.raisedAt(), page.clinicZone(), getLocale())));
            when.addClassName("client-card-meta");
            RouterLink answers = new RouterLink(getTranslation("client.alerts.answers"), EntryReviewView.class,
                    new RouteParameters("id", alert.entryId().toString()));
            Button acknowledge = new Button(getTranslation("alerts.acknowledge"),
                    e -> new AlertAcknowledgeDialog(alert, safetyAlerts, this::reload).open());
            acknowledge.addThemeVariants(ButtonVariant.SMALL);
            ButtonNames.of(acknowledge, alert.label());
            HorizontalLayout row = new HorizontalLayout(answers, acknowledge);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            card.add(what, when, row);
            alerts.add(card);
        }
    }

    private void renderChangeRequests() {
        changeRequests.removeAll();
        List<ChangeRequestSummary> open = page.openChangeRequests();
        if (open.isEmpty()) {
            changeRequests.add(empty("client.changes.empty"));
            return;
        }
        for (ChangeRequestSummary request : open) {
            Div card = new Div();
            card.addClassName("client-card");
            Paragraph what = new Paragraph(getTranslation("client.changes.item", request.assignmentTitle(),
                    getTranslation("client.change-reason." + request.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
            what.addClassName("client-card-title");
            card.add(what);
            if (request.note() != null && !request.note().isBlank()) {
                Paragraph note = new Paragraph(request.note());
                note.addClassName("client-quote");
                card.add(note);
            }
            Paragraph when = new Paragraph(ClientFormat.dateTime(request.createdAt(), page.clinicZone(), getLocale()));
            when.addClassName("client-card-meta");
            Button resolved = new Button(getTranslation("client.changes.resolve"), VaadinIcon.CHECK.create(), e -> run(
                    () -> reviews.resolveChangeRequest(request.id()), getTranslation("client.changes.resolved")));
            resolved.addThemeVariants(ButtonVariant.SMALL);
            ButtonNames.of(resolved, request.assignmentTitle());
            card.add(when, resolved);
            changeRequests.add(card);
        }
    }

    // ---------------------------------------------------------------- plan, goals, entries

    private void renderPlan() {
        plan.removeAll();
        List<AssignmentSummary> assignments = page.plan();
        if (assignments.isEmpty()) {
            plan.add(empty(client.archived() ? "client.plan.empty.archived" : "client.plan.empty"));
            return;
        }
        // a ladder is one card, where its newest step would be; a choice still open is a card of its own
        Map<UUID, List<AssignmentSummary>> ladders = new LinkedHashMap<>();
        assignments.stream().filter(a -> a.ladder() != null)
                .forEach(a -> ladders.computeIfAbsent(a.ladder().id(), k -> new ArrayList<>()).add(a));
        Set<UUID> shown = new HashSet<>();
        // grouped by the goal each serves (the research: homework tied to the client's goals is done more),
        // in the order of the goals, then what serves no goal; no headings when no plan names a goal
        Map<UUID, String> goalTexts = new LinkedHashMap<>();
        page.goals().forEach(g -> goalTexts.put(g.id(), g.text()));
        Map<UUID, List<Div>> byGoal = new LinkedHashMap<>();
        goalTexts.keySet().forEach(id -> byGoal.put(id, new ArrayList<>()));
        List<Div> noGoal = new ArrayList<>();
        for (AssignmentSummary a : assignments) {
            Div card;
            if (a.ladder() != null) {
                if (!shown.add(a.ladder().id())) {
                    continue;
                }
                card = ladderCard(ladders.get(a.ladder().id()));
            } else if (a.status() == AssignmentStatus.CHOOSING) {
                card = choiceCard(a);
            } else {
                card = planCard(a);
            }
            (a.goalId() != null && byGoal.containsKey(a.goalId()) ? byGoal.get(a.goalId()) : noGoal).add(card);
        }
        boolean grouped = byGoal.values().stream().anyMatch(cards -> !cards.isEmpty());
        byGoal.forEach((goal, cards) -> {
            if (!cards.isEmpty()) {
                plan.add(goalHeading(getTranslation("client.plan.for-goal", goalTexts.get(goal))));
                cards.forEach(plan::add);
            }
        });
        if (grouped && !noGoal.isEmpty()) {
            plan.add(goalHeading(getTranslation("client.plan.no-goal")));
        }
        noGoal.forEach(plan::add);
    }

    private static H3 goalHeading(String text) {
        H3 heading = new H3(text);
        heading.addClassName("plan-goal-heading");
        return heading;
    }

    private Div planCard(AssignmentSummary a) {
        Div card = new Div();
        card.addClassName("client-card");
        card.addClassName("plan-card");
        boolean active = a.status() == AssignmentStatus.ACTIVE;
        if (!active) {
            card.addClassName("plan-card--ended");
        }
        H3 title = new H3(a.title());
        Div badges = new Div(ClientFormat.badge(getTranslation(active ? "client.plan.active" : "client.plan.ended"),
                active ? "active" : "archived"));
        if (a.chosenByClient()) {
            badges.add(ClientFormat.badge(getTranslation("client.plan.chosen"), "done"));
        }
        if (a.openChangeRequests() > 0) {
            badges.add(ClientFormat.badge(getTranslation("client.plan.change-requested"), "draft"));
        }
        badges.addClassName("badges");
        card.add(title, badges);
        addPlanDetails(card, a);
        if (active && !client.archived()) {
            card.add(planButtons(a, "client.plan.end", a.title()));
        }
        return card;
    }

    /** Why, schedule, confidence and difficulty, and how it has gone. */
    private void addPlanDetails(Div card, AssignmentSummary a) {
        Paragraph why = new Paragraph(getTranslation("client.plan.why", a.rationale()));
        why.addClassName("plan-why");
        Paragraph schedule = new Paragraph(ScheduleText.describe(a.schedule(), this, clock));
        schedule.addClassName("plan-schedule");
        Paragraph meta = new Paragraph(getTranslation("client.plan.meta", a.confidence(),
                getTranslation("worksheet.difficulty." + a.difficulty())));
        meta.addClassName("client-card-meta");
        Paragraph progress = new Paragraph(getTranslation("client.plan.progress", a.done(), a.partial(), a.missed(),
                a.upcoming()));
        progress.addClassName("plan-progress");
        if (!a.rationale().isBlank()) {
            card.add(why);
        }
        card.add(schedule, meta, progress);
    }

    /** "Change plan" and "End" for an active plan (or the active step of a ladder). */
    private HorizontalLayout planButtons(AssignmentSummary a, String endKey, String name) {
        Button change = new Button(getTranslation("client.plan.change"), VaadinIcon.EDIT.create(), e -> openChangeDialog(a));
        change.addThemeVariants(ButtonVariant.SMALL);
        ButtonNames.of(change, a.title());
        change.addClassName("plan-change");
        Button end = new Button(getTranslation(endKey), e -> confirmEnd(a, name));
        end.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        ButtonNames.of(end, name);
        end.addClassName("plan-end");
        HorizontalLayout buttons = new HorizontalLayout(change, end);
        buttons.setWrap(true);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        return buttons;
    }

    private void openChangeDialog(AssignmentSummary a) {
        try {
            AssignDialog.changing(client, homework.startReplanning(a.id()), worksheets, homework, clients, clock, this::reload)
                    .open();
        } catch (DomainException problem) {
            Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments()));
            reload();
        }
    }

    /** A step ladder as one card: its steps with where each stands, the step being practised in detail. */
    private Div ladderCard(List<AssignmentSummary> rows) {
        // a carried-over step appears twice: the newest row is where that step stands now
        Map<Integer, AssignmentSummary> byStep = new TreeMap<>();
        rows.stream().sorted(Comparator.comparing(AssignmentSummary::createdAt))
                .forEach(r -> byStep.put(r.ladder().step(), r));
        List<AssignmentSummary> steps = new ArrayList<>(byStep.values());
        AssignmentSummary.Ladder ladder = steps.getFirst().ladder();
        AssignmentSummary current = steps.stream().filter(s -> s.status() == AssignmentStatus.ACTIVE).findFirst().orElse(null);
        boolean waiting = steps.stream().anyMatch(s -> s.status() == AssignmentStatus.WAITING);
        boolean open = current != null || waiting;

        Div card = new Div();
        card.addClassName("client-card");
        card.addClassName("plan-card");
        card.addClassName("ladder-card");
        if (!open) {
            card.addClassName("plan-card--ended");
        }
        H3 title = new H3(ladder.title());
        Div badges = new Div(ClientFormat.badge(getTranslation("client.ladder.badge", ladder.size()), null),
                ClientFormat.badge(getTranslation(open ? "client.plan.active" : "client.plan.ended"),
                        open ? "active" : "archived"));
        if (steps.stream().anyMatch(s -> s.openChangeRequests() > 0)) {
            badges.add(ClientFormat.badge(getTranslation("client.plan.change-requested"), "draft"));
        }
        badges.addClassName("badges");
        card.add(title, badges);

        OrderedList list = new OrderedList();
        list.addClassName("ladder-steps");
        for (AssignmentSummary step : steps) {
            AssignmentSummary.StepState state = step.ladder().state();
            String name = state.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Span text = new Span(step.title() + " ");
            ListItem item = new ListItem(text, ClientFormat.badge(getTranslation("client.ladder.state." + name),
                    switch (state) {
                        case DONE -> "done";
                        case NOW -> "due";
                        case WAITING -> "draft";
                        case ENDED, NOT_REACHED -> "archived";
                    }));
            item.addClassName("ladder-step");
            item.addClassName("ladder-step--" + name);
            list.add(item);
        }
        card.add(list);
        AssignmentSummary shown = current != null ? current
                : steps.stream().filter(s -> s.total() > 0).reduce((x, y) -> y).orElse(steps.getFirst());
        addPlanDetails(card, shown);
        if (open && !client.archived()) {
            HorizontalLayout buttons = current != null
                    ? planButtons(current, "client.ladder.end", ladder.title())
                    : new HorizontalLayout();
            if (current == null) {
                // every step still waits (the active one was ended elsewhere): ending is still possible
                Button end = new Button(getTranslation("client.ladder.end"), e -> confirmEnd(steps.getFirst(), ladder.title()));
                end.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                ButtonNames.of(end, ladder.title());
                buttons.add(end);
            }
            if (waiting) {
                AssignmentSummary next = steps.stream().filter(s -> s.status() == AssignmentStatus.WAITING).findFirst()
                        .orElseThrow();
                Button unlock = new Button(getTranslation("client.ladder.unlock"), VaadinIcon.UNLOCK.create(),
                        e -> confirmUnlock(ladder, next));
                unlock.addThemeVariants(ButtonVariant.SMALL);
                ButtonNames.of(unlock, ladder.title());
                unlock.addClassName("ladder-unlock");
                buttons.addComponentAsFirst(unlock);
            }
            card.add(buttons);
        }
        return card;
    }

    private void confirmUnlock(AssignmentSummary.Ladder ladder, AssignmentSummary next) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("client.ladder.unlock.confirm.title", next.title()),
                getTranslation("client.ladder.unlock.confirm.body"), getTranslation("client.ladder.unlock"),
                ok -> run(() -> homework.unlockNextStep(ladder.id()),
                        getTranslation("client.ladder.unlocked", next.title())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    /** A choice of tasks still open: what was offered, and that the client has yet to choose. */
    private Div choiceCard(AssignmentSummary a) {
        Div card = new Div();
        card.addClassName("client-card");
        card.addClassName("plan-card");
        card.addClassName("choice-card");
        H3 title = new H3(getTranslation("client.choice.title"));
        Div badges = new Div(ClientFormat.badge(getTranslation("client.choice.waiting", client.displayName()), "draft"));
        badges.addClassName("badges");
        UnorderedList options = new UnorderedList();
        options.addClassName("choice-options");
        a.options().forEach(o -> options.add(new ListItem(o)));
        Paragraph schedule = new Paragraph(getTranslation("client.choice.schedule", ScheduleText.describe(a.schedule(), this, clock)));
        schedule.addClassName("plan-schedule");
        card.add(title, badges, options, schedule);
        if (!client.archived()) {
            Button withdraw = new Button(getTranslation("client.choice.withdraw"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("client.choice.withdraw.confirm.title"),
                        getTranslation("client.choice.withdraw.confirm.body"), getTranslation("client.choice.withdraw"),
                        ok -> run(() -> homework.end(a.id()), getTranslation("client.choice.withdrawn")));
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.open();
            });
            withdraw.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            withdraw.addClassName("choice-withdraw");
            card.add(withdraw);
        }
        return card;
    }

    private void confirmEnd(AssignmentSummary a, String name) {
        boolean ladder = a.ladder() != null;
        ConfirmDialog confirm = new ConfirmDialog(
                getTranslation(ladder ? "client.ladder.end.confirm.title" : "client.plan.end.confirm.title", name),
                getTranslation(ladder ? "client.ladder.end.confirm.body" : "client.plan.end.confirm.body"),
                getTranslation(ladder ? "client.ladder.end" : "client.plan.end"),
                ok -> run(() -> homework.end(a.id()), getTranslation("client.plan.ended.done", name)));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void renderGoals() {
        goals.removeAll();
        List<Goal> list = page.goals();
        if (list.isEmpty()) {
            goals.add(empty("client.goals.empty"));
        } else {
            UnorderedList items = new UnorderedList();
            items.addClassName("goal-list");
            for (Goal goal : list) {
                Span text = new Span(goal.text());
                text.addClassName("goal-text");
                ListItem item = new ListItem(text);
                item.addClassName("goal");
                if (goal.status() != GoalStatus.ACTIVE) {
                    item.add(ClientFormat.badge(getTranslation("client.goal." + goal.status().name().toLowerCase(Locale.ROOT)),
                            goal.status() == GoalStatus.ACHIEVED ? "active" : "archived"));
                }
                if (!client.archived()) {
                    if (goal.status() == GoalStatus.ACTIVE) {
                        item.add(goalButton(goal, GoalStatus.ACHIEVED, "client.goal.mark-achieved", "client.goal.achieved.done"),
                                goalButton(goal, GoalStatus.DROPPED, "client.goal.mark-dropped", "client.goal.dropped.done"));
                    } else {
                        item.add(goalButton(goal, GoalStatus.ACTIVE, "client.goal.reopen", "client.goal.reopened"));
                    }
                }
                items.add(item);
            }
            goals.add(items);
        }
        if (!client.archived()) {
            newGoal.clear();
            newGoal.setInvalid(false);
            HorizontalLayout form = new HorizontalLayout(newGoal, addGoal);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            form.addClassName("goal-form");
            goals.add(form);
        }
    }

    private Button goalButton(Goal goal, GoalStatus status, String labelKey, String doneKey) {
        Button button = new Button(getTranslation(labelKey), e -> run(() -> clients.changeGoal(goal.id(), goal.text(), status),
                getTranslation(doneKey)));
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        ButtonNames.of(button, goal.text());
        return button;
    }

    private void addGoal() {
        try {
            clients.addGoal(client.id(), newGoal.getValue());
            Forms.notifySuccess(getTranslation("client.goals.added"));
            reload();
        } catch (DomainException problem) {
            Forms.show(problem, Map.of("goal", newGoal), null, this);
        }
    }

    private void renderEntries() {
        entries.removeAll();
        List<ReviewItem> list = page.entries();
        if (list.isEmpty()) {
            entries.add(empty("client.entries.empty"));
            return;
        }
        UnorderedList items = new UnorderedList();
        items.addClassName("entry-list");
        for (ReviewItem item : list) {
            RouterLink link = new RouterLink(item.title(), EntryReviewView.class,
                    new RouteParameters("id", item.entryId().toString()));
            Span when = new Span(ClientFormat.dateTime(item.submittedAt(), page.clinicZone(), getLocale()));
            when.addClassName("entry-when");
            ListItem li = new ListItem(link, when);
            if (item.score() != null) {
                li.add(ClientFormat.badge(ClientFormat.score(item.score(), item.band(), this), null));
            }
            if (item.percentDone() != null) {
                li.add(ClientFormat.badge(getTranslation("review.done", item.percentDone()), null));
            }
            if (item.alerts() > 0) {
                li.add(ClientFormat.badge(getTranslation("review.attention"), "alert"));
            }
            items.add(li);
        }
        entries.add(items);
    }

    private Paragraph empty(String key) {
        Paragraph empty = new Paragraph(getTranslation(key));
        empty.addClassName("empty-state");
        return empty;
    }

    @Override
    public String getPageTitle() {
        return (client == null ? getTranslation("caseload.title") : client.displayName()) + " · Homeward";
    }
}
