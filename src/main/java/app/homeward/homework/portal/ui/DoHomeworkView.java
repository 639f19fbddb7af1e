package app.homeward.homework.portal.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.RouteIds;
import app.homeward.homework.EntryState;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Reflection;
import app.homeward.homework.portal.AnswerProblems;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkCardPdf;
import app.homeward.homework.portal.HomeworkDownloads;
import app.homeward.homework.portal.OpenEntry;
import app.homeward.homework.portal.SavedDraft;
import app.homeward.homework.portal.Submitted;
import app.homeward.security.Role;
import app.homeward.worksheet.ui.WorksheetForm;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * /my/homework/{occurrence}: doing the homework. Answers are saved as the client goes (a draft
 * that survives sign-out, an expired session and a server restart, because it is in the
 * database); the same entry open in two tabs never silently overwrites: the later save is told
 * and can reload. Then submit, and a short reflection on how it went.
 */
@Route("my/homework/:occurrence")
@RolesAllowed(Role.CLIENT_NAME)
public class DoHomeworkView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final EntryService entryService;
    private final HomeworkDownloads downloads;
    private UUID occurrenceId;
    private OpenEntry entry;
    private Long lock;
    // public: the homework loop's view test (homework.ui) fills in the homework it assigned on the client page
    public WorksheetForm form;
    public final Span saveStatus = new Span();
    public final Button submit = new Button();

    private final Clock clock;

    public DoHomeworkView(EntryService entryService, HomeworkDownloads downloads, Clock clock) {
        this.entryService = entryService;
        this.downloads = downloads;
        this.clock = clock;
        addClassName("page");
        addClassName("homework-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        occurrenceId = RouteIds.uuid(event, "occurrence");
        load();
    }

    private void load() {
        entry = entryService.open(occurrenceId);
        lock = entry.lock();
        render();
    }

    private void render() {
        removeAll();
        RouterLink back = new RouterLink(getTranslation("portal.back"), TodayView.class);
        back.addClassName("back-link");
        H1 title = new H1(entry.card().title());
        add(back, title, new HomeworkCardView(entry.card(), true, clock), downloads());
        if (entry.state() == EntryState.SUBMITTED) {
            showSubmitted();
        } else {
            showForm();
        }
    }

    /** The card on paper and the schedule in the client's calendar: keep the plan where they will see it. */
    private Div downloads() {
        var card = entry.card();
        Map<String, String> labels = new HashMap<>();
        HomeworkCardPdf.LABEL_KEYS.forEach(k -> labels.put(k, getTranslation(k)));
        Map<Obstacle, String> obstacleNames = new EnumMap<>(Obstacle.class);
        for (Obstacle o : Obstacle.values()) {
            obstacleNames.put(o, getTranslation(o.messageKey()));
        }
        Locale locale = getLocale();
        UUID occurrence = card.occurrenceId();
        Anchor pdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = downloads.homeworkCardPdf(occurrence, labels, obstacleNames, locale);
                    return new DownloadResponse(new ByteArrayInputStream(bytes),
                            "homework-card.pdf", "application/pdf", bytes.length);
                }), getTranslation("portal.download.card"));
        pdf.addClassName("download-link");
        pdf.setId("download-card");
        UUID assignmentId = card.assignmentId();
        Anchor ics = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = downloads.calendar(assignmentId).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(new ByteArrayInputStream(bytes),
                            "homework.ics", "text/calendar", bytes.length);
                }), getTranslation("portal.download.calendar"));
        ics.addClassName("download-link");
        ics.setId("download-calendar");
        Div links = new Div(pdf, ics);
        links.addClassName("homework-downloads");
        return links;
    }

    /** The clinic's crisis line for this client, or the neutral default that says the clinic has not added one. */
    private String crisisLine() {
        return entry.crisisText() != null ? entry.crisisText() : getTranslation("worksheet.crisis-line.default");
    }

    private void showForm() {
        form = new WorksheetForm(entry.document(), entry.answers(), WorksheetForm.Mode.FILL);
        form.showCrisisLine(crisisLine());
        if (entry.simplified()) {
            form.showOneAtATime();
        }
        form.addChangeListener(this::save);
        saveStatus.setId("save-status");
        saveStatus.addClassName("save-status");
        saveStatus.getElement().setAttribute("role", "status");
        saveStatus.setText(entry.savedAt() == null ? getTranslation("portal.save.auto")
                : getTranslation("portal.save.saved", time(entry.savedAt())));
        submit.setText(getTranslation("portal.submit"));
        submit.setId("submit-homework");
        submit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        submit.addClickListener(e -> submitAnswers());
        Div bar = new Div(saveStatus, submit);
        bar.addClassName("homework-bar");
        add(form, bar);
    }

    /** Autosave: called on every change (text fields report a change shortly after typing pauses). */
    void save() {
        try {
            SavedDraft saved = entryService.saveDraft(occurrenceId, form.answers(), lock);
            lock = saved.lock();
            saveStatus.setText(getTranslation("portal.save.saved", time(saved.savedAt())));
            saveStatus.removeClassName("save-status--problem");
        } catch (AnswerProblems problems) {
            form.showProblems(problems.problems());
            notSaved();
        } catch (DomainException problem) {
            handle(problem);
        }
    }

    private void submitAnswers() {
        if (!form.validate(true).isEmpty()) {
            Forms.notifyClientError(getTranslation("portal.submit.check"));
            return;
        }
        try {
            Submitted submitted = entryService.submit(occurrenceId, form.answers(), lock);
            lock = submitted.lock();
            entry = entryService.open(occurrenceId);
            render();
            if (submitted.crisis()) {
                showCrisisMessage(submitted.crisisMessage(), submitted.ruleMessages());
            } else if (submitted.alerted()) {
                showRuleMessages(submitted.ruleMessages());
            } else {
                Forms.notifyClientSuccess(getTranslation("portal.submitted"));
            }
        } catch (AnswerProblems problems) {
            form.showProblems(problems.problems());
        } catch (DomainException problem) {
            handle(problem);
        }
    }

    private void handle(DomainException problem) {
        if ("entry.changed-elsewhere".equals(problem.messageKey())) {
            saveStatus.setText(getTranslation("portal.save.conflict"));
            saveStatus.addClassName("save-status--problem");
            ConfirmDialog conflict = new ConfirmDialog(getTranslation("portal.conflict.title"),
                    getTranslation("portal.conflict.body"), getTranslation("portal.conflict.reload"), ok -> load());
            conflict.setCancelable(true);
            conflict.setCancelText(getTranslation("portal.conflict.stay"));
            conflict.open();
            return;
        }
        notSaved();
        Forms.notifyClientError(getTranslation(problem.messageKey(), problem.arguments()));
    }

    private void notSaved() {
        saveStatus.setText(getTranslation("portal.save.not-saved"));
        saveStatus.addClassName("save-status--problem");
    }

    /**
     * A measure raised an alert: at once, calmly, before anything else, what happens now and where to turn
     * (the same words stay on Today until a clinician acknowledges the alert).
     */
    private void showCrisisMessage(String clinicMessage, List<String> ruleMessages) {
        ConfirmDialog crisis = new ConfirmDialog();
        crisis.setHeader(getTranslation("portal.crisis.title"));
        CrisisText text = new CrisisText("portal.crisis.told", clinicMessage);
        ruleMessages.forEach(m -> text.add(new Paragraph(m)));
        crisis.setText(text);
        crisis.setConfirmText(getTranslation("portal.crisis.ok"));
        crisis.setId("crisis-message");
        crisis.open();
    }

    /**
     * Alert rules that are not about self-harm (a high AUDIT total, say) tell the client what their author
     * wrote for them, and that their therapist has been let know; no crisis text, which would alarm.
     */
    private void showRuleMessages(List<String> messages) {
        ConfirmDialog note = new ConfirmDialog();
        note.setHeader(getTranslation("portal.alert-note.title"));
        Div text = new Div();
        messages.forEach(m -> text.add(new Paragraph(m)));
        text.add(new Paragraph(getTranslation("portal.alert-note.told")));
        note.setText(text);
        note.setConfirmText(getTranslation("portal.crisis.ok"));
        note.setId("alert-note");
        note.open();
    }

    private void showSubmitted() {
        Paragraph sent = new Paragraph(getTranslation("portal.submitted.note"));
        sent.addClassName("quiet");
        add(sent);
        if (entry.feedback() != null && !entry.feedback().isBlank()) {
            Div feedback = new Div(new H2(getTranslation("portal.feedback")), new Paragraph(entry.feedback()));
            feedback.addClassName("therapist-feedback");
            feedback.setId("therapist-feedback");
            add(feedback);
        }
        if (entry.reflection() == null) {
            add(reflectionForm());
        } else {
            add(reflectionSummary(entry.reflection()));
        }
        WorksheetForm answers = new WorksheetForm(entry.document(), entry.answers(), WorksheetForm.Mode.READ_ONLY);
        answers.showCrisisLine(crisisLine());
        answers.showComments(entry.answerFeedback(), getTranslation("portal.feedback.on-answer"));
        add(new H2(getTranslation("portal.your-answers")), answers);
    }

    /** How it went: partial and attempted work counts, so the first question is how much was done. */
    private Div reflectionForm() {
        Div box = new Div(new H2(getTranslation("portal.reflect.title")),
                new Paragraph(getTranslation("portal.reflect.intro")));
        box.addClassName("reflection-form");
        box.setId("reflection");
        RadioButtonGroup<Integer> percent = scale("portal.reflect.percent", List.of(0, 25, 50, 75, 100),
                p -> p + " %");
        RadioButtonGroup<Integer> difficulty = scale("portal.reflect.difficulty", IntStream.rangeClosed(0, 10).boxed().toList(),
                String::valueOf);
        difficulty.setHelperText(getTranslation("portal.reflect.difficulty.help"));
        RadioButtonGroup<Integer> helpful = scale("portal.reflect.helpful", IntStream.rangeClosed(0, 10).boxed().toList(),
                String::valueOf);
        helpful.setHelperText(getTranslation("portal.reflect.helpful.help"));
        CheckboxGroup<Obstacle> obstacles = new CheckboxGroup<>(getTranslation("portal.reflect.obstacles"));
        obstacles.setItems(Obstacle.values());
        obstacles.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        obstacles.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        TextArea note = new TextArea(getTranslation("portal.reflect.note"));
        note.setMaxLength(2000);
        note.setWidthFull();
        Forms.FormAlert alert = new Forms.FormAlert();
        Button save = new Button(getTranslation("portal.reflect.save"), e -> {
            try {
                entryService.reflect(occurrenceId, new Reflection(percent.getValue() == null ? -1 : percent.getValue(),
                        difficulty.getValue(), helpful.getValue(), obstacles.getValue(), note.getValue()));
                Forms.notifyClientSuccess(getTranslation("portal.reflect.thanks"));
                UI.getCurrent().navigate(TodayView.class);
            } catch (DomainException problem) {
                Forms.show(problem, Map.of("percentDone", percent, "difficulty", difficulty, "helpful", helpful,
                        "note", note), alert, this);
            }
        });
        save.setId("save-reflection");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        box.add(alert, percent, difficulty, helpful, obstacles, note, save);
        return box;
    }

    private RadioButtonGroup<Integer> scale(String labelKey, List<Integer> values,
                                            ItemLabelGenerator<Integer> labels) {
        RadioButtonGroup<Integer> group = new RadioButtonGroup<>(getTranslation(labelKey));
        group.setItems(values);
        group.setItemLabelGenerator(labels);
        group.addClassName("rating-scale");
        return group;
    }

    private Div reflectionSummary(Reflection reflection) {
        Div box = new Div(new H2(getTranslation("portal.reflect.yours")));
        box.addClassName("reflection-summary");
        box.add(new Paragraph(getTranslation("portal.reflect.summary", reflection.percentDone(),
                reflection.difficulty() == null ? "–" : reflection.difficulty(),
                reflection.helpful() == null ? "–" : reflection.helpful())));
        if (!reflection.note().isBlank()) {
            box.add(new Paragraph(reflection.note()));
        }
        return box;
    }

    private String time(Instant instant) {
        ZoneId zone = entry.card().due().getZone();
        return Dates.time(instant.atZone(zone).toLocalTime(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.homework.title") + " · Homeward";
    }
}
