package app.homeward.worksheet.ui;

import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldType;
import app.homeward.worksheet.FieldTypes;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Edits one field of a worksheet: the settings every field has (label, help, required, key) and
 * the ones of its type (choices, scale ends, table columns, ladder). The card's buttons move,
 * duplicate and delete it; they are ordinary buttons with spoken names, so all of it works from
 * the keyboard and with a screen reader.
 */
class FieldEditor extends Div {

    /** What the surrounding list does when a card's buttons are pressed. */
    interface Actions {
        void move(FieldEditor editor, int delta);

        void duplicate(FieldEditor editor);

        void remove(FieldEditor editor);
    }

    private final FieldType type;
    private final Runnable onChange;
    private final FieldInput.Translator t;
    private final Details details = new Details();
    private final Span summary = new Span();
    private final Div problems = new Div();
    final TextField key = new TextField();
    final TextField label = new TextField();
    private final TextField help = new TextField();
    private final Checkbox required = new Checkbox();
    final Button up;
    final Button down;

    // type-specific inputs
    private TextArea text;
    private Checkbox crisisLine;
    private Checkbox today;
    /** A table's worked-out figure (a sleep diary's efficiency): kept as it is, the builder does not offer it. */
    private String tableSummary;
    private IntegerField maxLength;
    private BigDecimalField min;
    private BigDecimalField max;
    private BigDecimalField step;
    private TextField unit;
    private IntegerField scaleMin;
    private IntegerField scaleMax;
    private TextField minLabel;
    private TextField midLabel;
    private TextField maxLabel;
    private OptionsEditor options;
    private IntegerField limit;
    private ColumnsEditor columns;
    private TextField stepLabel;
    private TextField ratingLabel;

    FieldEditor(Field field, boolean column, Actions actions, Runnable onChange, FieldInput.Translator t) {
        this.type = field.type();
        this.onChange = onChange;
        this.t = t;
        addClassName("field-editor");
        getElement().setAttribute("data-key", field.key());

        Span typeBadge = Badges.badge(t.t(type.messageKey()), "type");
        summary.addClassName("field-editor-summary");
        Div head = new Div(typeBadge, summary);
        head.addClassName("field-editor-head");
        details.setSummary(head);
        details.addClassName("field-editor-details");

        up = tool(VaadinIcon.ARROW_UP, e -> actions.move(this, -1));
        down = tool(VaadinIcon.ARROW_DOWN, e -> actions.move(this, 1));
        Button copy = tool(VaadinIcon.COPY_O, e -> actions.duplicate(this));
        Button delete = tool(VaadinIcon.TRASH, e -> actions.remove(this));
        delete.addThemeVariants(ButtonVariant.ERROR);
        copy.setVisible(!column);
        Div tools = new Div(up, down, copy, delete);
        tools.addClassName("field-editor-tools");

        problems.addClassName("field-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.setVisible(false);

        Div body = new Div();
        body.addClassName("field-editor-body");
        label.setLabel(t.t(type == FieldType.INSTRUCTIONS ? "builder.heading" : "builder.label"));
        label.setValue(field.label());
        label.setMaxLength(300);
        label.setWidthFull();
        help.setLabel(t.t("builder.help"));
        help.setValue(field.help());
        help.setMaxLength(1000);
        help.setWidthFull();
        required.setLabel(t.t("builder.required"));
        required.setValue(field.required());
        key.setLabel(t.t("builder.key"));
        key.setHelperText(t.t("builder.key.help"));
        key.setValue(field.key());
        key.setMaxLength(40);
        key.setPattern("[a-z0-9][a-z0-9_-]*");
        body.add(label);
        if (type != FieldType.INSTRUCTIONS) {
            body.add(help, required);
        }
        typeSpecific(field, body);
        body.add(key);
        details.add(body);
        add(problems, tools, details);

        watch(label, key, help, required);
        label.addValueChangeListener(e -> refreshSummary());
        refreshSummary();
        updateToolNames();
    }

    private Button tool(VaadinIcon icon, ComponentEventListener<ClickEvent<Button>> click) {
        Button button = new Button(icon.create(), click);
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }

    private void typeSpecific(Field field, Div body) {
        switch (field) {
            case FieldTypes.Instructions f -> {
                text = new TextArea(t.t("builder.text"));
                text.setHelperText(t.t("builder.text.help"));
                text.setValue(f.text());
                text.setMaxLength(5000);
                text.setWidthFull();
                text.setMinRows(4);
                crisisLine = new Checkbox(t.t("builder.crisis-line"));
                crisisLine.setValue(f.showsCrisisLine());
                crisisLine.setTooltipText(t.t("builder.crisis-line.help"));
                body.add(text, crisisLine);
                watch(text, crisisLine);
            }
            case FieldTypes.ShortText f -> body.add(maxLengthInput(f.maxLength()));
            case FieldTypes.LongText f -> body.add(maxLengthInput(f.maxLength()));
            case FieldTypes.NumberInput f -> {
                min = decimal("builder.min", f.min());
                max = decimal("builder.max", f.max());
                step = decimal("builder.step", f.step());
                unit = new TextField(t.t("builder.unit"));
                unit.setValue(f.unit());
                unit.setMaxLength(30);
                body.add(row(min, max, step, unit));
                watch(unit);
            }
            case FieldTypes.RatingScale f -> {
                scaleMin = integer("builder.min", f.min());
                scaleMax = integer("builder.max", f.max());
                minLabel = text("builder.min-label", f.minLabel());
                midLabel = text("builder.mid-label", f.midLabel());
                maxLabel = text("builder.max-label", f.maxLabel());
                Button zeroTen = preset("0–10", 0, 10);
                Button suds = preset(t.t("builder.preset.suds"), 0, 100);
                Button oneFive = preset("1–5", 1, 5);
                Div presets = new Div(new Span(t.t("builder.presets")), zeroTen, suds, oneFive);
                presets.addClassName("presets");
                body.add(presets, row(scaleMin, scaleMax), row(minLabel, midLabel, maxLabel));
            }
            case FieldTypes.SingleChoice f -> {
                options = new OptionsEditor(f.options(), true, onChange, t);
                body.add(new Paragraph(t.t("builder.choices")), options);
            }
            case FieldTypes.MultipleChoice f -> {
                options = new OptionsEditor(f.options(), false, onChange, t);
                limit = integer("builder.max-selected", f.maxSelected());
                body.add(new Paragraph(t.t("builder.choices")), options, limit);
            }
            case FieldTypes.Checklist f -> {
                options = new OptionsEditor(f.items(), false, onChange, t);
                body.add(new Paragraph(t.t("builder.items")), options);
            }
            case FieldTypes.DurationInput f -> {
                limit = integer("builder.max-minutes", f.maxMinutes());
                body.add(limit);
            }
            case FieldTypes.Table f -> {
                tableSummary = f.summary();
                columns = new ColumnsEditor(f.columns(), onChange, t);
                limit = integer("builder.max-rows", f.maxRows());
                body.add(new Paragraph(t.t("builder.columns")), columns, limit);
            }
            case FieldTypes.StepLadder f -> {
                stepLabel = text("builder.step-label", f.stepLabel());
                ratingLabel = text("builder.rating-label", f.ratingLabel());
                scaleMin = integer("builder.min", f.ratingMin());
                scaleMax = integer("builder.max", f.ratingMax());
                limit = integer("builder.max-steps", f.maxSteps());
                body.add(row(stepLabel, ratingLabel), row(scaleMin, scaleMax, limit));
            }
            case FieldTypes.DateInput f -> {
                today = new Checkbox(t.t("builder.date-today"));
                today.setValue(f.startsToday());
                today.setTooltipText(t.t("builder.date-today.help"));
                body.add(today);
                watch(today);
            }
            case FieldTypes.YesNo ignored -> { }
            case FieldTypes.TimeInput ignored -> { }
        }
    }

    private IntegerField maxLengthInput(Integer value) {
        maxLength = integer("builder.max-length", value);
        maxLength.setMin(1);
        maxLength.setMax(10_000);
        return maxLength;
    }

    private Button preset(String text, int low, int high) {
        Button button = new Button(text, e -> {
            scaleMin.setValue(low);
            scaleMax.setValue(high);
        });
        button.addThemeVariants(ButtonVariant.SMALL);
        return button;
    }

    private IntegerField integer(String labelKey, Integer value) {
        return narrow(new IntegerField(t.t(labelKey)), value);
    }

    private BigDecimalField decimal(String labelKey, BigDecimal value) {
        return narrow(new BigDecimalField(t.t(labelKey)), value);
    }

    /** A number box (a bound, a step, a length) as narrow as the numbers it holds, watched for changes. */
    private <V, F extends AbstractField<F, V> & HasSize> F narrow(F input, V value) {
        input.setValue(value);
        input.setWidth("9em");
        watch(input);
        return input;
    }

    private TextField text(String labelKey, String value) {
        TextField input = new TextField(t.t(labelKey));
        input.setValue(value);
        input.setMaxLength(60);
        watch(input);
        return input;
    }

    private static Div row(Component... components) {
        Div row = new Div(components);
        row.addClassName("editor-row");
        return row;
    }

    private void watch(HasValue<?, ?>... inputs) {
        for (HasValue<?, ?> input : inputs) {
            if (input instanceof TextField field) {
                field.setValueChangeMode(ValueChangeMode.LAZY);
            }
            if (input instanceof TextArea area) {
                area.setValueChangeMode(ValueChangeMode.LAZY);
            }
            input.addValueChangeListener(e -> onChange.run());
        }
    }

    private void refreshSummary() {
        summary.setText(label.getValue().isBlank() ? t.t("builder.no-label") : label.getValue());
        updateToolNames();
    }

    /** What the card is called in its buttons' names and in questions about it: its label, else its type. */
    String displayName() {
        return label.getValue().isBlank() ? t.t(type.messageKey()) : label.getValue();
    }

    void updateToolNames() {
        String name = displayName();
        List<Button> buttons = getChildren().filter(c -> c.hasClassName("field-editor-tools")).findFirst()
                .map(tools -> tools.getChildren().map(c -> (Button) c).toList()).orElse(List.of());
        String[] keys = {"builder.move-up", "builder.move-down", "builder.duplicate", "builder.delete"};
        for (int i = 0; i < buttons.size() && i < keys.length; i++) {
            buttons.get(i).setAriaLabel(t.t(keys[i], name));
            buttons.get(i).setTooltipText(t.t(keys[i], name));
        }
    }

    void setOpened(boolean opened) {
        details.setOpened(opened);
    }

    String key() {
        return key.getValue().strip();
    }

    FieldType type() {
        return type;
    }

    void focusLabel() {
        details.setOpened(true);
        label.focus();
    }

    /** Shows the problems of this field (translated), opens the card, and returns whether there were any. */
    boolean showProblems(List<String> messages) {
        problems.removeAll();
        messages.forEach(m -> problems.add(new Paragraph(m)));
        problems.setVisible(!messages.isEmpty());
        setClassName("field-editor--problem", !messages.isEmpty());
        if (!messages.isEmpty()) {
            details.setOpened(true);
        }
        return !messages.isEmpty();
    }

    /** The field as the therapist has set it up now. */
    Field toField() {
        String k = key();
        String l = label.getValue().strip();
        String h = help.getValue().strip();
        boolean r = required.getValue();
        return switch (type) {
            case INSTRUCTIONS -> new FieldTypes.Instructions(k, l, text.getValue(), crisisLine.getValue());
            case SHORT_TEXT -> new FieldTypes.ShortText(k, l, h, r, maxLength.getValue());
            case LONG_TEXT -> new FieldTypes.LongText(k, l, h, r, maxLength.getValue());
            case NUMBER -> new FieldTypes.NumberInput(k, l, h, r, min.getValue(), max.getValue(), step.getValue(), unit.getValue().strip());
            case RATING -> new FieldTypes.RatingScale(k, l, h, r, orZero(scaleMin), orZero(scaleMax), minLabel.getValue().strip(),
                    midLabel.getValue().strip(), maxLabel.getValue().strip());
            case SINGLE_CHOICE -> new FieldTypes.SingleChoice(k, l, h, r, options.value());
            case MULTIPLE_CHOICE -> new FieldTypes.MultipleChoice(k, l, h, r, options.value(), limit.getValue());
            case YES_NO -> new FieldTypes.YesNo(k, l, h, r);
            case DATE -> new FieldTypes.DateInput(k, l, h, r, today.getValue());
            case TIME -> new FieldTypes.TimeInput(k, l, h, r);
            case DURATION -> new FieldTypes.DurationInput(k, l, h, r, limit.getValue());
            case CHECKLIST -> new FieldTypes.Checklist(k, l, h, r, options.value());
            case TABLE -> new FieldTypes.Table(k, l, h, r, columns.value(), limit.getValue(), tableSummary);
            case STEP_LADDER -> new FieldTypes.StepLadder(k, l, h, r, stepLabel.getValue().strip(), ratingLabel.getValue().strip(),
                    orZero(scaleMin), orZero(scaleMax), limit.getValue());
        };
    }

    private static int orZero(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    /** A new field of a type, with sensible starting settings. */
    /** Moves {@code editor} {@code delta} places up (negative) or down in {@code editors}; false at either end. */
    static boolean moveWithin(List<FieldEditor> editors, FieldEditor editor, int delta) {
        int from = editors.indexOf(editor);
        int to = from + delta;
        if (to < 0 || to >= editors.size()) {
            return false;
        }
        editors.remove(from);
        editors.add(to, editor);
        return true;
    }

    /** The first of prefix + (count + 1), prefix + (count + 2)… that none of {@code taken} has. */
    static String freeKey(String prefix, List<String> taken) {
        for (int n = taken.size() + 1; ; n++) {
            String candidate = prefix + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    static Field blank(FieldType type, String key, FieldInput.Translator t) {
        return switch (type) {
            case INSTRUCTIONS -> new FieldTypes.Instructions(key, "", "");
            case SHORT_TEXT -> new FieldTypes.ShortText(key, "", "", false, null);
            case LONG_TEXT -> new FieldTypes.LongText(key, "", "", false, null);
            case NUMBER -> new FieldTypes.NumberInput(key, "", "", false, null, null, null, "");
            case RATING -> new FieldTypes.RatingScale(key, "", "", false, 0, 10, t.t("builder.default.min-label"), "",
                    t.t("builder.default.max-label"));
            case SINGLE_CHOICE -> new FieldTypes.SingleChoice(key, "", "", false, List.of(
                    new FieldTypes.Option("o1", t.t("builder.default.option", 1), null),
                    new FieldTypes.Option("o2", t.t("builder.default.option", 2), null)));
            case MULTIPLE_CHOICE -> new FieldTypes.MultipleChoice(key, "", "", false, List.of(
                    new FieldTypes.Option("o1", t.t("builder.default.option", 1), null),
                    new FieldTypes.Option("o2", t.t("builder.default.option", 2), null)), null);
            case YES_NO -> new FieldTypes.YesNo(key, "", "", false);
            case DATE -> new FieldTypes.DateInput(key, "", "", false);
            case TIME -> new FieldTypes.TimeInput(key, "", "", false);
            case DURATION -> new FieldTypes.DurationInput(key, "", "", false, null);
            case CHECKLIST -> new FieldTypes.Checklist(key, "", "", false, List.of(
                    new FieldTypes.Option("o1", t.t("builder.default.item", 1), null)));
            case TABLE -> new FieldTypes.Table(key, "", "", false, List.of(
                    new FieldTypes.ShortText("c1", t.t("builder.default.column", 1), "", false, null)), null);
            case STEP_LADDER -> new FieldTypes.StepLadder(key, "", "", false, "", "", 0, 100, null);
        };
    }

    /** The columns of a table: each a small field editor limited to simple types. */
    static final class ColumnsEditor extends Div implements Actions {
        private final Runnable onChange;
        private final FieldInput.Translator t;
        private final Div list = new Div();
        private final List<FieldEditor> editors = new ArrayList<>();
        private final Button add;

        ColumnsEditor(List<Field> initial, Runnable onChange, FieldInput.Translator t) {
            this.onChange = onChange;
            this.t = t;
            addClassName("columns-editor");
            Select<FieldType> newType = new Select<>();
            newType.setLabel(t.t("builder.column.type"));
            newType.setItems(Arrays.stream(FieldType.values()).filter(FieldType::simple).toList());
            newType.setItemLabelGenerator(ft -> t.t(ft.messageKey()));
            newType.setValue(FieldType.SHORT_TEXT);
            add = new Button(t.t("builder.column.add"), VaadinIcon.PLUS.create(), e -> {
                FieldEditor editor = append(blank(newType.getValue(), nextKey(), t));
                editor.focusLabel();
                onChange.run();
            });
            add.addThemeVariants(ButtonVariant.SMALL);
            Div adder = new Div(newType, add);
            adder.addClassName("editor-row");
            add(list, adder);
            initial.forEach(this::append);
        }

        private FieldEditor append(Field field) {
            FieldEditor editor = new FieldEditor(field, true, this, onChange, t);
            editors.add(editor);
            list.add(editor);
            refreshTools();
            return editor;
        }

        private String nextKey() {
            return freeKey("c", editors.stream().map(FieldEditor::key).toList());
        }

        @Override
        public void move(FieldEditor editor, int delta) {
            if (!moveWithin(editors, editor, delta)) {
                return;
            }
            list.removeAll();
            editors.forEach(list::add);
            refreshTools();
            (delta < 0 ? editor.up : editor.down).focus();
            onChange.run();
        }

        @Override
        public void duplicate(FieldEditor editor) {
            append(editor.toField().withKey(nextKey()));
            onChange.run();
        }

        /** Asks first, as deleting a whole field does: a column's settings are work too. */
        @Override
        public void remove(FieldEditor editor) {
            ConfirmDialog confirm = new ConfirmDialog(t.t("builder.column.delete.confirm.title"),
                    t.t("builder.column.delete.confirm.body", editor.displayName()),
                    t.t("builder.delete.confirm.ok"), ok -> {
                int at = editors.indexOf(editor);
                editors.remove(editor);
                list.remove(editor);
                refreshTools();
                onChange.run();
                // keep the keyboard near where it was: the column before, or "Add column" when none is left
                if (editors.isEmpty()) {
                    add.focus();
                } else {
                    editors.get(Math.max(0, at - 1)).up.focus();
                }
            });
            confirm.setCancelable(true);
            confirm.setCancelText(t.t("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        }

        private void refreshTools() {
            for (int i = 0; i < editors.size(); i++) {
                editors.get(i).up.setEnabled(i > 0);
                editors.get(i).down.setEnabled(i < editors.size() - 1);
            }
        }

        List<Field> value() {
            return editors.stream().map(FieldEditor::toField).toList();
        }
    }
}
