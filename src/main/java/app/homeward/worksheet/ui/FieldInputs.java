package app.homeward.worksheet.ui;

import app.homeward.base.Dates;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.SleepEfficiency;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Builds the input for each field type. Labels, help and choices are always set as text, so a
 * label like {@code <b>x</b>} shows those characters rather than bold text. Everything is laid
 * out in one column so it reads on a 360 px phone; tables become one card per row.
 */
final class FieldInputs {

    /** Rating scales with at most this many points show as radio buttons, longer ones (0–100) as a number box. */
    private static final int RADIO_POINTS = 11;

    private FieldInputs() {
    }

    static FieldInput create(Field field, Object value, boolean readOnly, Runnable onChange, FieldInput.Translator t) {
        return switch (field) {
            case FieldTypes.Instructions instructions -> instructions(instructions, t);
            case FieldTypes.Table table -> new TableInput(table, value, readOnly, onChange, t);
            case FieldTypes.StepLadder ladder -> new LadderInput(ladder, value, readOnly, onChange, t);
            default -> simple(field, value, readOnly, onChange, t);
        };
    }

    private static FieldInput instructions(FieldTypes.Instructions field, FieldInput.Translator t) {
        Div box = new Div();
        box.addClassName("worksheet-instructions");
        if (!field.label().isBlank()) {
            box.add(new H3(field.label()));
        }
        InstructionsText.render(field.text()).forEach(box::add);
        if (field.showsCrisisLine()) {
            // filled with the clinic's line for the client (WorksheetForm.showCrisisLine); this says where it goes
            Paragraph line = new Paragraph(t.t("worksheet.crisis-line.placeholder"));
            line.addClassName(WorksheetForm.CRISIS_LINE);
            box.add(line);
        }
        return new FieldInput() {
            @Override public Component component() { return box; }
            @Override public Object value() { return null; }
            @Override public void showError(String path, String message) { }
            @Override public void clearErrors() { }
            @Override public void focus() { }
        };
    }

    /** A field holding one value: text, number, rating, choice, yes/no, date, time, duration, multiple choice, checklist. */
    static FieldInput simple(Field field, Object value, boolean readOnly, Runnable onChange, FieldInput.Translator t) {
        Component component;
        Supplier<Object> reader;
        switch (field) {
            case FieldTypes.ShortText text -> {
                TextField input = new TextField();
                input.setMaxLength(text.limit());
                input.setValue(value instanceof String s ? s : "");
                input.setValueChangeMode(ValueChangeMode.LAZY);
                component = input;
                reader = () -> blankToNull(input.getValue());
            }
            case FieldTypes.LongText text -> {
                TextArea input = new TextArea();
                input.setMaxLength(text.limit());
                input.setValue(value instanceof String s ? s : "");
                input.setValueChangeMode(ValueChangeMode.LAZY);
                input.setMinRows(3);
                component = input;
                reader = () -> blankToNull(input.getValue());
            }
            case FieldTypes.NumberInput number -> {
                NumberField input = new NumberField();
                if (number.min() != null) {
                    input.setMin(number.min().doubleValue());
                }
                if (number.max() != null) {
                    input.setMax(number.max().doubleValue());
                }
                if (number.step() != null) {
                    input.setStep(number.step().doubleValue());
                }
                if (!number.unit().isBlank()) {
                    input.setSuffixComponent(new Span(number.unit()));
                }
                input.setValue(value instanceof Number n ? n.doubleValue() : null);
                input.setValueChangeMode(ValueChangeMode.LAZY);
                component = input;
                reader = () -> input.getValue() == null ? null
                        : new BigDecimal(Double.toString(input.getValue())).stripTrailingZeros();
            }
            case FieldTypes.RatingScale scale -> {
                if (scale.max() - scale.min() + 1 <= RADIO_POINTS) {
                    ChoiceField<Integer> input = new ChoiceField<>();
                    List<Integer> points = new ArrayList<>();
                    for (int i = scale.min(); i <= scale.max(); i++) {
                        points.add(i);
                    }
                    input.setItems(points);
                    input.addClassName("rating-scale");
                    input.setValue(value instanceof Number n ? n.intValue() : null);
                    component = input;
                    reader = input::getValue;
                } else {
                    IntegerField input = new IntegerField();
                    input.setMin(scale.min());
                    input.setMax(scale.max());
                    input.setStepButtonsVisible(!readOnly);
                    input.setValue(value instanceof Number n ? n.intValue() : null);
                    input.setValueChangeMode(ValueChangeMode.LAZY);
                    component = input;
                    reader = input::getValue;
                }
            }
            case FieldTypes.SingleChoice choice -> {
                ChoiceField<String> input = new ChoiceField<>();
                input.setItemLabelGenerator(v -> label(choice.options(), v));
                input.setItems(choice.options().stream().map(FieldTypes.Option::value).toList());
                input.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                input.setValue(value instanceof String s && choice.option(s) != null ? s : null);
                component = input;
                reader = input::getValue;
            }
            case FieldTypes.MultipleChoice choice -> {
                CheckboxGroup<String> input = picks(choice.options(), value);
                component = input;
                reader = () -> ordered(choice.options(), input.getValue());
            }
            case FieldTypes.Checklist checklist -> {
                CheckboxGroup<String> input = picks(checklist.items(), value);
                component = input;
                reader = () -> ordered(checklist.items(), input.getValue());
            }
            case FieldTypes.YesNo ignored -> {
                ChoiceField<Boolean> input = new ChoiceField<>();
                input.setItemLabelGenerator(b -> t.t(b ? "worksheet.yes" : "worksheet.no"));
                input.setItems(List.of(true, false));
                input.setValue(value instanceof Boolean b ? b : null);
                component = input;
                reader = input::getValue;
            }
            case FieldTypes.DateInput ignored -> {
                DatePicker input = new DatePicker();
                input.setLocale(viewerFormat());
                input.setValue(parseDate(value));
                component = input;
                reader = () -> input.getValue() == null ? null : input.getValue().toString();
            }
            case FieldTypes.TimeInput ignored -> {
                TimePicker input = new TimePicker();
                input.setLocale(viewerFormat());
                input.setValue(parseTime(value));
                component = input;
                reader = () -> input.getValue() == null ? null : input.getValue().toString();
            }
            case FieldTypes.DurationInput duration -> {
                DurationField input = new DurationField(duration.limit(), t);
                input.setValue(value instanceof Number n ? n.intValue() : null);
                component = input;
                reader = input::getValue;
            }
            default -> throw new IllegalArgumentException("not a simple field: " + field.type());
        }
        return new ValueInput(field, component, reader, readOnly, onChange, t);
    }

    private static CheckboxGroup<String> picks(List<FieldTypes.Option> options, Object value) {
        CheckboxGroup<String> input = new CheckboxGroup<>();
        input.setItems(options.stream().map(FieldTypes.Option::value).toList());
        input.setItemLabelGenerator(v -> label(options, v));
        input.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        Set<String> chosen = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.stream().filter(v -> v instanceof String s && options.stream().anyMatch(o -> o.value().equals(s)))
                    .forEach(v -> chosen.add((String) v));
        }
        input.setValue(chosen);
        return input;
    }

    private static List<String> ordered(List<FieldTypes.Option> options, Set<String> chosen) {
        List<String> picked = options.stream().map(FieldTypes.Option::value).filter(chosen::contains).toList();
        return picked.isEmpty() ? null : picked;
    }

    private static String label(List<FieldTypes.Option> options, String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(FieldTypes.Option::label).findFirst().orElse(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate parseDate(Object value) {
        try {
            return value instanceof String s ? LocalDate.parse(s) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime parseTime(Object value) {
        try {
            return value instanceof String s ? LocalTime.parse(s) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Text shown under a rating label: the words at its ends (and middle), e.g. "0 = not at all · 10 = the most". */
    static String anchors(FieldTypes.RatingScale scale) {
        List<String> parts = new ArrayList<>();
        if (!scale.minLabel().isBlank()) {
            parts.add(scale.min() + " = " + scale.minLabel());
        }
        if (!scale.midLabel().isBlank()) {
            parts.add((scale.min() + scale.max()) / 2 + " = " + scale.midLabel());
        }
        if (!scale.maxLabel().isBlank()) {
            parts.add(scale.max() + " = " + scale.maxLabel());
        }
        return String.join(" · ", parts);
    }

    /** An input holding one value, with label, help, required marker and error message on the component itself. */
    static final class ValueInput implements FieldInput {
        private final Component component;
        private final Supplier<Object> reader;

        @SuppressWarnings({"unchecked", "rawtypes"})
        ValueInput(Field field, Component component, Supplier<Object> reader, boolean readOnly, Runnable onChange,
                   FieldInput.Translator t) {
            this.component = component;
            this.reader = reader;
            component.getElement().setProperty("label", field.label());
            if (field.label().isBlank() && component instanceof HasAriaLabel named) {
                // a question still being written in the builder: its live preview must not offer an input with
                // no name at all (axe: critical), so a screen reader says what it is until it has a label
                named.setAriaLabel(t.t("worksheet.field.unlabelled"));
            }
            String help = field.help();
            if (field instanceof FieldTypes.RatingScale scale && !anchors(scale).isEmpty()) {
                help = help.isBlank() ? anchors(scale) : help + " (" + anchors(scale) + ")";
            }
            if (!help.isBlank()) {
                component.getElement().setProperty("helperText", help);
            }
            if (component instanceof HasValue<?, ?> hasValue) {
                if (field.required() && component instanceof CheckboxGroup<?>) {
                    // Vaadin marks a required group with aria-required, which ARIA does not allow on role=group
                    // (axe: critical). The group shows the same marker through CSS, and says what it asks.
                    component.addClassName("required-group");
                    String ask = t.t("worksheet.required.tick-one");
                    component.getElement().setProperty("helperText",
                            help.isBlank() ? ask : help + " " + ask);
                } else {
                    hasValue.setRequiredIndicatorVisible(field.required());
                }
                hasValue.setReadOnly(readOnly);
                ((HasValue) hasValue).addValueChangeListener(e -> {
                    if (((HasValue.ValueChangeEvent<?>) e).isFromClient()) {
                        clearErrors();
                        onChange.run();
                    }
                });
            }
            if (component instanceof HasSize sized) {
                sized.setWidthFull();
            }
            component.addClassName("worksheet-field");
        }

        @Override public Component component() { return component; }
        @Override public Object value() { return reader.get(); }

        @Override
        public void showError(String path, String message) {
            if (component instanceof HasValidation validation) {
                validation.setErrorMessage(message);
                validation.setInvalid(message != null);
            }
        }

        @Override
        public void clearErrors() {
            showError(null, null);
        }

        @Override
        public void focus() {
            if (component instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        }
    }

    /** Hours and minutes, answered as whole minutes. */
    static final class DurationField extends CustomField<Integer> {
        private final IntegerField hours = new IntegerField();
        private final IntegerField minutes = new IntegerField();

        DurationField(int limitMinutes, FieldInput.Translator t) {
            hours.setMin(0);
            hours.setMax(limitMinutes / 60);
            hours.setAriaLabel(t.t("worksheet.duration.hours"));
            hours.setSuffixComponent(new Span(t.t("worksheet.duration.hours-short")));
            minutes.setMin(0);
            minutes.setMax(59);
            minutes.setAriaLabel(t.t("worksheet.duration.minutes"));
            minutes.setSuffixComponent(new Span(t.t("worksheet.duration.minutes-short")));
            hours.setWidth("7em");
            minutes.setWidth("7em");
            Div row = new Div(hours, minutes);
            row.addClassName("duration-inputs");
            add(row);
        }

        @Override
        protected Integer generateModelValue() {
            if (hours.getValue() == null && minutes.getValue() == null) {
                return null;
            }
            int h = hours.getValue() == null ? 0 : hours.getValue();
            int m = minutes.getValue() == null ? 0 : minutes.getValue();
            return h * 60 + m;
        }

        @Override
        protected void setPresentationValue(Integer value) {
            hours.setValue(value == null ? null : value / 60);
            minutes.setValue(value == null ? null : value % 60);
        }

        @Override
        public void setReadOnly(boolean readOnly) {
            super.setReadOnly(readOnly);
            hours.setReadOnly(readOnly);
            minutes.setReadOnly(readOnly);
        }
    }

    /** Rows the client adds; each row is a card of the column inputs, so seven columns still fit a phone. */
    static final class TableInput implements FieldInput {
        private final FieldTypes.Table table;
        private final boolean readOnly;
        private final Runnable onChange;
        private final FieldInput.Translator t;
        private final Div root = new Div();
        private final Div rowsBox = new Div();
        private final Paragraph error = new Paragraph();
        private final Button add = new Button();
        private final List<Map<String, FieldInput>> rows = new ArrayList<>();

        TableInput(FieldTypes.Table table, Object value, boolean readOnly, Runnable onChange, FieldInput.Translator t) {
            this.table = table;
            this.readOnly = readOnly;
            this.onChange = onChange;
            this.t = t;
            root.addClassName("worksheet-table");
            groupHeading(root, table, error, t);
            add.setText(t.t("worksheet.table.add-row"));
            add.setIcon(VaadinIcon.PLUS.create());
            add.addClickListener(e -> {
                addRow(Map.of());
                onChange.run();
                rows.getLast().values().stream().findFirst().ifPresent(FieldInput::focus);
            });
            add.setVisible(!readOnly);
            root.add(rowsBox, error, add);
            if (value instanceof List<?> list) {
                list.stream().filter(r -> r instanceof Map<?, ?>).forEach(r -> addRow((Map<?, ?>) r));
            }
            if (rows.isEmpty() && !readOnly) {
                addRow(Map.of());
            }
            if (rows.isEmpty()) {
                rowsBox.add(new Paragraph(t.t("worksheet.table.no-rows")));
            }
        }

        private void addRow(Map<?, ?> values) {
            if (rows.size() >= table.rowLimit()) {
                showError(null, t.t("worksheet.answer.too-many-rows", table.rowLimit()));
                return;
            }
            Map<String, FieldInput> cells = new LinkedHashMap<>();
            Div card = new Div();
            card.addClassName("worksheet-row");
            H4 title = new H4();
            card.add(title);
            // a sleep diary's night shows its sleep efficiency under its times, worked out again as the client types
            Paragraph summary = table.sumsUpSleep() ? new Paragraph() : null;
            Runnable changed = summary == null ? onChange : () -> {
                summary.setText(sleepSummary(cells));
                onChange.run();
            };
            for (Field column : table.columns()) {
                FieldInput cell = simple(column, values.get(column.key()), readOnly, changed, t);
                cells.put(column.key(), cell);
                card.add(cell.component());
            }
            if (summary != null) {
                summary.addClassName("row-summary");
                summary.getElement().setAttribute("aria-live", "polite");
                summary.setText(sleepSummary(cells));
                card.add(summary);
            }
            if (!readOnly) {
                Button remove = new Button(VaadinIcon.TRASH.create());
                remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                remove.addClassName("row-remove");
                remove.addClickListener(e -> {
                    int index = rows.indexOf(cells);
                    rows.remove(cells);
                    rowsBox.remove(card);
                    renumber();
                    onChange.run();
                    if (!rows.isEmpty()) {
                        rows.get(Math.max(0, index - 1)).values().stream().findFirst().ifPresent(FieldInput::focus);
                    } else {
                        add.focus();
                    }
                });
                card.add(remove);
            }
            rows.add(cells);
            rowsBox.add(card);
            renumber();
        }

        private String sleepSummary(Map<String, FieldInput> cells) {
            Map<String, Object> row = new LinkedHashMap<>();
            cells.forEach((key, cell) -> row.put(key, cell.value()));
            SleepEfficiency night = SleepEfficiency.of(row);
            return night == null ? t.t("worksheet.sleep.efficiency.pending")
                    : t.t("worksheet.sleep.efficiency", night.percent(), hoursAndMinutes(night.minutesAsleep()),
                    hoursAndMinutes(night.minutesInBed()));
        }

        private String hoursAndMinutes(int minutes) {
            return t.t("worksheet.sleep.duration", minutes / 60, minutes % 60);
        }

        private void renumber() {
            for (int i = 0; i < rows.size(); i++) {
                Div card = (Div) rowsBox.getComponentAt(i);
                ((H4) card.getComponentAt(0)).setText(t.t("worksheet.table.row", i + 1));
                card.getChildren().filter(c -> c.hasClassName("row-remove")).findFirst()
                        .ifPresent(b -> ((Button) b).setAriaLabel(t.t("worksheet.table.remove-row", rowsBox.indexOf(card) + 1)));
            }
        }

        @Override public Component component() { return root; }

        @Override
        public Object value() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, FieldInput> row : rows) {
                Map<String, Object> values = new LinkedHashMap<>();
                row.forEach((key, input) -> {
                    Object v = input.value();
                    if (v != null) {
                        values.put(key, v);
                    }
                });
                if (!values.isEmpty()) {
                    out.add(values);
                }
            }
            return out.isEmpty() ? null : out;
        }

        @Override
        public void showError(String path, String message) {
            showRowError(path, message, rows, row -> row.values().stream().anyMatch(c -> c.value() != null),
                    (row, column) -> {
                        if (!row.containsKey(column)) {
                            return false;
                        }
                        row.get(column).showError(null, message);
                        return true;
                    }, error);
        }

        @Override
        public void clearErrors() {
            error.setVisible(false);
            rows.forEach(r -> r.values().forEach(FieldInput::clearErrors));
        }

        @Override
        public void focus() {
            if (rows.isEmpty()) {
                add.focus();
            } else {
                rows.getFirst().values().stream().findFirst().ifPresent(FieldInput::focus);
            }
        }
    }

    /** Ordered steps with a rating each; the client adds, removes and reorders them. */
    static final class LadderInput implements FieldInput {
        private final FieldTypes.StepLadder ladder;
        private final boolean readOnly;
        private final Runnable onChange;
        private final FieldInput.Translator t;
        private final Div root = new Div();
        private final Div stepsBox = new Div();
        private final Paragraph error = new Paragraph();
        private final Button add = new Button();
        private final List<Step> steps = new ArrayList<>();

        private record Step(Div row, TextField text, IntegerField rating) {
        }

        LadderInput(FieldTypes.StepLadder ladder, Object value, boolean readOnly, Runnable onChange, FieldInput.Translator t) {
            this.ladder = ladder;
            this.readOnly = readOnly;
            this.onChange = onChange;
            this.t = t;
            root.addClassName("worksheet-ladder");
            groupHeading(root, ladder, error, t);
            add.setText(t.t("worksheet.ladder.add-step"));
            add.setIcon(VaadinIcon.PLUS.create());
            add.addClickListener(e -> {
                addStep(null, null);
                onChange.run();
                steps.getLast().text().focus();
            });
            add.setVisible(!readOnly);
            root.add(stepsBox, error, add);
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> step) {
                        addStep(step.get("step") instanceof String s ? s : null,
                                step.get("rating") instanceof Number n ? n.intValue() : null);
                    }
                }
            }
            if (steps.isEmpty() && !readOnly) {
                addStep(null, null);
            }
        }

        private void addStep(String text, Integer rating) {
            if (steps.size() >= ladder.stepLimit()) {
                showError(null, t.t("worksheet.answer.too-many-steps", ladder.stepLimit()));
                return;
            }
            TextField stepText = new TextField();
            stepText.setMaxLength(FieldTypes.SHORT_TEXT_DEFAULT);
            stepText.setValue(text == null ? "" : text);
            stepText.setReadOnly(readOnly);
            stepText.setValueChangeMode(ValueChangeMode.LAZY);
            stepText.addValueChangeListener(e -> { if (e.isFromClient()) { onChange.run(); } });
            stepText.addClassName("ladder-step-text");
            IntegerField stepRating = new IntegerField();
            stepRating.setMin(ladder.ratingMin());
            stepRating.setMax(ladder.ratingMax());
            stepRating.setValue(rating);
            stepRating.setReadOnly(readOnly);
            stepRating.setWidth("8em");
            stepRating.setValueChangeMode(ValueChangeMode.LAZY);
            stepRating.addValueChangeListener(e -> { if (e.isFromClient()) { onChange.run(); } });
            Div row = new Div(stepText, stepRating);
            row.addClassName("ladder-step");
            Step step = new Step(row, stepText, stepRating);
            if (!readOnly) {
                Button up = iconButton(VaadinIcon.ARROW_UP, () -> move(step, -1));
                Button down = iconButton(VaadinIcon.ARROW_DOWN, () -> move(step, 1));
                Button remove = iconButton(VaadinIcon.TRASH, () -> {
                    steps.remove(step);
                    stepsBox.remove(row);
                    relabel();
                    onChange.run();
                    add.focus();
                });
                remove.addThemeVariants(ButtonVariant.ERROR);
                row.add(up, down, remove);
            }
            steps.add(step);
            stepsBox.add(row);
            relabel();
        }

        private Button iconButton(VaadinIcon icon, Runnable action) {
            Button button = new Button(icon.create(), e -> action.run());
            button.addThemeVariants(ButtonVariant.TERTIARY);
            return button;
        }

        private void move(Step step, int delta) {
            int from = steps.indexOf(step);
            int to = from + delta;
            if (to < 0 || to >= steps.size()) {
                return;
            }
            steps.remove(from);
            steps.add(to, step);
            stepsBox.removeAll();
            steps.forEach(s -> stepsBox.add(s.row()));
            relabel();
            onChange.run();
            step.text().focus();
        }

        private void relabel() {
            String stepWord = ladder.stepLabel().isBlank() ? t.t("worksheet.ladder.step") : ladder.stepLabel();
            String ratingWord = ladder.ratingLabel().isBlank() ? t.t("worksheet.ladder.rating") : ladder.ratingLabel();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                step.text().setLabel(stepWord + " " + (i + 1));
                step.rating().setLabel(ratingWord);
                step.rating().setHelperText(ladder.ratingMin() + "–" + ladder.ratingMax());
                List<Component> buttons = step.row().getChildren().filter(c -> c instanceof Button).toList();
                if (buttons.size() == 3) {
                    ((Button) buttons.get(0)).setAriaLabel(t.t("worksheet.ladder.move-up", i + 1));
                    ((Button) buttons.get(1)).setAriaLabel(t.t("worksheet.ladder.move-down", i + 1));
                    ((Button) buttons.get(2)).setAriaLabel(t.t("worksheet.ladder.remove", i + 1));
                    ((Button) buttons.get(0)).setEnabled(i > 0);
                    ((Button) buttons.get(1)).setEnabled(i < steps.size() - 1);
                }
            }
        }

        @Override public Component component() { return root; }

        @Override
        public Object value() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Step step : steps) {
                String text = step.text().getValue();
                Integer rating = step.rating().getValue();
                if ((text == null || text.isBlank()) && rating == null) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("step", text == null ? "" : text);
                if (rating != null) {
                    values.put("rating", rating);
                }
                out.add(values);
            }
            return out.isEmpty() ? null : out;
        }

        @Override
        public void showError(String path, String message) {
            showRowError(path, message, steps,
                    step -> !step.text().getValue().isBlank() || step.rating().getValue() != null,
                    (step, column) -> {
                        HasValidation target = "rating".equals(column) ? step.rating() : step.text();
                        target.setErrorMessage(message);
                        target.setInvalid(true);
                        return true;
                    }, error);
        }

        @Override
        public void clearErrors() {
            error.setVisible(false);
            steps.forEach(s -> {
                s.text().setInvalid(false);
                s.rating().setInvalid(false);
            });
        }

        @Override
        public void focus() {
            if (steps.isEmpty()) {
                add.focus();
            } else {
                steps.getFirst().text().focus();
            }
        }
    }

    /**
     * Shows a problem of a group of rows (a table, a ladder). {@code path} is {@code field/row/column}, the row
     * counted among the rows with something in them (as the group's {@code value()} sends them), and goes on
     * that cell when {@code markCell} finds it; anything else goes on the group's own error line.
     */
    private static <R> void showRowError(String path, String message, List<R> rows, Predicate<R> hasAnything,
                                         BiPredicate<R, String> markCell, Paragraph error) {
        if (path != null && message != null) {
            String[] parts = path.split("/");
            int filled = Integer.parseInt(parts[1]);
            int seen = -1;
            for (R row : rows) {
                if (hasAnything.test(row)) {
                    seen++;
                }
                if (seen == filled && markCell.test(row, parts[2])) {
                    return;
                }
            }
        }
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }

    /** Dates and times in a worksheet read as on the rest of the page: the viewer's region (decision 0031). */
    private static Locale viewerFormat() {
        UI ui = UI.getCurrent();
        return Dates.formatLocale(ui == null ? null : ui.getLocale());
    }

    /**
     * The top of a group of inputs (a table, a ladder): its label as a heading with the required mark, its
     * help, and the line where what is wrong with the group is announced (hidden until then).
     */
    private static void groupHeading(Div root, Field field, Paragraph error, FieldInput.Translator t) {
        H3 heading = new H3(field.label());
        if (field.required()) {
            heading.add(requiredMark(t));
        }
        root.add(heading);
        if (!field.help().isBlank()) {
            root.add(new Paragraph(field.help()));
        }
        error.addClassName("field-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
    }

    private static Span requiredMark(FieldInput.Translator t) {
        Span mark = new Span(" *");
        mark.addClassName("required-mark");
        mark.getElement().setAttribute("aria-label", t.t("worksheet.required"));
        return mark;
    }
}
