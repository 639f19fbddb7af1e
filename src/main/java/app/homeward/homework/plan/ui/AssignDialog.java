package app.homeward.homework.plan.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.Goal;
import app.homeward.client.GoalStatus;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans.AssignStart;
import app.homeward.homework.plan.HomeworkPlans.ReplanStart;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.ui.ClientFormat;
import app.homeward.worksheet.LibraryEntry;
import app.homeward.worksheet.LibraryQuery;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.component.timepicker.TimePicker;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Assigning homework, made to be filled in together in session on a shared screen: one column,
 * large labels, numbered sections. First a worksheet, then the plan, prefilled from the worksheet
 * (title, "why this helps", difficulty): what / when / where, the schedule in the client's time
 * zone, likely obstacles with a backup plan, and the client's confidence. Below the clinic's
 * threshold the dialog calmly suggests making the task smaller and records whether it was changed.
 * All rules are the service's; its field errors are shown at the inputs.
 * <p>
 * At the top, what kind of homework: one worksheet, a step ladder (one worksheet, a list of steps
 * the client climbs one at a time), or a choice of two or three worksheets the client picks from.
 * The same dialog changes an existing plan ({@link #changing}): the worksheet is fixed, changes apply
 * from now on.
 */
public final class AssignDialog extends Dialog {

    /** How a repeating schedule ends. */
    enum EndMode { DATE, TIMES }

    /** What kind of homework is being assigned. */
    enum Mode { ONE, LADDER, CHOICE }

    static final LocalTime DEFAULT_TIME = LocalTime.of(19, 0);

    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final ComboBox<LibraryEntry> worksheet = new ComboBox<>();
    final ComboBox<LibraryEntry> secondWorksheet = new ComboBox<>();
    final ComboBox<LibraryEntry> thirdWorksheet = new ComboBox<>();
    final Paragraph fixedWorksheet = new Paragraph();
    final Paragraph changeNote = new Paragraph();
    final Div stepsSection = new Div();
    final Div steps = new Div();
    final List<TextField> stepFields = new ArrayList<>();
    final Button addStep = new Button();
    final Paragraph ladderNote = new Paragraph();
    final Paragraph worksheetDescription = new Paragraph();
    final Div plan = new Div();
    final TextField title = new TextField();
    final TextArea rationale = new TextArea();
    final TextArea what = new TextArea();
    final TextField when = new TextField();
    final TextField where = new TextField();
    final RadioButtonGroup<Schedule.Kind> kind = new RadioButtonGroup<>();
    final DatePicker start = new DatePicker();
    final RadioButtonGroup<EndMode> endMode = new RadioButtonGroup<>();
    final DatePicker end = new DatePicker();
    final IntegerField times = new IntegerField();
    final TimePicker time = new TimePicker();
    final CheckboxGroup<DayOfWeek> weekdays = new CheckboxGroup<>();
    final IntegerField everyDays = new IntegerField();
    final Paragraph zoneNote = new Paragraph();
    final CheckboxGroup<Obstacle> obstacles = new CheckboxGroup<>();
    final TextField obstacleOther = new TextField();
    final TextArea backupPlan = new TextArea();
    final RadioButtonGroup<Integer> confidence = new RadioButtonGroup<>();
    final Div suggestion = new Div();
    final Paragraph suggestionText = new Paragraph();
    final Checkbox planChanged = new Checkbox();
    final RadioButtonGroup<Integer> difficulty = new RadioButtonGroup<>();
    final Select<Goal> goal = new Select<>();
    final Button assign = new Button();
    final Forms.FormAlert alert = new Forms.FormAlert();
    /** Whether the low-confidence suggestion was ever shown for this plan (recorded with it). */
    boolean confidencePrompted;

    private final ClientProfile client;
    private final HomeworkPlans homework;
    private final Runnable onAssigned;
    private final Clock clock;
    private AssignStart started;
    /** Set when the dialog changes an existing plan instead of assigning a new one. */
    private ReplanStart replanning;
    private int threshold;

    /** Changing the plan of an active assignment: prefilled, worksheet fixed, from now on. */
    public static AssignDialog changing(ClientProfile client, ReplanStart start, WorksheetService worksheets,
                                 HomeworkPlans homework, ClientService clients, Clock clock, Runnable onSaved) {
        AssignDialog dialog = new AssignDialog(client, worksheets, homework, clients, clock, onSaved);
        dialog.prefill(start);
        return dialog;
    }

    public AssignDialog(ClientProfile client, WorksheetService worksheets, HomeworkPlans homework, ClientService clients,
                 Clock clock, Runnable onAssigned) {
        this.client = client;
        this.clock = clock;
        this.homework = homework;
        this.onAssigned = onAssigned;
        setId("assign-dialog");
        addClassName("assign-dialog");
        setHeaderTitle(getTranslation("assign.title", client.displayName()));
        setWidth("760px");
        setMaxWidth("100%");
        // a plan made together in session is never lost to a stray click or key
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        Button close = new Button(VaadinIcon.CLOSE.create(), e -> close());
        close.addThemeVariants(ButtonVariant.TERTIARY);
        close.setAriaLabel(getTranslation("assign.close"));
        getHeader().add(close);

        // the worksheets in the client's own language first (a Spanish client is offered the Spanish
        // built-ins, whose titles are Spanish, before the English ones), so the title and "why this helps"
        // the plan is prefilled from are in the words the client reads
        List<LibraryEntry> assignable = worksheets.library(LibraryQuery.ALL).stream()
                .filter(e -> e.builtIn() || e.published() && !e.archived())
                .sorted(Comparator.comparing((LibraryEntry e) -> !e.language().equals(client.language())))
                .toList();
        List<Goal> activeGoals = clients.goals(client.id()).stream().filter(g -> g.status() == GoalStatus.ACTIVE).toList();

        worksheet.setLabel(getTranslation("assign.worksheet"));
        worksheet.setId("assign-worksheet");
        worksheet.setPlaceholder(getTranslation("assign.worksheet.placeholder"));
        worksheet.setItems(assignable);
        worksheet.setItemLabelGenerator(e -> getTranslation("assign.worksheet.item", e.title(),
                getTranslation("library.source." + e.source().name().toLowerCase(Locale.ROOT))));
        worksheet.setWidthFull();
        worksheet.setRequiredIndicatorVisible(true);
        worksheet.addValueChangeListener(e -> chosen(e.getValue()));
        worksheetDescription.addClassName("assign-worksheet-description");
        worksheetDescription.setVisible(false);

        mode.setLabel(getTranslation("assign.mode"));
        mode.setId("assign-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("assign.mode." + m.name().toLowerCase(Locale.ROOT)));
        mode.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        mode.setValue(Mode.ONE);
        mode.addValueChangeListener(e -> modeChanged());
        for (ComboBox<LibraryEntry> other : List.of(secondWorksheet, thirdWorksheet)) {
            other.setItems(assignable);
            other.setItemLabelGenerator(worksheet.getItemLabelGenerator());
            other.setPlaceholder(getTranslation("assign.worksheet.placeholder"));
            other.setWidthFull();
            other.setVisible(false);
            other.addValueChangeListener(e -> other.setInvalid(false));
        }
        secondWorksheet.setLabel(getTranslation("assign.choice.second"));
        secondWorksheet.setId("assign-second-worksheet");
        secondWorksheet.setRequiredIndicatorVisible(true);
        thirdWorksheet.setLabel(getTranslation("assign.choice.third"));
        thirdWorksheet.setId("assign-third-worksheet");
        thirdWorksheet.setClearButtonVisible(true);
        fixedWorksheet.setId("assign-fixed-worksheet");
        fixedWorksheet.setVisible(false);
        changeNote.setId("assign-change-note");
        changeNote.addClassName("assign-note");
        changeNote.setText(getTranslation("assign.change.note"));
        changeNote.setVisible(false);

        buildPlanInputs(activeGoals);
        buildSteps();

        Div content = new Div(alert, changeNote, section("assign.step.worksheet", null, mode, worksheet, secondWorksheet,
                thirdWorksheet, fixedWorksheet, worksheetDescription), plan);
        content.addClassName("assign-content");
        plan.addClassName("assign-plan");
        plan.setVisible(false);
        plan.add(section("assign.step.why", "assign.step.why.intro", title, rationale),
                stepsSection,
                section("assign.step.what", null, what, when, where),
                section("assign.step.schedule", null, ladderNote, kind, start, endMode, end, times, weekdays, everyDays,
                        time, zoneNote),
                section("assign.step.obstacles", "assign.step.obstacles.intro", obstacles, obstacleOther, backupPlan),
                section("assign.step.confidence", null, confidence, suggestion, difficulty));
        if (!activeGoals.isEmpty()) {
            plan.add(section("assign.step.goal", null, goal));
        }
        add(content);

        assign.setText(getTranslation("assign.submit"));
        assign.setId("assign-submit");
        assign.addThemeVariants(ButtonVariant.PRIMARY);
        assign.setEnabled(false);
        assign.addClickListener(e -> submit());
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("assign-cancel");
        getFooter().add(cancel, assign);
    }

    private void buildPlanInputs(List<Goal> activeGoals) {
        ZoneId zone = client.timeZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);

        title.setLabel(getTranslation("assign.field.title"));
        title.setId("assign-title");
        title.setHelperText(getTranslation("assign.field.title.help"));
        title.setMaxLength(120);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        rationale.setLabel(getTranslation("assign.field.rationale"));
        rationale.setId("assign-rationale");
        rationale.setHelperText(getTranslation("assign.field.rationale.help"));
        rationale.setMaxLength(2000);
        rationale.setRequiredIndicatorVisible(true);
        rationale.setMinRows(3);
        rationale.setWidthFull();

        planLine(what, "what");
        what.setMaxLength(1000);
        planLine(when, "when");
        when.setMaxLength(300);
        planLine(where, "where");
        where.setMaxLength(300);

        kind.setLabel(getTranslation("assign.field.kind"));
        kind.setId("assign-kind");
        kind.setItems(Schedule.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("assign.kind." + k.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setValue(Schedule.Kind.DAILY);
        kind.addValueChangeListener(e -> showScheduleInputs());
        start.setId("assign-start");
        start.setValue(today);
        ClientFormat.localize(start, this);
        endMode.setLabel(getTranslation("assign.field.end-mode"));
        endMode.setId("assign-end-mode");
        endMode.setItems(EndMode.values());
        endMode.setItemLabelGenerator(m -> getTranslation(m == EndMode.DATE ? "assign.end-mode.date" : "assign.end-mode.times"));
        endMode.setValue(EndMode.DATE);
        endMode.addValueChangeListener(e -> showScheduleInputs());
        end.setLabel(getTranslation("assign.field.end"));
        end.setId("assign-end");
        LocalDate next = client.nextSession();
        end.setValue(next != null && next.minusDays(1).isAfter(today) ? next.minusDays(1) : today.plusDays(6));
        ClientFormat.localize(end, this);
        end.setHelperText(next != null && next.isAfter(today)
                ? getTranslation("assign.field.end.help", ClientFormat.date(next, getLocale())) : null);
        FormFields.wholeNumber(times, getTranslation("assign.field.times"), "assign-times", 1, Schedule.MAX_OCCURRENCES);
        times.setValue(6);
        time.setLabel(getTranslation("assign.field.time"));
        time.setId("assign-time");
        time.setStep(Duration.ofMinutes(15));
        time.setLocale(Dates.formatLocale(getLocale()));
        time.setValue(DEFAULT_TIME);
        weekdays.setLabel(getTranslation("assign.field.weekdays"));
        weekdays.setId("assign-weekdays");
        weekdays.setItems(DayOfWeek.values());
        weekdays.setItemLabelGenerator(d -> ScheduleText.dayName(d, getLocale()));
        FormFields.wholeNumber(everyDays, getTranslation("assign.field.every-days"), "assign-every-days", 2, 60);
        everyDays.setValue(2);
        zoneNote.setText(getTranslation("assign.zone", zone.getId()));
        zoneNote.setId("assign-zone");
        zoneNote.addClassName("assign-note");
        showScheduleInputs();

        obstacles.setLabel(getTranslation("assign.field.obstacles"));
        obstacles.setId("assign-obstacles");
        obstacles.setItems(Obstacle.values());
        obstacles.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        obstacles.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        obstacles.addValueChangeListener(e -> obstacleOther.setVisible(e.getValue().contains(Obstacle.OTHER)));
        obstacleOther.setLabel(getTranslation("assign.field.obstacle-other"));
        obstacleOther.setId("assign-obstacle-other");
        obstacleOther.setMaxLength(300);
        obstacleOther.setWidthFull();
        obstacleOther.setVisible(false);
        planLine(backupPlan, "backup-plan");
        backupPlan.setMaxLength(1000);

        confidence.setLabel(getTranslation("assign.field.confidence"));
        confidence.setId("assign-confidence");
        confidence.setHelperText(getTranslation("assign.field.confidence.help"));
        confidence.setItems(IntStream.rangeClosed(0, 10).boxed().toList());
        confidence.setItemLabelGenerator(String::valueOf);
        confidence.setRequiredIndicatorVisible(true);
        confidence.addClassName("confidence-scale");
        confidence.addValueChangeListener(e -> confidenceChanged(e.getValue()));
        suggestion.setId("assign-suggestion");
        suggestion.addClassName("confidence-suggestion");
        suggestion.getElement().setAttribute("role", "status");
        planChanged.setLabel(getTranslation("assign.field.plan-changed"));
        planChanged.setId("assign-plan-changed");
        suggestion.add(suggestionText, planChanged);
        suggestion.setVisible(false);
        difficulty.setLabel(getTranslation("assign.field.difficulty"));
        difficulty.setId("assign-difficulty");
        difficulty.setItems(1, 2, 3);
        difficulty.setItemLabelGenerator(d -> getTranslation("worksheet.difficulty." + d));

        goal.setLabel(getTranslation("assign.field.goal"));
        goal.setId("assign-goal");
        goal.setItems(activeGoals);
        goal.setEmptySelectionAllowed(true);
        goal.setEmptySelectionCaption(getTranslation("assign.field.goal.none"));
        goal.setItemLabelGenerator(g -> g == null ? getTranslation("assign.field.goal.none") : g.text());
        goal.setWidthFull();
    }

    /** A line of the plan (what, when, where, the backup plan): its label, and an example as its placeholder. */
    private <F extends TextFieldBase<F, String>> void planLine(F field, String name) {
        field.setLabel(getTranslation("assign.field." + name));
        field.setId("assign-" + name);
        field.setPlaceholder(getTranslation("assign.field." + name + ".placeholder"));
        field.setWidthFull();
    }

    private Div section(String headingKey, String introKey, Component... inputs) {
        Div section = new Div();
        section.addClassName("assign-section");
        H3 heading = new H3(getTranslation(headingKey));
        section.add(heading);
        if (introKey != null) {
            Paragraph intro = new Paragraph(getTranslation(introKey));
            intro.addClassName("assign-note");
            section.add(intro);
        }
        section.add(inputs);
        return section;
    }

    // ---------------------------------------------------------------- kinds of homework

    private void buildSteps() {
        stepsSection.addClassName("assign-section");
        stepsSection.setId("assign-steps-section");
        H3 heading = new H3(getTranslation("assign.ladder.steps"));
        Paragraph intro = new Paragraph(getTranslation("assign.ladder.steps.intro"));
        intro.addClassName("assign-note");
        steps.setId("assign-steps");
        steps.getElement().setAttribute("role", "list");
        addStep.setText(getTranslation("assign.ladder.add"));
        addStep.setIcon(VaadinIcon.PLUS.create());
        addStep.setId("assign-add-step");
        addStep.addClickListener(e -> {
            stepFields.add(stepField());
            renderSteps();
            stepFields.getLast().focus();
        });
        stepsSection.add(heading, intro, steps, addStep);
        stepsSection.setVisible(false);
        stepFields.add(stepField());
        stepFields.add(stepField());
        renderSteps();
        ladderNote.setText(getTranslation("assign.ladder.schedule"));
        ladderNote.addClassName("assign-note");
        ladderNote.setVisible(false);
    }

    private TextField stepField() {
        TextField field = new TextField();
        field.setMaxLength(HomeworkPlans.MAX_STEP_LENGTH);
        field.setWidthFull();
        field.addValueChangeListener(e -> field.setInvalid(false));
        return field;
    }

    /** One row per step: its text and buttons to move it up or down or remove it, each with an accessible name. */
    private void renderSteps() {
        steps.removeAll();
        int count = stepFields.size();
        for (int i = 0; i < count; i++) {
            int index = i;
            int number = i + 1;
            TextField field = stepFields.get(i);
            field.setLabel(getTranslation("assign.ladder.step", number));
            field.setId("assign-step-" + number);
            Button up = stepButton(VaadinIcon.ARROW_UP, "assign.ladder.up", number, index > 0, () -> swap(index, index - 1));
            Button down = stepButton(VaadinIcon.ARROW_DOWN, "assign.ladder.down", number, index < count - 1,
                    () -> swap(index, index + 1));
            Button remove = stepButton(VaadinIcon.TRASH, "assign.ladder.remove", number,
                    count > HomeworkPlans.MIN_STEPS, () -> {
                        stepFields.remove(index);
                        renderSteps();
                    });
            HorizontalLayout row = new HorizontalLayout(field, up, down, remove);
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassName("assign-step");
            row.getElement().setAttribute("role", "listitem");
            steps.add(row);
        }
        addStep.setEnabled(count < HomeworkPlans.MAX_STEPS);
    }

    private Button stepButton(VaadinIcon icon, String labelKey, int number, boolean enabled, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setAriaLabel(getTranslation(labelKey, number));
        button.setTooltipText(getTranslation(labelKey, number));
        button.setEnabled(enabled);
        return button;
    }

    private void swap(int from, int to) {
        Collections.swap(stepFields, from, to);
        renderSteps();
        stepFields.get(to).focus();
    }

    private void modeChanged() {
        Mode m = mode.getValue() == null ? Mode.ONE : mode.getValue();
        boolean choice = m == Mode.CHOICE;
        boolean ladder = m == Mode.LADDER;
        worksheet.setLabel(getTranslation(choice ? "assign.choice.first" : "assign.worksheet"));
        secondWorksheet.setVisible(choice);
        thirdWorksheet.setVisible(choice);
        stepsSection.setVisible(ladder);
        ladderNote.setVisible(ladder);
        title.setVisible(!choice);
        title.setLabel(getTranslation(ladder ? "assign.ladder.name" : "assign.field.title"));
        title.setHelperText(getTranslation(ladder ? "assign.ladder.name.help" : "assign.field.title.help"));
        rationale.setRequiredIndicatorVisible(!choice);
        rationale.setHelperText(getTranslation(choice ? "assign.choice.rationale.help" : "assign.field.rationale.help"));
        if (started != null) {
            WorksheetDocument document = started.worksheet().document();
            if (choice && rationale.getValue().equals(document.rationale())) {
                rationale.clear(); // each option brings its own reason; a shared one is optional
            } else if (!choice && rationale.getValue().isBlank()) {
                rationale.setValue(document.rationale());
            }
            if (ladder && title.getValue().equals(document.title())) {
                title.clear();
            } else if (!ladder && title.getValue().isBlank()) {
                title.setValue(document.title());
            }
        }
        assign.setText(getTranslation(ladder ? "assign.ladder.submit" : choice ? "assign.choice.submit" : "assign.submit"));
    }

    private void prefill(ReplanStart from) {
        replanning = from;
        threshold = from.confidenceThreshold();
        AssignmentPlan p = from.plan();
        setHeaderTitle(getTranslation("assign.change.title"));
        mode.setVisible(false);
        worksheet.setVisible(false);
        fixedWorksheet.setText(getTranslation("assign.change.worksheet", from.worksheetTitle()));
        fixedWorksheet.setVisible(true);
        changeNote.setVisible(true);
        title.setValue(p.title());
        rationale.setValue(p.rationale());
        what.setValue(p.what());
        when.setValue(p.when());
        where.setValue(p.where());
        Schedule schedule = p.schedule();
        kind.setValue(schedule.kind());
        start.setValue(schedule.start());
        if (schedule.end() != null) {
            endMode.setValue(EndMode.DATE);
            end.setValue(schedule.end());
        } else if (schedule.times() != null) {
            endMode.setValue(EndMode.TIMES);
        }
        if (schedule.times() != null) {
            times.setValue(schedule.times());
        }
        time.setValue(schedule.timeOfDay());
        weekdays.setValue(schedule.weekdays());
        if (schedule.everyDays() != null) {
            everyDays.setValue(schedule.everyDays());
        }
        showScheduleInputs();
        obstacles.setValue(p.obstacles());
        obstacleOther.setValue(p.obstacleOther());
        backupPlan.setValue(p.backupPlan());
        confidencePrompted = p.confidencePrompted();
        planChanged.setValue(p.planChanged());
        confidence.setValue(p.confidence());
        difficulty.setValue(Math.clamp(p.difficulty(), 1, 3));
        if (p.goalId() != null) {
            goal.getListDataView().getItems().filter(g -> g.id().equals(p.goalId())).findFirst().ifPresent(goal::setValue);
        }
        confidenceChanged(confidence.getValue());
        plan.setVisible(true);
        assign.setText(getTranslation("assign.change.save"));
        assign.setEnabled(true);
    }

    private void chosen(LibraryEntry entry) {
        alert.clear();
        worksheet.setInvalid(false);
        if (entry == null) {
            return;
        }
        try {
            started = homework.startAssigning(client.id(), entry.id());
        } catch (DomainException problem) {
            Forms.show(problem, Map.of("worksheet", worksheet), alert, this);
            return;
        }
        threshold = started.confidenceThreshold();
        WorksheetDocument document = started.worksheet().document();
        Mode m = mode.getValue();
        title.setValue(m == Mode.LADDER ? "" : document.title());
        rationale.setValue(m == Mode.CHOICE ? "" : document.rationale());
        difficulty.setValue(Math.clamp(document.difficulty(), 1, 3));
        worksheetDescription.setText(document.description());
        worksheetDescription.setVisible(!document.description().isBlank());
        confidenceChanged(confidence.getValue());
        plan.setVisible(true);
        assign.setEnabled(true);
    }

    private void confidenceChanged(Integer value) {
        if (started == null && replanning == null) {
            return;
        }
        boolean low = value != null && value < threshold;
        if (low) {
            confidencePrompted = true;
        }
        suggestionText.setText(getTranslation("assign.confidence.low", threshold));
        suggestionText.setVisible(low);
        // once suggested, the box stays so "we changed the plan" can be ticked after the change raised confidence
        suggestion.setVisible(confidencePrompted);
    }

    private void showScheduleInputs() {
        Schedule.Kind k = kind.getValue();
        boolean repeating = k != null && k != Schedule.Kind.ONCE;
        start.setLabel(getTranslation(repeating ? "assign.field.start" : "assign.field.date"));
        endMode.setVisible(repeating);
        end.setVisible(repeating && endMode.getValue() == EndMode.DATE);
        times.setVisible(repeating && endMode.getValue() == EndMode.TIMES);
        weekdays.setVisible(k == Schedule.Kind.WEEKDAYS);
        everyDays.setVisible(k == Schedule.Kind.EVERY_N_DAYS);
    }

    /** The schedule exactly as entered: inputs the kind does not use are null, the service checks the rest. */
    Schedule schedule() {
        Schedule.Kind k = kind.getValue();
        boolean repeating = k != null && k != Schedule.Kind.ONCE;
        return new Schedule(k, start.getValue(),
                repeating && endMode.getValue() == EndMode.DATE ? end.getValue() : null,
                repeating && endMode.getValue() == EndMode.TIMES ? times.getValue() : null,
                time.getValue(),
                k == Schedule.Kind.WEEKDAYS ? weekdays.getValue() : null,
                k == Schedule.Kind.EVERY_N_DAYS ? everyDays.getValue() : null,
                client.timeZone());
    }

    private AssignmentPlan planFromInputs() {
        Set<Obstacle> chosen = obstacles.getValue();
        return new AssignmentPlan(title.getValue(), rationale.getValue(), what.getValue(), when.getValue(),
                where.getValue(), schedule(), chosen, chosen.contains(Obstacle.OTHER) ? obstacleOther.getValue() : "",
                backupPlan.getValue(),
                // no choice made: out of range, so the service asks for one at the field
                confidence.getValue() == null ? -1 : confidence.getValue(), confidencePrompted,
                confidencePrompted && planChanged.getValue(),
                difficulty.getValue() == null ? 0 : difficulty.getValue(),
                goal.getValue() == null ? null : goal.getValue().id());
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("worksheet", worksheet);
        fields.put("title", title);
        fields.put("rationale", rationale);
        fields.put("what", what);
        fields.put("when", when);
        fields.put("where", where);
        fields.put("schedule", kind);
        fields.put("start", start);
        // "end or times" belongs to whichever of the two is on screen
        fields.put("end", endMode.getValue() == EndMode.TIMES ? times : end);
        fields.put("times", times);
        fields.put("weekdays", weekdays);
        fields.put("everyDays", everyDays);
        fields.put("time", time);
        fields.put("confidence", confidence);
        fields.put("difficulty", difficulty);
        fields.put("goal", goal);
        fields.put("obstacleOther", obstacleOther);
        fields.put("backupPlan", backupPlan);
        fields.put("options", secondWorksheet);
        for (int i = 0; i < stepFields.size(); i++) {
            fields.put("step." + (i + 1), stepFields.get(i));
        }
        return fields;
    }

    private void submit() {
        Map<String, HasValidation> fields = fields();
        Forms.clear(fields, alert);
        LibraryEntry chosen = worksheet.getValue();
        if (replanning == null && chosen == null) {
            worksheet.setErrorMessage(getTranslation("validation.choose"));
            worksheet.setInvalid(true);
            worksheet.focus();
            return;
        }
        try {
            AssignmentPlan plan = planFromInputs();
            String done;
            if (replanning != null) {
                homework.replan(replanning.assignmentId(), plan);
                done = getTranslation("assign.change.done", plan.title().strip());
            } else if (mode.getValue() == Mode.LADDER) {
                List<String> texts = stepFields.stream().map(TextField::getValue).toList();
                homework.assignLadder(client.id(), chosen.id(), plan, texts);
                done = getTranslation("assign.ladder.done", plan.title().strip(), client.displayName());
            } else if (mode.getValue() == Mode.CHOICE) {
                List<String> ids = Stream.of(worksheet, secondWorksheet, thirdWorksheet)
                        .map(ComboBox::getValue).filter(Objects::nonNull).map(LibraryEntry::id).toList();
                homework.offerChoice(client.id(), ids, plan);
                done = getTranslation("assign.choice.done", ids.size(), client.displayName());
            } else {
                homework.assign(client.id(), chosen.id(), plan);
                done = getTranslation("assign.done", plan.title().strip(), client.displayName());
            }
            close();
            Forms.notifySuccess(done);
            onAssigned.run();
        } catch (DomainException problem) {
            Forms.show(problem, fields, alert, this);
            // a long form: bring the problem into view (radio and checkbox groups take no focus)
            HasValidation field = problem.field() == null ? null : fields.get(problem.field());
            if (field instanceof Component component) {
                component.scrollIntoView();
            } else if (alert.isVisible()) {
                alert.scrollIntoView();
            }
        }
    }
}
