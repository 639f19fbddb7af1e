package app.homeward.worksheet.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.RouteIds;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.worksheet.Draft;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldProblem;
import app.homeward.worksheet.FieldType;
import app.homeward.worksheet.Sharing;
import app.homeward.worksheet.WorksheetCategory;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetProblems;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * /app/worksheets/{id}/edit: the builder. Details on top, the fields as cards you can reorder,
 * duplicate and delete, scoring for measures, and beside it a live preview exactly as the client
 * will see it. Save keeps the draft; publish checks everything, shows each problem at its field,
 * and freezes the version. Leaving with unsaved changes asks first.
 */
@Route("app/worksheets/:id/edit")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class WorksheetEditorView extends Div implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final TextArea rationale = new TextArea();
    final Select<WorksheetCategory> category = new Select<>();
    final TextField tags = new TextField();
    final IntegerField minutes = new IntegerField();
    final RadioButtonGroup<Integer> difficulty = new RadioButtonGroup<>();
    final Select<String> language = new Select<>();
    final Select<FieldType> newFieldType = new Select<>();
    final Button addField = new Button();
    final Button save = new Button();
    final Button publish = new Button();
    final Span status = new Span();
    final List<FieldEditor> editors = new ArrayList<>();
    private final Div fieldList = new Div();
    private final Paragraph noFields = new Paragraph();
    private final Forms.FormAlert alert = new Forms.FormAlert();
    private final WorksheetService worksheets;
    private final ClinicDirectory clinics;
    private final Clock clock;
    private ScoringEditor scoring;
    private WorksheetPreview preview;
    private Draft draft;
    private boolean dirty;
    private boolean loading;

    public WorksheetEditorView(WorksheetService worksheets, ClinicDirectory clinics, Clock clock) {
        this.worksheets = worksheets;
        this.clinics = clinics;
        this.clock = clock;
        addClassName("page");
        addClassName("builder-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id = RouteIds.uuid(event, "id");
        try {
            draft = worksheets.openDraft(id);
        } catch (NotFoundException missing) {
            throw missing; // the "not found" page, like any id one may not see
        } catch (DomainException problem) {
            // archived: go back to the worksheet and say why
            Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments()));
            event.forwardTo(WorksheetView.class, new RouteParameters("id", id.toString()));
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        editors.clear();
        fieldList.removeAll();
        loading = true;
        WorksheetDocument document = draft.document();

        H1 heading = new H1(getTranslation("builder.title"));
        Paragraph version = new Paragraph(getTranslation("builder.version", draft.number()));
        version.addClassName("builder-version");

        title.setLabel(getTranslation("worksheet.field.title"));
        title.setId("worksheet-title");
        title.setMaxLength(120);
        title.setRequiredIndicatorVisible(true);
        title.setValue(document.title());
        title.setWidthFull();
        description.setLabel(getTranslation("worksheet.field.description"));
        description.setMaxLength(400);
        description.setValue(document.description());
        description.setWidthFull();
        rationale.setLabel(getTranslation("worksheet.field.rationale"));
        rationale.setHelperText(getTranslation("worksheet.field.rationale.help"));
        rationale.setId("worksheet-rationale");
        rationale.setMaxLength(2000);
        rationale.setRequiredIndicatorVisible(true);
        rationale.setValue(document.rationale());
        rationale.setWidthFull();
        category.setLabel(getTranslation("library.category"));
        category.setItems(WorksheetCategory.values());
        category.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        category.setValue(document.category());
        tags.setLabel(getTranslation("worksheet.field.tags"));
        tags.setHelperText(getTranslation("worksheet.field.tags.help"));
        tags.setValue(String.join(", ", document.tags()));
        tags.setMaxLength(400);
        minutes.setLabel(getTranslation("worksheet.field.minutes"));
        minutes.setMin(1);
        minutes.setMax(240);
        minutes.setValue(document.minutes());
        minutes.setStepButtonsVisible(true);
        difficulty.setLabel(getTranslation("library.difficulty"));
        difficulty.setItems(1, 2, 3);
        difficulty.setItemLabelGenerator(d -> getTranslation("worksheet.difficulty." + d));
        difficulty.setValue(document.difficulty());
        language.setLabel(getTranslation("worksheet.field.language"));
        language.setItems("en", "es");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        language.setValue(document.language().equals("es") ? "es" : "en");
        for (HasValue<?, ?> input : List.<HasValue<?, ?>>of(title, description, rationale, category, tags, minutes,
                difficulty, language)) {
            input.addValueChangeListener(e -> changed());
        }
        title.setValueChangeMode(ValueChangeMode.LAZY);
        description.setValueChangeMode(ValueChangeMode.LAZY);
        rationale.setValueChangeMode(ValueChangeMode.LAZY);
        tags.setValueChangeMode(ValueChangeMode.LAZY);
        Div meta = new Div(category, minutes, difficulty, language);
        meta.addClassName("editor-row");
        Div details = new Div(new H2(getTranslation("builder.details")), title, description, rationale, meta, tags);
        details.addClassName("form-section");

        noFields.setText(getTranslation("builder.no-fields"));
        noFields.addClassName("empty-state");
        fieldList.addClassName("field-list");
        newFieldType.setLabel(getTranslation("builder.new-field-type"));
        newFieldType.setId("new-field-type");
        newFieldType.setItems(FieldType.values());
        newFieldType.setItemLabelGenerator(type -> getTranslation(type.messageKey()));
        newFieldType.setValue(FieldType.SHORT_TEXT);
        addField.setText(getTranslation("builder.add-field"));
        addField.setId("add-field");
        addField.setIcon(VaadinIcon.PLUS.create());
        addField.addClickListener(e -> {
            FieldEditor editor = append(FieldEditor.blank(newFieldType.getValue(), nextKey(), this::getTranslation));
            editor.focusLabel();
            changed();
        });
        Div adder = new Div(newFieldType, addField);
        adder.addClassName("editor-row");
        adder.addClassName("field-adder");
        Div fieldsSection = new Div(new H2(getTranslation("builder.fields")),
                new Paragraph(getTranslation("builder.fields.intro")), noFields, fieldList, adder);
        fieldsSection.addClassName("form-section");
        document.fields().forEach(this::append);

        scoring = new ScoringEditor(document.scoring(), document.fields(), this::changed, this::getTranslation);
        Div scoringSection = new Div(new H2(getTranslation("builder.scoring")), scoring);
        scoringSection.addClassName("form-section");

        Div editorColumn = new Div(alert, details, fieldsSection, scoringSection);
        editorColumn.addClassName("builder-editor");
        preview = new WorksheetPreview(document, true);
        Div previewColumn = new Div(new H2(getTranslation("builder.preview")), preview);
        previewColumn.addClassName("builder-preview");
        previewColumn.getElement().setAttribute("aria-label", getTranslation("builder.preview"));
        Div columns = new Div(editorColumn, previewColumn);
        columns.addClassName("builder-columns");

        save.setText(getTranslation("builder.save"));
        save.setId("save-draft");
        save.addClickListener(e -> saveDraft());
        publish.setText(getTranslation("builder.publish"));
        publish.setId("publish");
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        publish.addClickListener(e -> openPublishDialog());
        Button discard = new Button(getTranslation("builder.discard"), e -> confirmDiscard());
        discard.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        status.setId("save-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("save-status");
        Div bar = new Div(status, discard, save, publish);
        bar.addClassName("builder-bar");

        add(heading, version, columns, bar);
        refreshList();
        loading = false;
        setDirty(false);
        status.setText(getTranslation("builder.status.opened", draft.number()));
    }

    private FieldEditor append(Field field) {
        FieldEditor editor = new FieldEditor(field, false, new FieldEditor.Actions() {
            @Override
            public void move(FieldEditor which, int delta) {
                WorksheetEditorView.this.move(which, delta);
            }

            @Override
            public void duplicate(FieldEditor which) {
                int at = editors.indexOf(which) + 1;
                FieldEditor copy = new FieldEditor(which.toField().withKey(nextKey()), false, this,
                        WorksheetEditorView.this::changed, WorksheetEditorView.this::getTranslation);
                editors.add(at, copy);
                refreshList();
                copy.focusLabel();
                changed();
            }

            @Override
            public void remove(FieldEditor which) {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("builder.delete.confirm.title"),
                        getTranslation("builder.delete.confirm.body", which.label.getValue()),
                        getTranslation("builder.delete.confirm.ok"), ok -> {
                    int at = editors.indexOf(which);
                    editors.remove(which);
                    refreshList();
                    changed();
                    if (editors.isEmpty()) {
                        addField.focus();
                    } else {
                        editors.get(Math.max(0, at - 1)).up.focus();
                    }
                });
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("action.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            }
        }, this::changed, this::getTranslation);
        editors.add(editor);
        refreshList();
        return editor;
    }

    private void move(FieldEditor editor, int delta) {
        if (!FieldEditor.moveWithin(editors, editor, delta)) {
            return;
        }
        int to = editors.indexOf(editor);
        refreshList();
        // keep the keyboard where it was: on the same button of the moved card
        (delta < 0 ? (to == 0 ? editor.down : editor.up) : (to == editors.size() - 1 ? editor.up : editor.down)).focus();
        changed();
    }

    private void refreshList() {
        fieldList.removeAll();
        for (int i = 0; i < editors.size(); i++) {
            FieldEditor editor = editors.get(i);
            editor.up.setEnabled(i > 0);
            editor.down.setEnabled(i < editors.size() - 1);
            fieldList.add(editor);
        }
        noFields.setVisible(editors.isEmpty());
    }

    private String nextKey() {
        return FieldEditor.freeKey("field-", editors.stream().map(FieldEditor::key).toList());
    }

    /** The worksheet as it stands in the builder. */
    WorksheetDocument current() {
        return current(fields());
    }

    private List<Field> fields() {
        return editors.stream().map(FieldEditor::toField).toList();
    }

    /** The worksheet as it stands in the builder, with these fields (already read from the cards). */
    private WorksheetDocument current(List<Field> fields) {
        List<String> tagList = Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        return new WorksheetDocument(title.getValue().strip(), description.getValue().strip(), rationale.getValue().strip(),
                category.getValue(), tagList, minutes.getValue() == null ? 0 : minutes.getValue(),
                difficulty.getValue() == null ? 0 : difficulty.getValue(), language.getValue(), fields,
                scoring == null ? null : scoring.value());
    }

    private void changed() {
        if (loading) {
            return;
        }
        setDirty(true);
        status.setText(getTranslation("builder.status.unsaved"));
        // the fields once; the document after the scoring has dropped what no longer exists
        List<Field> fields = fields();
        scoring.fieldsChanged(fields);
        preview.show(current(fields));
    }

    void saveDraft() {
        clearProblems();
        try {
            draft = worksheets.saveDraft(draft.templateId(), draft.lock(), current());
            setDirty(false);
            status.setText(getTranslation("builder.status.saved",
                    Dates.time(LocalTime.ofInstant(clock.instant(), clinics.currentTimeZone()), getLocale())));
            Forms.notifySuccess(getTranslation("builder.saved"));
        } catch (WorksheetProblems problems) {
            showProblems(problems.problems());
        } catch (DomainException problem) {
            handle(problem);
        }
    }

    private void openPublishDialog() {
        clearProblems();
        WorksheetDocument document = current();
        List<FieldProblem> problems = document.problems(true);
        if (!problems.isEmpty()) {
            showProblems(problems);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("builder.publish.title"));
        RadioButtonGroup<Sharing> sharing = new RadioButtonGroup<>();
        sharing.setLabel(getTranslation("builder.publish.who"));
        sharing.setItems(Sharing.CLINIC, Sharing.PRIVATE);
        sharing.setItemLabelGenerator(s -> getTranslation("builder.publish.sharing." + s.name().toLowerCase(Locale.ROOT)));
        sharing.setValue(draft.sharing() == null ? Sharing.CLINIC : draft.sharing());
        sharing.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        sharing.setId("publish-sharing");
        dialog.add(new Paragraph(getTranslation("builder.publish.intro", draft.number())));
        if (draft.owner()) {
            dialog.add(sharing);
        } else {
            dialog.add(new Paragraph(getTranslation("builder.publish.shared-stays")));
        }
        Button confirm = new Button(getTranslation("builder.publish"), e -> {
            dialog.close();
            publish(sharing.getValue());
        });
        confirm.setId("publish-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void publish(Sharing sharing) {
        try {
            worksheets.publish(draft.templateId(), draft.lock(), current(), sharing);
            setDirty(false);
            Forms.notifySuccess(getTranslation("builder.published", draft.number()));
            UI.getCurrent().navigate(WorksheetView.class, new RouteParameters("id", draft.templateId().toString()));
        } catch (WorksheetProblems problems) {
            showProblems(problems.problems());
        } catch (DomainException problem) {
            handle(problem);
        }
    }

    private void confirmDiscard() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("builder.discard.title"),
                getTranslation(draft.everPublished() ? "builder.discard.body" : "builder.discard.body-new"),
                getTranslation("builder.discard"), ok -> {
            try {
                worksheets.discardDraft(draft.templateId(), draft.lock());
                setDirty(false);
                Forms.notifySuccess(getTranslation("builder.discarded"));
                if (draft.everPublished()) {
                    UI.getCurrent().navigate(WorksheetView.class, new RouteParameters("id", draft.templateId().toString()));
                } else {
                    UI.getCurrent().navigate(WorksheetLibraryView.class);
                }
            } catch (DomainException problem) {
                handle(problem);
            }
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void handle(DomainException problem) {
        if ("worksheet.changed-elsewhere".equals(problem.messageKey())) {
            ConfirmDialog stale = new ConfirmDialog(getTranslation("builder.stale.title"),
                    getTranslation("builder.stale.body"), getTranslation("builder.stale.reload"), ok -> {
                draft = worksheets.openDraft(draft.templateId());
                build();
            });
            stale.setCancelable(true);
            stale.setCancelText(getTranslation("builder.stale.keep"));
            stale.open();
            status.setText(getTranslation("worksheet.changed-elsewhere"));
            return;
        }
        alert.show(getTranslation(problem.messageKey(), problem.arguments()));
    }

    private void clearProblems() {
        alert.clear();
        title.setInvalid(false);
        rationale.setInvalid(false);
        editors.forEach(e -> e.showProblems(List.of()));
    }

    /** Each problem at its field; problems of the whole worksheet at the top. The first gets the focus. */
    private void showProblems(List<FieldProblem> problems) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldProblem problem : problems) {
            String message = getTranslation(problem.messageKey(), problem.arguments());
            if (problem.fieldKey() != null && editors.stream().anyMatch(e -> e.key().equals(problem.fieldKey()))) {
                byField.computeIfAbsent(problem.fieldKey(), k -> new ArrayList<>()).add(message);
            } else if (problem.messageKey().contains(".problem.title-")) {
                title.setErrorMessage(message);
                title.setInvalid(true);
            } else if (problem.messageKey().contains(".problem.rationale-")) {
                rationale.setErrorMessage(message);
                rationale.setInvalid(true);
            } else {
                general.add(message);
            }
        }
        FieldEditor first = null;
        for (FieldEditor editor : editors) {
            List<String> messages = byField.getOrDefault(editor.key(), List.of());
            // duplicate keys: every card with the key shows it
            if (editor.showProblems(messages) && first == null) {
                first = editor;
            }
        }
        int count = problems.size();
        alert.show(getTranslation("builder.problems", count) + (general.isEmpty() ? "" : " " + String.join(" ", general)));
        if (title.isInvalid()) {
            title.focus();
        } else if (rationale.isInvalid()) {
            rationale.focus();
        } else if (first != null) {
            first.focusLabel();
        }
        status.setText(getTranslation("builder.problems", count));
    }

    private void setDirty(boolean value) {
        dirty = value;
        // the browser asks before closing the tab or reloading while there are unsaved changes
        getElement().executeJs("window.onbeforeunload = $0 ? function (e) { e.preventDefault(); e.returnValue = ''; } : null;",
                value);
    }

    boolean isDirty() {
        return dirty;
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("builder.leave.title"),
                getTranslation("builder.leave.body"), getTranslation("builder.leave.ok"), ok -> {
            setDirty(false);
            action.proceed();
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("builder.leave.stay"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().getPage().executeJs("window.onbeforeunload = null;");
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("builder.title") + " · Homeward";
    }
}
