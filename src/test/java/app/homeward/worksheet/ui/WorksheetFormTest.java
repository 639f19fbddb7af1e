package app.homeward.worksheet.ui;

import app.homeward.ViewTest;
import app.homeward.security.Role;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldProblem;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.FieldTypes.Option;
import app.homeward.worksheet.ScoreResult;
import app.homeward.worksheet.Scorer;
import app.homeward.worksheet.WorksheetCategory;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetJson;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.dom.Element;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The renderer on its own: one document with every field type, filled in through the Vaadin
 * components as a client would, checked the way the server checks it, shown read-only for review,
 * and with a score on top.
 */
class WorksheetFormTest extends ViewTest {

    static final String REQUIRED = "Please answer this.";

    WorksheetForm form;

    // ------------------------------------------------------------------ one question at a time

    @Test
    void one_question_at_a_time_keeps_the_stem_and_time_frame_in_view_with_each_item(
            @Autowired WorksheetService worksheets) {
        testClinics.account(testClinics.clinic(), Role.THERAPIST).signIn();
        form = render(worksheets.builtIn("phq-9", null).document(), null, WorksheetForm.Mode.FILL);
        form.showOneAtATime();
        Button next = find(Button.class).id("stepper-next");

        test(next).click(); // item 1
        test(next).click(); // item 2
        test(next).click(); // item 3
        assertThat(visibleFields()).containsExactly("intro", "item3");
        for (int i = 4; i <= 9; i++) {
            test(next).click();
        }
        assertThat(visibleFields()).as("item 9 with its 'Over the last 2 weeks'").containsExactly("intro", "item9");
        test(next).click();
        test(next).click(); // the closing note, on its own
        assertThat(visibleFields()).containsExactly("support");
    }

    private List<String> visibleFields() {
        return form.getChildren().filter(c -> c.getElement().hasAttribute("data-field") && c.isVisible())
                .map(c -> c.getElement().getAttribute("data-field")).toList();
    }

    // ------------------------------------------------------------------ filling in

    @Test
    void every_field_type_is_filled_in_through_its_component_and_answers_come_back_json_shaped() {
        form = render(everyType(), null, WorksheetForm.Mode.FILL);
        AtomicInteger changes = new AtomicInteger();
        form.addChangeListener(changes::incrementAndGet);

        test(input(TextField.class, "name")).setValue("Ana");
        test(input(TextArea.class, "story")).setValue("It was a hard week.");
        test(input(NumberField.class, "sleep")).setValue(7.5);
        Choices.choose(radios("mood"), "7");
        test(input(IntegerField.class, "suds")).setValue(65);
        Choices.choose(radios("choice"), "Option B");
        tick(checks("feelings"), "Sad", "Angry");
        Choices.choose(radios("slept"), "Yes");
        test(input(DatePicker.class, "day")).setValue(LocalDate.of(2026, 3, 2));
        test(input(TimePicker.class, "when")).setValue(LocalTime.of(21, 30));
        setDuration("took", 1, 35);
        tick(checks("done"), "Walk", "Call a friend");
        assertThat(changes.get()).as("every change by the client is reported").isEqualTo(12);

        // table: three rows, the middle one removed again
        Div table = root("record");
        fillRow(table, 0, "Team meeting", 80, "They will laugh at me.");
        test(addRow(table)).click();
        fillRow(table, 1, "Lunch", 20, null);
        test(addRow(table)).click();
        fillRow(table, 2, "Bus home", 45, "I can't cope.");
        assertThat(rowTitles(table)).containsExactly("Row 1", "Row 2", "Row 3");
        test(find(Button.class, rows(table).get(1)).withClassName("row-remove").single()).click();
        assertThat(rowTitles(table)).containsExactly("Row 1", "Row 2");
        assertThat(find(Button.class, rows(table).get(1)).withClassName("row-remove").single().getAriaLabel())
                .contains("Remove row 2");

        // ladder: three steps, the last moved to the top, the middle one removed
        Div ladder = root("ladder");
        fillStep(ladder, 0, "Ride the bus", 40);
        test(addStep(ladder)).click();
        fillStep(ladder, 1, "Go to a concert", 90);
        test(addStep(ladder)).click();
        fillStep(ladder, 2, "Walk to the shop", 20);
        test(ladderButton(ladder, "Move step 3 up")).click();
        test(ladderButton(ladder, "Move step 2 up")).click();
        assertThat(stepTexts(ladder)).containsExactly("Walk to the shop", "Ride the bus", "Go to a concert");
        assertThat(stepField(ladder, 0).getLabel()).isEqualTo("Step to try 1");
        assertThat(ladderButton(ladder, "Move step 1 up").isEnabled()).as("the top step cannot go higher").isFalse();
        assertThat(ladderButton(ladder, "Move step 3 down").isEnabled()).isFalse();
        test(ladderButton(ladder, "Remove step 3")).click();
        assertThat(stepTexts(ladder)).containsExactly("Walk to the shop", "Ride the bus");

        Map<String, Object> answers = form.answers();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "Ana");
        expected.put("story", "It was a hard week.");
        expected.put("sleep", new BigDecimal("7.5"));
        expected.put("mood", 7);
        expected.put("suds", 65);
        expected.put("choice", "b");
        expected.put("feelings", List.of("sad", "angry"));
        expected.put("slept", true);
        expected.put("day", "2026-03-02");
        expected.put("when", "21:30");
        expected.put("took", 95);
        expected.put("done", List.of("walk", "call"));
        expected.put("record", List.of(
                Map.of("situation", "Team meeting", "intensity", 80, "thought", "They will laugh at me."),
                Map.of("situation", "Bus home", "intensity", 45, "thought", "I can't cope.")));
        expected.put("ladder", List.of(
                Map.of("step", "Walk to the shop", "rating", 20),
                Map.of("step", "Ride the bus", "rating", 40)));
        assertThat(answers).isEqualTo(expected);
        assertThat(answers).doesNotContainKey("intro");
        assertThat(form.validate(true)).as("everything is answered and valid").isEmpty();
        assertThat(WorksheetJson.readAnswers(WorksheetJson.writeAnswers(answers)))
                .as("the answers survive the JSON round trip the server makes").hasSize(expected.size());
    }

    @Test
    void a_choice_field_takes_from_the_client_only_one_of_its_choices_and_keeps_one_element_per_choice() {
        form = render(everyType(), null, WorksheetForm.Mode.FILL);
        AtomicInteger changes = new AtomicInteger();
        form.addChangeListener(changes::incrementAndGet);
        ChoiceField<Integer> mood = radios("mood");
        assertThat(Choices.labels(mood)).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(mood.getElement().getChildren()).as("one element per choice, its label drawn by the browser")
                .hasSize(11).allMatch(e -> e.getTag().equals("vaadin-radio-button") && e.getChildCount() == 0);
        assertThat(mood.getElement().getProperty("manualValidation", false))
                .as("the form marks what is wrong, not the web component on blur").isTrue();

        Choices.choose(mood, "7");
        assertThat(mood.getValue()).isEqualTo(7);
        assertThat(Choices.checked(mood)).containsExactly("7");
        assertThat(changes.get()).isEqualTo(1);

        // a tampered client: an index out of range, not an index, a number, an empty value
        AtomicInteger received = new AtomicInteger();
        mood.getElement().addPropertyChangeListener("value", e -> {
            if (e.isUserOriginated()) {
                received.incrementAndGet();
            }
        });
        for (Object sent : List.<Object>of("11", "-1", "07", "seven", "<b>", 3, 2.0, true, "")) {
            int before = received.get();
            Choices.send(mood, sent);
            assertThat(received.get()).as("the server received " + sent).isGreaterThan(before);
            assertThat(mood.getValue()).as("after the client sent " + sent).isEqualTo(7);
            assertThat(mood.getElement().getProperty("value")).as("the client is shown the answer again").isEqualTo("7");
        }
        assertThat(changes.get()).as("nothing refused counts as a change").isEqualTo(1);
        assertThat(form.answers()).containsEntry("mood", 7);

        Choices.choose(radios("slept"), "No");
        assertThat(radios("slept").getValue()).isEqualTo(false);
        Choices.send(radios("slept"), "2");
        assertThat(radios("slept").getValue()).isEqualTo(false);

        WorksheetForm review = render(everyType(), Map.of("mood", 4), WorksheetForm.Mode.READ_ONLY);
        ChoiceField<Integer> reviewed = radios(review, "mood");
        assertThat(Choices.checked(reviewed)).containsExactly("4");
        Choices.send(reviewed, "8");
        assertThat(reviewed.getValue()).as("a read-only answer does not change from the client").isEqualTo(4);
        assertThat(reviewed.getElement().getProperty("value")).isEqualTo("4");
        assertThat(review.answers()).containsEntry("mood", 4);
    }

    @Test
    void a_sleep_diary_night_shows_its_sleep_efficiency_as_the_times_are_filled_in_and_when_reviewed() throws Exception {
        WorksheetDocument diary = builtIn("sleep-diary");
        form = render(diary, null, WorksheetForm.Mode.FILL);
        Paragraph summary = find(Paragraph.class, form).withClassName("row-summary").single();
        assertThat(summary.getText()).isEqualTo("Sleep efficiency appears here once the times add up.");

        Div nights = root("nights");
        test(cell(nights, 0, TimePicker.class, "Bedtime")).setValue(LocalTime.of(22, 30));
        test(cell(nights, 0, TimePicker.class, "Time I tried to sleep")).setValue(LocalTime.of(23, 0));
        setDuration(cell(nights, 0, FieldInputs.DurationField.class, "Time to fall asleep"), 0, 30);
        setDuration(cell(nights, 0, FieldInputs.DurationField.class, "Time awake in the night"), 0, 40);
        test(cell(nights, 0, TimePicker.class, "Wake-up time")).setValue(LocalTime.of(6, 30));
        test(cell(nights, 0, TimePicker.class, "Got up")).setValue(LocalTime.of(7, 0));

        assertThat(summary.getText()).isEqualTo("Sleep efficiency: 75 % (6 h 20 min asleep of 8 h 30 min in bed)");
        assertThat(summary.getElement().getAttribute("aria-live")).isEqualTo("polite");

        WorksheetForm review = render(diary, form.answers(), WorksheetForm.Mode.READ_ONLY);
        assertThat(find(Paragraph.class, review).withClassName("row-summary").single().getText())
                .isEqualTo("Sleep efficiency: 75 % (6 h 20 min asleep of 8 h 30 min in bed)");
    }

    @Test
    void nothing_filled_in_gives_no_answers() {
        form = render(everyType(), null, WorksheetForm.Mode.FILL);

        assertThat(form.answers()).isEmpty();
        assertThat(form.validate(false)).as("a draft may leave required fields empty").isEmpty();
    }

    @Test
    void submitting_with_required_fields_empty_marks_each_of_them_with_the_translated_message() {
        form = render(everyType(), null, WorksheetForm.Mode.FILL);

        List<FieldProblem> problems = form.validate(true);

        assertThat(problems).extracting(FieldProblem::fieldKey)
                .containsExactlyInAnyOrder("name", "story", "mood", "choice", "ladder");
        assertInvalid(input(TextField.class, "name"), REQUIRED);
        assertInvalid(input(TextArea.class, "story"), REQUIRED);
        assertInvalid(radios("mood"), REQUIRED);
        assertInvalid(radios("choice"), REQUIRED);
        Paragraph ladderError = find(Paragraph.class, root("ladder")).withClassName("field-error").single();
        assertThat(ladderError.isVisible()).isTrue();
        assertThat(ladderError.getText()).isEqualTo("Please add at least one step.");
        assertThat(input(NumberField.class, "sleep").isInvalid()).as("optional fields stay calm").isFalse();
        assertThat(input(DatePicker.class, "day").isInvalid()).isFalse();

        test(input(TextField.class, "name")).setValue("Ana");

        assertThat(input(TextField.class, "name").isInvalid()).as("answering clears the message").isFalse();
        assertThat(input(TextArea.class, "story").isInvalid()).isTrue();
    }

    @Test
    void an_answer_out_of_range_is_explained_at_its_field() {
        form = render(everyType(), null, WorksheetForm.Mode.FILL);
        // the browser's own min/max would stop most of these; the server-side check must still say why
        input(NumberField.class, "sleep").setValue(30.0);

        List<FieldProblem> problems = form.validate(false);

        assertThat(problems).extracting(FieldProblem::fieldKey).containsExactly("sleep");
        assertInvalid(input(NumberField.class, "sleep"), "Please choose a value from 0 to 24.");
    }

    @Test
    void a_table_cell_problem_appears_on_that_cells_component() {
        form = render(everyType(), null, WorksheetForm.Mode.FILL);
        Div table = root("record");
        test(addRow(table)).click();
        // row 1 stays empty; row 2 has an intensity but no situation (a required column)
        test(cell(table, 1, IntegerField.class, "Intensity")).setValue(50);

        List<FieldProblem> problems = form.validate(true);

        assertThat(problems).extracting(FieldProblem::fieldKey).contains("record/0/situation");
        TextField situation = cell(table, 1, TextField.class, "Situation");
        assertInvalid(situation, REQUIRED);
        assertThat(cell(table, 0, TextField.class, "Situation").isInvalid())
                .as("the empty row is not the one with the problem").isFalse();
        assertThat(all(Paragraph.class, table)).filteredOn(p -> p.hasClassName("field-error")).singleElement()
                .as("the problem is on the cell, not the whole table").matches(p -> !p.isVisible());
    }

    @Test
    void a_ladder_rating_out_of_range_is_marked_on_that_steps_rating() {
        form = render(everyType(), null, WorksheetForm.Mode.FILL);
        Div ladder = root("ladder");
        fillStep(ladder, 0, "Ride the bus", 40);
        test(addStep(ladder)).click();
        test(stepField(ladder, 1)).setValue("Concert");
        stepRating(ladder, 1).setValue(150); // beyond the field's max: only possible programmatically

        List<FieldProblem> problems = form.validate(false);

        assertThat(problems).extracting(FieldProblem::fieldKey).containsExactly("ladder/1/rating");
        assertInvalid(stepRating(ladder, 1), "Please choose a value from 0 to 100.");
        assertThat(stepRating(ladder, 0).isInvalid()).isFalse();
    }

    // ------------------------------------------------------------------ text stays text

    /** The builder's live preview shows a question before it has a label: its input still has a name (axe: critical). */
    @Test
    void a_question_without_a_label_yet_still_gives_its_input_a_name() {
        WorksheetDocument document = doc(List.of(
                new FieldTypes.LongText("draft", "", "", false, null),
                new FieldTypes.ShortText("named", "Situation", "", false, null)));

        form = render(document, null, WorksheetForm.Mode.FILL);

        assertThat(input(TextArea.class, "draft").getAriaLabel())
                .contains("Question without a label yet");
        assertThat(input(TextField.class, "named").getAriaLabel()).as("a labelled question is named by its label").isEmpty();
    }

    /**
     * A required checklist says it is required in words and with the usual marker, but not through
     * Vaadin's aria-required, which ARIA forbids on a group (axe: critical); leaving it empty is still refused.
     */
    @Test
    void a_required_checklist_says_so_without_aria_required_and_is_still_required() {
        WorksheetDocument document = doc(List.of(new FieldTypes.Checklist("done", "What I did", "", true, List.of(
                new Option("walk", "Walk", null), new Option("read", "Read", null)))));

        form = render(document, null, WorksheetForm.Mode.FILL);

        CheckboxGroup<String> done = checks("done");
        assertThat(done.isRequiredIndicatorVisible()).isFalse();
        assertThat(done.getElement().hasAttribute("required")).isFalse();
        assertThat(done.getClassNames()).contains("required-group");
        assertThat(done.getHelperText()).isEqualTo("(Required: tick at least one.)");
        assertThat(form.validate(true)).as("an empty required checklist is refused on sending").isNotEmpty();
    }

    @Test
    void labels_with_markup_appear_as_the_characters_typed() {
        WorksheetDocument document = doc(List.of(
                new FieldTypes.Instructions("intro", "<h1>Heading</h1>", "<b>not bold</b>\n\n- <script>alert(1)</script>"),
                new FieldTypes.ShortText("name", "<b>markup</b>", "<i>help</i>", true, null),
                new FieldTypes.SingleChoice("choice", "<u>pick</u>", "", false, List.of(
                        new Option("a", "<img src=x onerror=alert(1)>", null), new Option("b", "plain", null))),
                new FieldTypes.Table("record", "<em>table</em>", "", false, List.of(
                        new FieldTypes.ShortText("situation", "<s>column</s>", "", false, null)), null),
                new FieldTypes.StepLadder("ladder", "<mark>ladder</mark>", "", false, "<b>step</b>", "", 0, 10, null)));

        form = render(document, null, WorksheetForm.Mode.FILL);

        TextField name = input(TextField.class, "name");
        assertThat(name.getLabel()).isEqualTo("<b>markup</b>");
        assertThat(name.getHelperText()).isEqualTo("<i>help</i>");
        assertThat(name.getElement().getChildren()).as("no element made from the label").noneMatch(e -> "b".equals(e.getTag()));
        ChoiceField<String> choice = radios("choice");
        assertThat(choice.getElement().getProperty("label")).isEqualTo("<u>pick</u>");
        assertThat(Choices.labels(choice)).as("a choice's label is its radio button's text property")
                .contains("<img src=x onerror=alert(1)>");
        Div instructions = root("intro");
        assertThat(find(H3.class, instructions).single().getText()).isEqualTo("<h1>Heading</h1>");
        assertThat(find(Paragraph.class, instructions).single().getText()).isEqualTo("<b>not bold</b>");
        assertThat(find(ListItem.class, instructions).single().getText()).isEqualTo("<script>alert(1)</script>");
        assertThat(find(H3.class, root("record")).single().getText()).isEqualTo("<em>table</em>");
        assertThat(cell(root("record"), 0, TextField.class, "<s>column</s>").getLabel()).isEqualTo("<s>column</s>");
        assertThat(find(H3.class, root("ladder")).single().getText()).isEqualTo("<mark>ladder</mark>");
        assertThat(stepField(root("ladder"), 0).getLabel()).isEqualTo("<b>step</b> 1");
        assertThat(tags(form.getElement())).as("no element anywhere came from a label or text")
                .doesNotContain("b", "i", "u", "s", "em", "mark", "img", "script", "h1");
        assertThat(find(Html.class, form).exists()).isFalse();
    }

    // ------------------------------------------------------------------ read-only review

    @Test
    void read_only_mode_shows_the_answers_and_lets_nothing_be_changed() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("name", "Ana");
        given.put("story", "It was a hard week.");
        given.put("sleep", new BigDecimal("7.5"));
        given.put("mood", 7);
        given.put("suds", 65);
        given.put("choice", "b");
        given.put("feelings", List.of("sad"));
        given.put("slept", false);
        given.put("day", "2026-03-02");
        given.put("when", "21:30");
        given.put("took", 95);
        given.put("done", List.of("walk"));
        given.put("record", List.of(Map.of("situation", "Team meeting", "intensity", 80)));
        given.put("ladder", List.of(Map.of("step", "Ride the bus", "rating", 40), Map.of("step", "Concert", "rating", 90)));

        form = render(everyType(), given, WorksheetForm.Mode.READ_ONLY);

        TextField name = input(TextField.class, "name");
        assertThat(name.getValue()).isEqualTo("Ana");
        assertThat(name.isReadOnly()).isTrue();
        assertThat(input(TextArea.class, "story").isReadOnly()).isTrue();
        assertThat(input(NumberField.class, "sleep").getValue()).isEqualTo(7.5);
        assertThat(input(NumberField.class, "sleep").isReadOnly()).isTrue();
        assertThat(radios("mood").getValue()).isEqualTo(7);
        assertThat(radios("mood").isReadOnly()).isTrue();
        assertThat(input(IntegerField.class, "suds").isReadOnly()).isTrue();
        assertThat(input(IntegerField.class, "suds").isStepButtonsVisible()).isFalse();
        assertThat(checks("feelings").getValue()).containsExactly("sad");
        assertThat(checks("feelings").isReadOnly()).isTrue();
        assertThat(radios("slept").getValue()).isEqualTo(false);
        assertThat(radios("slept").isReadOnly()).isTrue();
        assertThat(input(DatePicker.class, "day").isReadOnly()).isTrue();
        assertThat(input(TimePicker.class, "when").getValue()).isEqualTo(LocalTime.of(21, 30));
        assertThat(input(TimePicker.class, "when").isReadOnly()).isTrue();
        FieldInputs.DurationField took = input(FieldInputs.DurationField.class, "took");
        assertThat(took.getValue()).isEqualTo(95);
        assertThat(took.isReadOnly()).isTrue();
        assertThat(find(IntegerField.class, took).withAriaLabel("Hours").single().isReadOnly()).isTrue();
        assertThat(find(IntegerField.class, took).withAriaLabel("Hours").single().getValue()).isEqualTo(1);
        assertThat(find(IntegerField.class, took).withAriaLabel("Minutes").single().getValue()).isEqualTo(35);

        Div table = root("record");
        assertThat(all(Button.class, table)).as("no 'Add a row' in review, no row remove")
                .allMatch(b -> !b.isVisible() && b.getText().equals("Add a row"));
        assertThat(cell(table, 0, TextField.class, "Situation").getValue()).isEqualTo("Team meeting");
        assertThat(cell(table, 0, TextField.class, "Situation").isReadOnly()).isTrue();
        Div ladder = root("ladder");
        assertThat(all(Button.class, ladder)).as("no 'Add a step' in review")
                .singleElement().matches(b -> !b.isVisible() && b.getText().equals("Add a step"));
        assertThat(stepTexts(ladder)).containsExactly("Ride the bus", "Concert");
        assertThat(stepField(ladder, 0).isReadOnly()).isTrue();
        assertThat(stepRating(ladder, 1).isReadOnly()).isTrue();

        assertThatThrownBy(() -> test(name).setValue("changed")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Choices.choose(radios("mood"), "3")).isInstanceOf(IllegalStateException.class);
        assertThat(form.answers()).as("review shows exactly what was given").isEqualTo(given);
    }

    @Test
    void read_only_mode_says_when_a_table_has_no_rows() {
        form = render(everyType(), Map.of(), WorksheetForm.Mode.READ_ONLY);

        Div table = root("record");
        assertThat(rows(table)).isEmpty();
        assertThat(find(Paragraph.class, table).withText("Nothing written here.").exists()).isTrue();
        assertThat(find(Div.class, root("ladder")).withClassName("ladder-step").exists()).isFalse();
    }

    // ------------------------------------------------------------------ score

    @Test
    void show_score_shows_the_total_the_band_and_an_alert_line() throws Exception {
        WorksheetDocument phq9 = builtIn("phq-9");
        form = render(phq9, null, WorksheetForm.Mode.FILL);
        for (int i = 1; i <= 8; i++) {
            Choices.choose(radios("item" + i), "Several days");
        }
        Choices.choose(radios("item9"), "More than half the days");
        Map<String, Object> answers = form.answers();

        WorksheetForm review = render(phq9, answers, WorksheetForm.Mode.READ_ONLY);
        review.showScore(Scorer.score(phq9, answers));

        Div box = find(Div.class, review).withClassName("worksheet-score").single();
        assertThat(box.isVisible()).isTrue();
        Paragraph total = find(Paragraph.class, box).withClassName("worksheet-score-total").single();
        assertThat(total.getElement().getTextRecursively()).isEqualTo("Score: 10 Moderate");
        assertThat(find(Span.class, total).withClassName("badge").single().getText()).isEqualTo("Moderate");
        Paragraph alert = find(Paragraph.class, box).withClassName("worksheet-alert").single();
        assertThat(alert.getText()).isEqualTo("Alert: Item 9: thoughts of being better off dead or of self-harm (answer 2)");
        assertThat(alert.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(find(Paragraph.class, box).withTextContaining("scored questions answered").exists())
                .as("all nine answered: no 'incomplete' note").isFalse();
        assertThat(radios(review, "item9").getValue()).isEqualTo("more-than-half");
    }

    @Test
    void a_partly_answered_measure_says_the_score_may_be_too_low_and_no_score_hides_the_box() throws Exception {
        WorksheetDocument phq9 = builtIn("phq-9");
        form = render(phq9, Map.of("item1", "nearly-every-day", "item2", "several-days", "item3", "not-at-all"),
                WorksheetForm.Mode.READ_ONLY);

        form.showScore(Scorer.score(phq9, form.answers()));

        Div box = find(Div.class, form).withClassName("worksheet-score").single();
        assertThat(find(Paragraph.class, box).withClassName("worksheet-score-total").single().getElement().getTextRecursively())
                .isEqualTo("Score: 4 Minimal");
        assertThat(find(Paragraph.class, box).withText("3 of 9 scored questions answered, so the score may be too low.")
                .exists()).isTrue();
        assertThat(find(Paragraph.class, box).withClassName("worksheet-alert").exists()).isFalse();

        form.showScore(ScoreResult.NONE);

        assertThat(box.isVisible()).isFalse();
        assertThat(box.getChildren()).isEmpty();
    }

    @Test
    void a_worksheet_without_questions_says_so() {
        form = render(doc(List.of(new FieldTypes.Instructions("intro", "", "Just read this."))), null, WorksheetForm.Mode.FILL);

        assertThat(find(Paragraph.class, form).withClassName("empty-state").single().getText())
                .isEqualTo("This worksheet has no questions yet.");
    }

    // ------------------------------------------------------------------ the document

    /** All 14 field types, in the builder's order. */
    static WorksheetDocument everyType() {
        return doc(List.of(
                new FieldTypes.Instructions("intro", "Before you start", "Take your time.\n\n- one\n- two"),
                new FieldTypes.ShortText("name", "Your name", "", true, 60),
                new FieldTypes.LongText("story", "What happened", "A few sentences are enough.", true, null),
                new FieldTypes.NumberInput("sleep", "Hours slept", "", false, BigDecimal.ZERO, new BigDecimal("24"),
                        new BigDecimal("0.5"), "hours"),
                new FieldTypes.RatingScale("mood", "Mood today", "", true, 0, 10, "awful", "", "great"),
                new FieldTypes.RatingScale("suds", "Distress (SUDS)", "", false, 0, 100, "calm", "", "panic"),
                new FieldTypes.SingleChoice("choice", "Which option", "", true, List.of(
                        new Option("a", "Option A", null), new Option("b", "Option B", null), new Option("c", "Option C", null))),
                new FieldTypes.MultipleChoice("feelings", "Feelings", "", false, List.of(
                        new Option("sad", "Sad", null), new Option("anxious", "Anxious", null), new Option("angry", "Angry", null)), 2),
                new FieldTypes.YesNo("slept", "Did you nap?", "", false),
                new FieldTypes.DateInput("day", "Day", "", false),
                new FieldTypes.TimeInput("when", "Bedtime", "", false),
                new FieldTypes.DurationInput("took", "Time to fall asleep", "", false, 600),
                new FieldTypes.Checklist("done", "What I did", "", false, List.of(
                        new Option("walk", "Walk", null), new Option("read", "Read", null), new Option("call", "Call a friend", null))),
                new FieldTypes.Table("record", "Thought record", "", false, List.<Field>of(
                        new FieldTypes.ShortText("situation", "Situation", "", true, null),
                        new FieldTypes.RatingScale("intensity", "Intensity", "", false, 0, 100, "", "", ""),
                        new FieldTypes.LongText("thought", "Thought", "", false, null)), 10),
                new FieldTypes.StepLadder("ladder", "Exposure ladder", "", true, "Step to try", "Fear", 0, 100, 10)));
    }

    static WorksheetDocument doc(List<Field> fields) {
        return new WorksheetDocument("Every field", "", "Because it helps.", WorksheetCategory.OTHER, List.of(), 10, 1,
                "en", fields, null);
    }

    @SuppressWarnings("unchecked")
    static WorksheetDocument builtIn(String slug) throws Exception {
        try (InputStream in = WorksheetFormTest.class.getResourceAsStream("/worksheets/built-in/" + slug + ".yaml")) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return WorksheetJson.fromTree((Map<String, Object>) tree);
        }
    }

    // ------------------------------------------------------------------ helpers

    private WorksheetForm render(WorksheetDocument document, Map<String, Object> answers, WorksheetForm.Mode mode) {
        WorksheetForm rendered = new WorksheetForm(document, answers, mode);
        UI.getCurrent().add(rendered);
        return rendered;
    }

    private <T extends Component> T input(Class<T> type, String key) {
        return find(type, form).withAttribute("data-field", key).single();
    }

    private <V> ChoiceField<V> radios(String key) {
        return radios(form, key);
    }

    @SuppressWarnings("unchecked")
    private <V> ChoiceField<V> radios(Component in, String key) {
        return find(ChoiceField.class, in).withAttribute("data-field", key).single();
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<String> checks(String key) {
        return find(CheckboxGroup.class, form).withAttribute("data-field", key).single();
    }

    /** Every component of a type under {@code root}, visible or not (queries only see visible ones). */
    private static <T extends Component> List<T> all(Class<T> type, Component root) {
        List<T> found = new ArrayList<>();
        root.getChildren().forEach(child -> {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            found.addAll(all(type, child));
        });
        return found;
    }

    /**
     * Ticks boxes as the client does. CheckboxGroupTester sets the value programmatically (not "from client"),
     * so the form's change listeners would not hear it; the browser's change is a value from the client.
     */
    private void tick(CheckboxGroup<String> group, String... labels) {
        Set<String> values = new LinkedHashSet<>();
        for (String label : labels) {
            values.add(group.getListDataView().getItems()
                    .filter(v -> group.getItemLabelGenerator().apply(v).equals(label)).findFirst()
                    .orElseThrow(() -> new AssertionError("no choice labelled " + label)));
        }
        new ComponentTester<CheckboxGroup<String>>(group) {
            void pick(Set<String> picked) {
                ensureComponentIsUsable();
                setValueAsUser(picked);
            }
        }.pick(values);
    }

    private Div root(String key) {
        return input(Div.class, key);
    }

    private void setDuration(String key, int hours, int minutes) {
        setDuration(input(FieldInputs.DurationField.class, key), hours, minutes);
    }

    private void setDuration(FieldInputs.DurationField duration, int hours, int minutes) {
        test(find(IntegerField.class, duration).withAriaLabel("Hours").single()).setValue(hours);
        test(find(IntegerField.class, duration).withAriaLabel("Minutes").single()).setValue(minutes);
        // the web component reports a change of its inner inputs as a "change" event of the custom field
        new ComponentTester<FieldInputs.DurationField>(duration) {
            void change() {
                fireDomEvent("change");
            }
        }.change();
    }

    private Button addRow(Div table) {
        return find(Button.class, table).withText("Add a row").single();
    }

    private List<Div> rows(Div table) {
        return find(Div.class, table).withClassName("worksheet-row").all();
    }

    private List<String> rowTitles(Div table) {
        return rows(table).stream().map(r -> find(H4.class, r).single().getText()).toList();
    }

    private <T extends Component & HasValue<?, ?>> T cell(Div table, int row, Class<T> type, String label) {
        return find(type, rows(table).get(row)).withCondition(c -> label.equals(c.getElement().getProperty("label"))).single();
    }

    private void fillRow(Div table, int row, String situation, Integer intensity, String thought) {
        test(cell(table, row, TextField.class, "Situation")).setValue(situation);
        if (intensity != null) {
            test(cell(table, row, IntegerField.class, "Intensity")).setValue(intensity);
        }
        if (thought != null) {
            test(cell(table, row, TextArea.class, "Thought")).setValue(thought);
        }
    }

    private Button addStep(Div ladder) {
        return find(Button.class, ladder).withText("Add a step").single();
    }

    private List<Div> steps(Div ladder) {
        return find(Div.class, ladder).withClassName("ladder-step").all();
    }

    private TextField stepField(Div ladder, int index) {
        return find(TextField.class, steps(ladder).get(index)).single();
    }

    private IntegerField stepRating(Div ladder, int index) {
        return find(IntegerField.class, steps(ladder).get(index)).single();
    }

    private List<String> stepTexts(Div ladder) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < steps(ladder).size(); i++) {
            texts.add(stepField(ladder, i).getValue());
        }
        return texts;
    }

    private void fillStep(Div ladder, int index, String text, int rating) {
        test(stepField(ladder, index)).setValue(text);
        test(stepRating(ladder, index)).setValue(rating);
    }

    private Button ladderButton(Div ladder, String ariaLabel) {
        return find(Button.class, ladder).withAriaLabel(ariaLabel).single();
    }

    private static void assertInvalid(Component component, String message) {
        HasValidation validation = (HasValidation) component;
        assertThat(validation.isInvalid()).as("invalid").isTrue();
        assertThat(validation.getErrorMessage()).isEqualTo(message);
    }

    private static Set<String> tags(Element element) {
        Set<String> tags = new TreeSet<>();
        collect(element, tags);
        return tags;
    }

    private static void collect(Element element, Set<String> tags) {
        if (!element.isTextNode()) {
            tags.add(element.getTag());
        }
        element.getChildren().forEach(child -> collect(child, tags));
    }
}
