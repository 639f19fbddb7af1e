package app.homeward.worksheet.ui;

import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldProblem;
import app.homeward.worksheet.ScoreResult;
import app.homeward.worksheet.WorksheetDocument;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one renderer for any worksheet version: a client fills it in ({@link Mode#FILL}), a
 * therapist reads submitted answers with their score ({@link Mode#READ_ONLY}), the builder and
 * library preview it. It holds no rules of its own: answers are checked by the document
 * ({@link WorksheetDocument#checkAnswers}), the same check the server runs on save and submit.
 */
public class WorksheetForm extends Div {

    public enum Mode { FILL, READ_ONLY }

    /** The class of the paragraph where an instructions field shows the clinic's crisis line. */
    static final String CRISIS_LINE = "worksheet-crisis-line";

    private final WorksheetDocument document;
    private final Map<String, FieldInput> inputs = new LinkedHashMap<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final Div scoreBox = new Div();
    private final List<String> order = new ArrayList<>();
    /** Keys of the fields a client answers (the others are instructions and headings). */
    private final Set<String> answerable = new HashSet<>();
    private Div stepper;
    private int current;

    public WorksheetForm(WorksheetDocument document, Map<String, Object> answers, Mode mode) {
        this.document = document;
        addClassName("worksheet-form");
        scoreBox.addClassName("worksheet-score");
        scoreBox.setVisible(false);
        add(scoreBox);
        Map<String, Object> values = answers == null ? Map.of() : answers;
        for (Field field : document.fields()) {
            FieldInput input = FieldInputs.create(field, values.get(field.key()), mode == Mode.READ_ONLY,
                    this::changed, this::getTranslation);
            input.component().getElement().setAttribute("data-field", field.key());
            inputs.put(field.key(), input);
            order.add(field.key());
            if (field.answerable()) {
                answerable.add(field.key());
            }
            add(input.component());
        }
        if (document.fields().stream().noneMatch(Field::answerable)) {
            Paragraph empty = new Paragraph(getTranslation("worksheet.form.no-fields"));
            empty.addClassName("empty-state");
            add(empty);
        }
    }

    /**
     * Simplified mode: one field at a time with Back and Next, in larger text, for clients who find
     * a whole worksheet at once too much. Validation still covers every field; the first problem's
     * field is shown.
     */
    public void showOneAtATime() {
        addClassName("worksheet-form--simplified");
        Span position = new Span();
        position.addClassName("stepper-position");
        position.getElement().setAttribute("aria-live", "polite");
        Button back = new Button(
                getTranslation("worksheet.stepper.back"), e -> go(current - 1));
        Button next = new Button(
                getTranslation("worksheet.stepper.next"), e -> go(current + 1));
        next.addThemeVariants(ButtonVariant.PRIMARY);
        back.setId("stepper-back");
        next.setId("stepper-next");
        stepper = new Div(back, position, next);
        stepper.addClassName("worksheet-stepper");
        add(stepper);
        go(0);
    }

    private void go(int index) {
        if (order.isEmpty()) {
            return;
        }
        current = Math.clamp(index, 0, order.size() - 1);
        // a question is shown with the instructions it belongs to (the PHQ-9's "Over the last 2 weeks…"):
        // its time frame and stem must stay in view, not only on the first screen
        int stem = -1;
        for (int i = current - 1; i >= 0 && answerable.contains(order.get(current)); i--) {
            if (!answerable.contains(order.get(i))) {
                stem = i;
                break;
            }
        }
        for (int i = 0; i < order.size(); i++) {
            inputs.get(order.get(i)).component().setVisible(i == current || i == stem);
        }
        ((Span) stepper.getComponentAt(1)).setText(getTranslation("worksheet.stepper.position", current + 1, order.size()));
        ((Button) stepper.getComponentAt(0)).setEnabled(current > 0);
        ((Button) stepper.getComponentAt(2)).setEnabled(current < order.size() - 1);
        inputs.get(order.get(current)).focus();
    }

    /**
     * Shows {@code text} (the clinic's crisis line in the client's language, or the portal's neutral default)
     * wherever the worksheet's instructions ask for it: the PHQ-9's closing safety note.
     */
    public void showCrisisLine(String text) {
        inputs.values().forEach(input -> input.component().getChildren()
                .filter(c -> c.hasClassName(CRISIS_LINE))
                .forEach(c -> ((Paragraph) c).setText(text)));
    }

    public WorksheetDocument document() {
        return document;
    }

    /** The answers as they are now, JSON-shaped, without empty ones. */
    public Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        inputs.forEach((key, input) -> {
            Object value = input.value();
            if (value != null) {
                answers.put(key, value);
            }
        });
        return answers;
    }

    /**
     * Checks the answers as the server will and shows each problem at its field; the first
     * problem gets the focus, so keyboard and screen-reader users land on it.
     *
     * @return the problems (empty when the answers are fine)
     */
    public List<FieldProblem> validate(boolean submitting) {
        List<FieldProblem> problems = document.checkAnswers(answers(), submitting);
        showProblems(problems);
        return problems;
    }

    public void showProblems(List<FieldProblem> problems) {
        inputs.values().forEach(FieldInput::clearErrors);
        FieldInput first = null;
        for (FieldProblem problem : problems) {
            String key = problem.fieldKey();
            int slash = key.indexOf('/');
            FieldInput input = inputs.get(slash < 0 ? key : key.substring(0, slash));
            if (input != null) {
                input.showError(slash < 0 ? null : key, getTranslation(problem.messageKey(), problem.arguments()));
                if (first == null) {
                    first = input;
                    if (stepper != null) {
                        go(order.indexOf(slash < 0 ? key : key.substring(0, slash)));
                    }
                }
            }
        }
        if (first != null) {
            first.focus();
        }
    }

    /** Shows the score above the answers (therapist review). */
    public void showScore(ScoreResult score) {
        scoreBox.removeAll();
        if (score == null || !score.scored()) {
            scoreBox.setVisible(false);
            return;
        }
        Paragraph total = new Paragraph(getTranslation("worksheet.score.total", score.total()));
        total.addClassName("worksheet-score-total");
        if (score.band() != null) {
            Span band = new Span(score.band());
            band.addClassName("badge");
            total.add(new Span(" "), band);
        }
        scoreBox.add(total);
        if (!score.complete()) {
            scoreBox.add(new Paragraph(getTranslation("worksheet.score.incomplete", score.answeredItems(), score.items())));
        }
        for (ScoreResult.TriggeredAlert alert : score.alerts()) {
            Paragraph line = new Paragraph(getTranslation("worksheet.score.alert", alert.label(), alert.value()));
            line.addClassName("worksheet-alert");
            line.getElement().setAttribute("role", "alert");
            scoreBox.add(line);
        }
        scoreBox.setVisible(true);
    }

    /** Shows a comment under single answers (the therapist's feedback on them), labelled as such. */
    public void showComments(Map<String, String> comments, String heading) {
        comments.forEach((key, text) -> {
            FieldInput input = inputs.get(key);
            if (input == null || text == null || text.isBlank()) {
                return;
            }
            Div comment = new Div(new Span(heading), new Paragraph(text));
            comment.addClassName("answer-comment");
            addComponentAtIndex(indexOf(input.component()) + 1, comment);
        });
    }

    /** Called after every change the person makes (the homework feature saves drafts on it). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }
}
