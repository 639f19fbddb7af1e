package app.homeward.worksheet.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.Draft;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldType;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.Scoring;
import app.homeward.worksheet.Sharing;
import app.homeward.worksheet.VersionState;
import app.homeward.worksheet.WorksheetCategory;
import app.homeward.worksheet.WorksheetDetail;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /app/worksheets/{id}/edit: the builder, from a blank worksheet to published versions. */
class WorksheetEditorViewTest extends ViewTest {

    static final String LABEL_EMPTY = "This field needs a label.";

    @Autowired WorksheetService worksheets;

    ClinicBranding clinic;
    TestAccount therapist;
    TestAccount colleague;
    WorksheetEditorView view;

    @BeforeEach
    void aTherapistIsSignedIn() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        colleague = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
    }

    // ------------------------------------------------------------------ the use case of the issue

    @Test
    void a_therapist_builds_every_field_type_previews_saves_fixes_problems_publishes_and_publishes_a_second_version() {
        UUID id = worksheets.create("Weekly check-in");
        view = openEditor(id);
        assertThat(view.status.getText()).isEqualTo("Editing the draft of version 1.");
        assertThat(view.isDirty()).isFalse();

        // every type, in the builder's order; the short text and the table keep an empty label for now
        for (FieldType type : FieldType.values()) {
            FieldEditor card = addField(type);
            assertThat(card.type()).isEqualTo(type);
            if (type == FieldType.INSTRUCTIONS) {
                test(find(TextArea.class, card).withCondition(t -> "Text".equals(t.getLabel())).single())
                        .setValue("Take ten minutes somewhere quiet.");
                assertThat(find(Paragraph.class, previewForm()).withText("Take ten minutes somewhere quiet.").exists())
                        .as("the preview shows the instructions as they are typed").isTrue();
            }
            if (type != FieldType.SHORT_TEXT && type != FieldType.TABLE) {
                test(card.label).setValue(label(type));
                assertThat(previewShows(label(type))).as("the live preview shows " + label(type)).isTrue();
            }
        }
        assertThat(view.editors).hasSize(14);
        assertThat(view.editors).extracting(FieldEditor::key).doesNotHaveDuplicates();
        assertThat(view.status.getText()).isEqualTo("Unsaved changes");
        assertThat(view.isDirty()).isTrue();
        ChoiceField<?> choice = find(ChoiceField.class, previewForm())
                .withCondition(g -> label(FieldType.SINGLE_CHOICE).equals(g.getLabel())).single();
        assertThat(Choices.labels(choice)).as("a new choice field starts with two choices")
                .contains("Choice 1").contains("Choice 2");
        test(view.title).setValue("Weekly check-in (long)");
        assertThat(find(H2.class, find(WorksheetPreview.class).single()).first().getText()).isEqualTo("Weekly check-in (long)");

        // save the draft as it is
        test(view.save).click();

        assertThat(view.status.getText()).startsWith("Saved at ");
        assertThat(view.isDirty()).isFalse();
        assertThat(notificationTexts()).contains("Draft saved.");
        WorksheetDocument saved = worksheets.template(id, 1).document();
        assertThat(saved.title()).isEqualTo("Weekly check-in (long)");
        assertThat(saved.fields()).extracting(Field::type).containsExactly(FieldType.values());
        assertThat(saved.fields()).extracting(Field::label).contains(label(FieldType.STEP_LADDER)).contains("");
        assertThat(((FieldTypes.Instructions) saved.fields().getFirst()).text()).isEqualTo("Take ten minutes somewhere quiet.");

        // publishing with empty labels (and no "why") shows each problem where it is and publishes nothing
        test(view.publish).click();

        assertThat(openDialogs()).as("no publish dialog while there are problems").isEmpty();
        assertThat(cardsWithProblems()).extracting(FieldEditor::type).containsExactly(FieldType.SHORT_TEXT, FieldType.TABLE);
        assertThat(problemText(card(FieldType.SHORT_TEXT))).isEqualTo(LABEL_EMPTY);
        assertThat(problemText(card(FieldType.TABLE))).isEqualTo(LABEL_EMPTY);
        assertThat(view.rationale.isInvalid()).isTrue();
        assertThat(view.rationale.getErrorMessage())
                .isEqualTo("Say why this helps: clients do homework more when they know why.");
        assertThat(view.status.getText())
                .isEqualTo("3 things need fixing before this can be saved or published; they are marked below.");
        WorksheetDetail stillDraft = worksheets.template(id, null);
        assertThat(stillDraft.state()).isEqualTo(VersionState.DRAFT);
        assertThat(stillDraft.versions()).hasSize(1);

        // fix them and publish to the clinic
        test(card(FieldType.SHORT_TEXT).label).setValue(label(FieldType.SHORT_TEXT));
        test(card(FieldType.TABLE).label).setValue(label(FieldType.TABLE));
        test(view.rationale).setValue("Noticing the week helps us plan the next one.");
        test(view.publish).click();

        assertThat(cardsWithProblems()).isEmpty();
        assertThat(view.rationale.isInvalid()).isFalse();
        Dialog publish = openDialogs().getFirst();
        RadioButtonGroup<Sharing> sharing = find(RadioButtonGroup.class, publish).id("publish-sharing");
        assertThat(sharing.getValue()).as("a private worksheet is offered as it is").isEqualTo(Sharing.PRIVATE);
        test(sharing).selectItem("Everyone in my clinic");
        test(find(Button.class, publish).id("publish-confirm")).click();

        assertThat(getCurrentView()).isInstanceOf(WorksheetView.class);
        assertThat(badges()).contains("Mine", "Version 1", "Published", "Shared with the clinic");
        assertThat(notificationTexts()).contains("Version 1 published.");
        WorksheetDetail v1 = worksheets.template(id, null);
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.state()).isEqualTo(VersionState.PUBLISHED);
        assertThat(v1.sharing()).isEqualTo(Sharing.CLINIC);
        assertThat(v1.document().fields()).hasSize(14).extracting(Field::label).doesNotContain("");

        // edit again: the builder opens version 2; change the title and publish it
        Button edit = find(Button.class).id("edit-worksheet");
        assertThat(edit.getText()).isEqualTo("Edit (makes a new version)");
        test(edit).click();

        view = (WorksheetEditorView) getCurrentView();
        assertThat(find(Paragraph.class).withClassName("builder-version").single().getText()).isEqualTo("Draft of version 2");
        assertThat(view.editors).hasSize(14);
        test(view.title).setValue("Weekly check-in, second edition");
        test(view.publish).click();
        Dialog second = openDialogs().getFirst();
        assertThat(((RadioButtonGroup<?>) find(RadioButtonGroup.class, second).id("publish-sharing")).getValue())
                .isEqualTo(Sharing.CLINIC);
        test(find(Button.class, second).id("publish-confirm")).click();

        assertThat(getCurrentView()).isInstanceOf(WorksheetView.class);
        assertThat(badges()).contains("Version 2", "Published");
        assertThat(find(Paragraph.class).withText("What changed from version 1 to version 2:").exists()).isTrue();
        assertThat(find(ListItem.class, find(UnorderedList.class).id("version-changes")).all())
                .extracting(ListItem::getText).containsExactly("The title changed.");
        assertThat(worksheets.template(id, null).document().title()).isEqualTo("Weekly check-in, second edition");
        assertThat(worksheets.template(id, 1).document().title()).as("version 1 never changes").isEqualTo("Weekly check-in (long)");
    }

    // ------------------------------------------------------------------ cards

    @Test
    void the_up_and_down_buttons_reorder_fields_and_the_saved_document_keeps_the_order() {
        UUID id = withFields("a", "b", "c");
        view = openEditor(id);
        assertThat(card("a").up.isEnabled()).as("the first card cannot move up").isFalse();
        assertThat(card("c").down.isEnabled()).isFalse();

        test(card("a").down).click();
        test(card("c").up).click();

        assertThat(view.editors).extracting(FieldEditor::key).containsExactly("b", "c", "a");
        assertThat(previewKeys()).containsExactly("b", "c", "a");
        assertThat(card("b").up.isEnabled()).isFalse();
        assertThat(card("a").down.isEnabled()).isFalse();
        assertThatThrownBy(() -> test(card("b").up).click()).as("a disabled button cannot be clicked")
                .isInstanceOf(IllegalStateException.class);
        test(view.save).click();

        assertThat(worksheets.template(id, 1).document().fields()).extracting(Field::key).containsExactly("b", "c", "a");
    }

    @Test
    void duplicating_a_field_puts_a_copy_with_a_new_unique_key_right_after_it() {
        UUID id = withFields("a", "b", "field-4");
        view = openEditor(id);

        test(tool(card("a"), "Duplicate Question a")).click();

        assertThat(view.editors).extracting(FieldEditor::key).containsExactly("a", "field-5", "b", "field-4");
        FieldEditor copy = view.editors.get(1);
        assertThat(copy.label.getValue()).isEqualTo("Question a");
        assertThat(copy.type()).isEqualTo(FieldType.SHORT_TEXT);
        assertThat(view.isDirty()).isTrue();
        test(view.save).click();

        List<Field> fields = worksheets.template(id, 1).document().fields();
        assertThat(fields).extracting(Field::key).containsExactly("a", "field-5", "b", "field-4");
        assertThat(new HashSet<>(fields.stream().map(Field::key).toList())).hasSize(4);
        assertThat(worksheets.template(id, 1).document().problems(true)).as("the copy can be published").isEmpty();
    }

    @Test
    void deleting_a_field_asks_first_and_cancel_keeps_it() {
        UUID id = withFields("a", "b", "c");
        view = openEditor(id);

        test(tool(card("b"), "Delete Question b")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Delete this field?");
        assertThat(test(confirm).getText()).isEqualTo("“Question b” and its settings will be removed from this draft.");
        test(confirm).cancel();

        assertThat(view.editors).extracting(FieldEditor::key).containsExactly("a", "b", "c");
        assertThat(view.isDirty()).isFalse();

        test(tool(card("b"), "Delete Question b")).click();
        test(find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single()).confirm();

        assertThat(view.editors).extracting(FieldEditor::key).containsExactly("a", "c");
        assertThat(previewKeys()).containsExactly("a", "c");
        assertThat(view.isDirty()).isTrue();
        assertThat(worksheets.template(id, 1).document().fields()).as("nothing is saved until Save").hasSize(3);
    }

    @Test
    void deleting_a_table_column_asks_first_and_cancel_keeps_it() {
        UUID id = withMomentsTable("Worksheet with a table");
        view = openEditor(id);
        FieldEditor.ColumnsEditor columns = find(FieldEditor.ColumnsEditor.class, card("moments")).single();

        test(columnTool(columns, "Delete Feelings")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Delete this column?");
        assertThat(test(confirm).getText())
                .isEqualTo("The column “Feelings” and its settings will be removed from this table in the draft.");
        test(confirm).cancel();

        assertThat(columns.value()).extracting(Field::key).containsExactly("c1", "c2", "c3");
        assertThat(view.isDirty()).isFalse();

        test(columnTool(columns, "Delete Feelings")).click();
        test(find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single()).confirm();

        assertThat(columns.value()).extracting(Field::key).containsExactly("c1", "c3");
        assertThat(view.isDirty()).isTrue();
        test(view.save).click();
        FieldTypes.Table saved = (FieldTypes.Table) worksheets.template(id, 1).document().fields().getFirst();
        assertThat(saved.columns()).extracting(Field::key).containsExactly("c1", "c3");
    }

    @Test
    void moving_a_table_column_reorders_the_columns_and_the_saved_table_keeps_the_order() {
        UUID id = withMomentsTable("Worksheet with a table to reorder");
        view = openEditor(id);
        FieldEditor.ColumnsEditor columns = find(FieldEditor.ColumnsEditor.class, card("moments")).single();

        test(columnTool(columns, "Move Situation down")).click();
        test(columnTool(columns, "Move Thought up")).click();

        assertThat(columns.value()).extracting(Field::key).containsExactly("c2", "c3", "c1");
        assertThat(view.isDirty()).isTrue();
        test(view.save).click();
        FieldTypes.Table saved = (FieldTypes.Table) worksheets.template(id, 1).document().fields().getFirst();
        assertThat(saved.columns()).extracting(Field::key).containsExactly("c2", "c3", "c1");
    }

    // ------------------------------------------------------------------ choices and scoring

    @Test
    void a_scored_measure_is_set_up_with_its_choices_bands_and_alert_and_a_bad_band_is_explained() {
        UUID id = worksheets.create("Worry check");
        view = openEditor(id);
        test(view.rationale).setValue("A quick number tells us how the week went.");

        FieldEditor often = addField(FieldType.SINGLE_CHOICE);
        test(often.label).setValue("How often?");
        OptionsEditor options = find(OptionsEditor.class, often).single();
        test(find(Button.class, options).withText("Add choice").single()).click();
        test(optionLabel(options, "Choice 3")).setValue("Very often");
        test(find(Button.class, options).withAriaLabel("Move choice 3 up").single()).click();
        test(find(Button.class, options).withAriaLabel("Remove choice 1").single()).click();
        List<IntegerField> scores = find(
                IntegerField.class, options)
                .withCondition(f -> "Score".equals(f.getLabel())).all();
        assertThat(scores).hasSize(2);
        test(scores.get(0)).setValue(2);
        test(scores.get(1)).setValue(0);
        FieldEditor worry = addField(FieldType.RATING);
        test(worry.label).setValue("Worry today");

        ScoringEditor scoring = find(ScoringEditor.class).single();
        test(scoring.scored).click();
        test(scoring.items).selectItem("How often?", "Worry today");
        Button addBand = find(Button.class, scoring).withText("Add band").single();
        test(addBand).click();
        test(addBand).click();
        setBand(scoring, 0, 0, 5, "Low");
        setBand(scoring, 1, 6, 12, "");
        test(find(Button.class, scoring).withText("Add alert").single()).click();
        test(find(IntegerField.class, scoring)
                .withCondition(f -> "Reaches at least".equals(f.getLabel())).single()).setValue(10);
        test(find(TextField.class, scoring).withCondition(f -> "Alert text".equals(f.getLabel())).single())
                .setValue("Very high worry");

        test(view.publish).click();

        assertThat(openDialogs()).isEmpty();
        assertThat(find(Div.class).withClassName("form-alert").single().getText())
                .isEqualTo("1 thing needs fixing before this can be saved or published; it is marked below. "
                        + "Score bands need a label, a lowest value not above the highest, and must not overlap.");

        setBand(scoring, 1, 6, 12, "High");
        test(view.publish).click();
        test(find(Button.class, openDialogs().getFirst()).id("publish-confirm")).click();

        assertThat(getCurrentView()).isInstanceOf(WorksheetView.class);
        WorksheetDocument published = worksheets.template(id, null).document();
        FieldTypes.SingleChoice choice = (FieldTypes.SingleChoice) published.fields().getFirst();
        assertThat(choice.options()).containsExactly(new FieldTypes.Option("o3", "Very often", 2),
                new FieldTypes.Option("o2", "Choice 2", 0));
        assertThat(published.scoring().items()).containsExactly(often.key(), worry.key());
        assertThat(published.scoring().bands()).containsExactly(new Scoring.Band(0, 5, "Low"),
                new Scoring.Band(6, 12, "High"));
        assertThat(published.scoring().alerts())
                .containsExactly(new Scoring.AlertRule("total", 10, "Very high worry"));
    }

    // ------------------------------------------------------------------ measures copied from the library (issue 13)

    @Test
    void a_copy_of_a_built_in_measure_keeps_its_subscales_change_figures_and_client_messages_when_saved() {
        for (String slug : List.of("dass-21", "audit", "phq-9")) {
            WorksheetDocument builtIn = worksheets.builtIn(slug, null).document();
            UUID id = worksheets.copyBuiltIn(slug);
            view = openEditor(id);
            assertThat(view.isDirty()).as(slug + " opens unchanged").isFalse();

            test(view.title).setValue(builtIn.title() + " (our copy)");
            test(view.save).click();

            WorksheetDocument saved = worksheets.template(id, 1).document();
            assertThat(saved.title()).isEqualTo(builtIn.title() + " (our copy)");
            assertThat(saved.scoring()).as(slug + " scoring survives the editor").isEqualTo(builtIn.scoring());
        }
    }

    @Test
    void the_scoring_editor_shows_the_cutoff_change_figures_subscales_and_client_message() {
        view = openEditor(worksheets.copyBuiltIn("audit"));
        ScoringEditor scoring = find(ScoringEditor.class).single();
        assertThat(scoring.cutoff.getValue()).isEqualTo(8);
        assertThat(scoring.reliability.getValue()).isNull();
        assertThat(find(TextArea.class, scoring).withCondition(f -> "What the client is told".equals(f.getLabel()))
                .single().getValue()).startsWith("Your answers suggest that alcohol");

        view = openEditor(worksheets.copyBuiltIn("dass-21"));
        scoring = find(ScoringEditor.class).single();
        assertThat(find(Div.class, scoring).withClassName("subscale-row").all())
                .extracting(row -> find(Paragraph.class, row).single().getText())
                .containsExactly("Depression: 7 questions, times 2, cut-off 10", "Anxiety: 7 questions, times 2, cut-off 8",
                        "Stress: 7 questions, times 2, cut-off 15");
    }

    @Test
    void a_therapist_sets_change_figures_and_a_client_message_and_removes_a_subscale() {
        UUID id = worksheets.copyBuiltIn("dass-21");
        view = openEditor(id);
        ScoringEditor scoring = find(ScoringEditor.class).single();

        test(find(Button.class, scoring).withAriaLabel("Remove the subscale Stress").single()).click();
        test(scoring.cutoff).setValue(20);
        test(scoring.reliability).setValue(0.93);
        test(scoring.normSd).setValue(19.3);
        test(find(Button.class, scoring).withText("Add alert").single()).click();
        test(find(IntegerField.class, scoring).withCondition(f -> "Reaches at least".equals(f.getLabel())).single())
                .setValue(40);
        test(find(TextField.class, scoring).withCondition(f -> "Alert text".equals(f.getLabel())).single())
                .setValue("High overall distress");
        test(find(TextArea.class, scoring).withCondition(f -> "What the client is told".equals(f.getLabel())).single())
                .setValue("  Please mention this at your next session.  ");
        test(view.save).click();

        Scoring saved = worksheets.template(id, 1).document().scoring();
        assertThat(saved.subscales()).extracting(Scoring.Subscale::key).containsExactly("depression", "anxiety");
        assertThat(saved.cutoff()).isEqualTo(20);
        assertThat(saved.reliability()).isEqualTo(0.93);
        assertThat(saved.normSd()).isEqualTo(19.3);
        assertThat(saved.alerts()).containsExactly(new Scoring.AlertRule(Scoring.TOTAL, 40, "High overall distress",
                "Please mention this at your next session."));
        assertThat(worksheets.template(id, 1).document().problems(true)).isEmpty();
    }

    @Test
    void the_pcl5_published_reliable_change_shows_and_can_be_changed() {
        UUID id = worksheets.copyBuiltIn("pcl-5");
        view = openEditor(id);
        ScoringEditor scoring = find(ScoringEditor.class).single();
        assertThat(scoring.reliableChange.getValue()).isEqualTo(10);
        assertThat(scoring.reliableChange.getLabel()).isEqualTo("Reliable change (points)");

        test(scoring.reliableChange).setValue(12);
        test(view.save).click();

        assertThat(worksheets.template(id, 1).document().scoring().reliableChange()).isEqualTo(12);
    }

    @Test
    void the_new_scoring_labels_read_in_spanish_too() {
        view = openEditor(worksheets.copyBuiltIn("dass-21"));
        ScoringEditor scoring = find(ScoringEditor.class).single();
        assertThat(view.getTranslation(Locale.forLanguageTag("es"), "builder.scoring.cutoff"))
                .isEqualTo("Punto de corte clínico");
        assertThat(view.getTranslation(Locale.forLanguageTag("es"), "builder.scoring.subscale.summary",
                "Depresión", 7, 2, 10)).isEqualTo("Depresión: 7 preguntas, por 2, punto de corte 10");
        assertThat(scoring.cutoff.getLabel()).isEqualTo("Clinical cut-off");
    }

    // ------------------------------------------------------------------ two editors

    @Test
    void when_a_colleague_saved_the_shared_draft_in_between_saving_says_so_and_overwrites_nothing() {
        UUID id = withFields("a");
        Draft draft = worksheets.openDraft(id);
        worksheets.publish(id, draft.lock(), draft.document(), Sharing.CLINIC);

        // the colleague opens the shared worksheet in the builder: version 2
        colleague.signIn();
        view = openEditor(id);
        assertThat(find(Paragraph.class).withClassName("builder-version").single().getText()).isEqualTo("Draft of version 2");

        // meanwhile the author saves the same draft
        therapist.signIn();
        Draft authors = worksheets.openDraft(id);
        assertThat(authors.number()).isEqualTo(2);
        worksheets.saveDraft(id, authors.lock(), withTitle(authors.document(), "The author's title"));

        // the colleague saves their own change
        colleague.signIn();
        test(view.title).setValue("The colleague's title");
        test(view.save).click();

        ConfirmDialog stale = find(ConfirmDialog.class).single();
        assertThat(test(stale).getHeader()).isEqualTo("Someone else saved this draft");
        assertThat(test(stale).getText()).startsWith("A colleague saved this draft after you opened it.");
        assertThat(view.status.getText()).isEqualTo("Someone else saved this draft while you were editing it.");
        assertThat(view.isDirty()).as("the colleague's change is still unsaved").isTrue();
        assertThat(worksheets.template(id, 2).document().title()).as("the author's save is not overwritten")
                .isEqualTo("The author's title");

        test(stale).confirm(); // "Reload their version"

        view = (WorksheetEditorView) getCurrentView();
        assertThat(view.title.getValue()).isEqualTo("The author's title");
        assertThat(view.isDirty()).isFalse();
        test(view.title).setValue("The colleague's title, after reloading");
        test(view.save).click();
        assertThat(worksheets.template(id, 2).document().title()).isEqualTo("The colleague's title, after reloading");
    }

    @Test
    void a_colleague_publishing_a_shared_worksheet_cannot_make_it_private() {
        UUID id = withFields("a");
        Draft draft = worksheets.openDraft(id);
        worksheets.publish(id, draft.lock(), draft.document(), Sharing.CLINIC);
        colleague.signIn();
        view = openEditor(id);

        test(view.publish).click();

        Dialog publish = openDialogs().getFirst();
        assertThat(find(RadioButtonGroup.class, publish).exists()).as("only the author chooses who sees it").isFalse();
        assertThat(find(Paragraph.class, publish).withText("It stays shared with your clinic.").exists()).isTrue();
        test(find(Button.class, publish).id("publish-confirm")).click();
        assertThat(worksheets.template(id, null).number()).isEqualTo(2);
        assertThat(worksheets.template(id, null).sharing()).isEqualTo(Sharing.CLINIC);
    }

    // ------------------------------------------------------------------ leaving

    @Test
    void leaving_with_unsaved_changes_asks_first_and_staying_keeps_the_builder() {
        UUID id = withFields("a");
        view = openEditor(id);
        test(view.title).setValue("Changed but not saved");

        UI.getCurrent().navigate(WorksheetLibraryView.class);

        ConfirmDialog leave = find(ConfirmDialog.class).single();
        assertThat(leave.isOpened()).isTrue();
        assertThat(test(leave).getHeader()).isEqualTo("Leave without saving?");
        assertThat(getCurrentView()).as("navigation waits for the answer").isSameAs(view);

        test(leave).cancel();
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.title.getValue()).isEqualTo("Changed but not saved");

        UI.getCurrent().navigate(WorksheetLibraryView.class);
        test(find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single()).confirm();

        assertThat(getCurrentView()).isInstanceOf(WorksheetLibraryView.class);
        assertThat(worksheets.template(id, 1).document().title()).isEqualTo("Worksheet with fields");
    }

    @Test
    void leaving_after_saving_does_not_ask() {
        UUID id = withFields("a");
        view = openEditor(id);
        test(view.title).setValue("Changed and saved");
        test(view.save).click();

        UI.getCurrent().navigate(WorksheetLibraryView.class);

        assertThat(find(ConfirmDialog.class).exists()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(WorksheetLibraryView.class);
    }

    // ------------------------------------------------------------------ archived

    @Test
    void the_edit_route_of_an_archived_worksheet_goes_back_to_the_worksheet_with_a_notification() {
        UUID id = withFields("a");
        Draft draft = worksheets.openDraft(id);
        worksheets.publish(id, draft.lock(), draft.document(), Sharing.PRIVATE);
        worksheets.archive(id);

        navigate("app/worksheets/" + id + "/edit", WorksheetView.class);

        assertThat(notificationTexts()).contains("This worksheet is archived. Restore it to edit it.");
        assertThat(badges()).contains("Archived");
        assertThat(find(Button.class).withId("edit-worksheet").exists()).isFalse();
        assertThat(worksheets.template(id, null).versions()).as("no draft was opened").hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private WorksheetEditorView openEditor(UUID id) {
        return navigate("app/worksheets/" + id + "/edit", WorksheetEditorView.class);
    }

    /** A private draft (of the signed-in therapist) with a short-text field per key, labelled "Question key". */
    private UUID withFields(String... keys) {
        UUID id = worksheets.create("Worksheet with fields");
        Draft draft = worksheets.openDraft(id);
        List<Field> fields = Arrays.stream(keys)
                .<Field>map(k -> new FieldTypes.ShortText(k, "Question " + k, "", false, null)).toList();
        WorksheetDocument document = new WorksheetDocument("Worksheet with fields", "", "It helps.",
                WorksheetCategory.OTHER, List.of(), 10, 1, "en", fields, null);
        worksheets.saveDraft(id, draft.lock(), document);
        return id;
    }

    private static WorksheetDocument withTitle(WorksheetDocument d, String title) {
        return new WorksheetDocument(title, d.description(), d.rationale(), d.category(), d.tags(), d.minutes(),
                d.difficulty(), d.language(), d.fields(), d.scoring());
    }

    private FieldEditor addField(FieldType type) {
        test(view.newFieldType).selectItem(view.getTranslation(type.messageKey()));
        int before = view.editors.size();
        test(view.addField).click();
        assertThat(view.editors).hasSize(before + 1);
        return view.editors.getLast();
    }

    private TextField optionLabel(OptionsEditor options, String label) {
        return find(TextField.class, options).withCondition(f -> label.equals(f.getLabel())).single();
    }

    private void setBand(ScoringEditor scoring, int index, int from, int to, String label) {
        Div band = find(Div.class, scoring).withClassName("editor-row")
                .withCondition(row -> find(TextField.class, row).withCondition(f -> "Label".equals(f.getLabel())).exists())
                .all().get(index);
        test(find(IntegerField.class, band)
                .withCondition(f -> "From".equals(f.getLabel())).single()).setValue(from);
        test(find(IntegerField.class, band)
                .withCondition(f -> "To".equals(f.getLabel())).single()).setValue(to);
        test(find(TextField.class, band).withCondition(f -> "Label".equals(f.getLabel())).single()).setValue(label);
    }

    private static String label(FieldType type) {
        return "Question about " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private FieldEditor card(FieldType type) {
        return view.editors.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    }

    private FieldEditor card(String key) {
        return view.editors.stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    private Button tool(FieldEditor card, String ariaLabel) {
        return find(Button.class, card).withAriaLabel(ariaLabel).single();
    }

    /** A saved draft with one table, "moments", of three columns: Situation (c1), Feelings (c2), Thought (c3). */
    private UUID withMomentsTable(String title) {
        UUID id = worksheets.create(title);
        Draft draft = worksheets.openDraft(id);
        Field table = new FieldTypes.Table("moments", "Moments", "", false, List.of(
                new FieldTypes.ShortText("c1", "Situation", "", false, null),
                new FieldTypes.ShortText("c2", "Feelings", "", false, null),
                new FieldTypes.ShortText("c3", "Thought", "", false, null)), null);
        worksheets.saveDraft(id, draft.lock(), new WorksheetDocument(title, "", "It helps.",
                WorksheetCategory.OTHER, List.of(), 10, 1, "en", List.of(table), null));
        return id;
    }

    /** A button of a column card inside a table's columns editor, by its spoken name. */
    private Button columnTool(FieldEditor.ColumnsEditor columns, String ariaLabel) {
        return find(Button.class, columns).withAriaLabel(ariaLabel).single();
    }

    private List<FieldEditor> cardsWithProblems() {
        return view.editors.stream().filter(e -> e.hasClassName("field-editor--problem")).toList();
    }

    private String problemText(FieldEditor card) {
        Div problems = find(Div.class, card).withClassName("field-problems").single();
        return problems.getElement().getTextRecursively();
    }

    private WorksheetForm previewForm() {
        return find(WorksheetPreview.class).single().form;
    }

    /** Whether the preview shows a field with this label: as a component label or as a heading. */
    private boolean previewShows(String label) {
        return find(Component.class, previewForm()).all().stream().anyMatch(c ->
                label.equals(c.getElement().getProperty("label")) || c instanceof H3 h && label.equals(h.getText()));
    }

    private List<String> previewKeys() {
        return previewForm().getChildren().filter(c -> c.getElement().hasAttribute("data-field"))
                .map(c -> c.getElement().getAttribute("data-field")).toList();
    }

    private List<Dialog> openDialogs() {
        return find(Dialog.class).all().stream().filter(Dialog::isOpened).toList();
    }

    private List<String> badges() {
        return find(Span.class).withClassName("badge").all().stream().map(Span::getText).toList();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
