package app.homeward.worksheet.ui;

import app.homeward.worksheet.FieldTypes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.ArrayList;
import java.util.List;

/**
 * The choices of a choice field or the items of a checklist: label (and score, for scored
 * single choices), reorder with buttons (keyboard-friendly), add and remove. Each choice keeps
 * its stored value when its label changes, so answers and scoring keep pointing at it.
 */
class OptionsEditor extends Div {

    private final boolean scores;
    private final Runnable onChange;
    private final FieldInput.Translator t;
    private final Div rows = new Div();
    private final List<Row> options = new ArrayList<>();

    private record Row(Div box, String value, TextField label, IntegerField score) {
    }

    OptionsEditor(List<FieldTypes.Option> initial, boolean scores, Runnable onChange, FieldInput.Translator t) {
        this.scores = scores;
        this.onChange = onChange;
        this.t = t;
        addClassName("options-editor");
        Button add = new Button(t.t("builder.option.add"), VaadinIcon.PLUS.create(), e -> {
            addRow(new FieldTypes.Option(nextValue(), "", null));
            options.getLast().label().focus();
            onChange.run();
        });
        add.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        add(rows, add);
        initial.forEach(this::addRow);
    }

    private void addRow(FieldTypes.Option option) {
        TextField label = new TextField();
        label.setValue(option.label());
        label.setMaxLength(300);
        label.setValueChangeMode(ValueChangeMode.LAZY);
        label.addValueChangeListener(e -> onChange.run());
        label.addClassName("option-label");
        IntegerField score = new IntegerField();
        score.setValue(option.score());
        score.setLabel(t.t("builder.option.score"));
        score.setWidth("6em");
        score.setVisible(scores);
        score.addValueChangeListener(e -> onChange.run());
        Div box = new Div(label, score);
        box.addClassName("option-row");
        Row row = new Row(box, option.value(), label, score);
        Button up = small(VaadinIcon.ARROW_UP, () -> move(row, -1));
        Button down = small(VaadinIcon.ARROW_DOWN, () -> move(row, 1));
        Button remove = small(VaadinIcon.CLOSE_SMALL, () -> {
            options.remove(row);
            rows.remove(box);
            relabel();
            onChange.run();
        });
        box.add(up, down, remove);
        options.add(row);
        rows.add(box);
        relabel();
    }

    private Button small(VaadinIcon icon, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        return button;
    }

    private void move(Row row, int delta) {
        int from = options.indexOf(row);
        int to = from + delta;
        if (to < 0 || to >= options.size()) {
            return;
        }
        options.remove(from);
        options.add(to, row);
        rows.removeAll();
        options.forEach(r -> rows.add(r.box()));
        relabel();
        onChange.run();
        row.label().focus();
    }

    private void relabel() {
        for (int i = 0; i < options.size(); i++) {
            Row row = options.get(i);
            row.label().setLabel(t.t("builder.option.label", i + 1));
            List<Button> buttons = row.box().getChildren().filter(c -> c instanceof Button).map(c -> (Button) c).toList();
            buttons.get(0).setAriaLabel(t.t("builder.option.up", i + 1));
            buttons.get(0).setEnabled(i > 0);
            buttons.get(1).setAriaLabel(t.t("builder.option.down", i + 1));
            buttons.get(1).setEnabled(i < options.size() - 1);
            buttons.get(2).setAriaLabel(t.t("builder.option.remove", i + 1));
        }
    }

    private String nextValue() {
        int n = options.size() + 1;
        while (true) {
            String candidate = "o" + n;
            if (options.stream().noneMatch(r -> r.value().equals(candidate))) {
                return candidate;
            }
            n++;
        }
    }

    List<FieldTypes.Option> value() {
        return options.stream().map(r -> new FieldTypes.Option(r.value(), r.label().getValue().strip(),
                scores ? r.score().getValue() : null)).toList();
    }
}
