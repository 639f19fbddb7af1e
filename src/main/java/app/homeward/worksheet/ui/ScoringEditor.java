package app.homeward.worksheet.ui;

import app.homeward.worksheet.Field;
import app.homeward.worksheet.Scorer;
import app.homeward.worksheet.Scoring;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scoring of a measure: which fields add up, which count in reverse, the severity bands and the
 * alert rules (e.g. "item 9 at 1 or more") with what the client is told when one fires, the
 * multiplier, clinical cut-off and the reliable-change figures. Item choices follow the fields as
 * they are edited. Subscales (DASS-21) are shown and kept as they are, or removed; a copy of a
 * built-in keeps every part of its scoring when saved.
 */
class ScoringEditor extends Div {

    private final Runnable onChange;
    private final FieldInput.Translator t;
    final Checkbox scored = new Checkbox();
    final MultiSelectComboBox<String> items = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> reversed = new MultiSelectComboBox<>();
    private final Div bands = new Div();
    private final Div alerts = new Div();
    private final Div subscaleList = new Div();
    final IntegerField multiplier = new IntegerField();
    final IntegerField cutoff = new IntegerField();
    final NumberField reliability = new NumberField();
    final NumberField normSd = new NumberField();
    final IntegerField reliableChange = new IntegerField();
    private final List<Scoring.Subscale> subscales = new ArrayList<>();
    private final Div settings = new Div();
    private final List<BandRow> bandRows = new ArrayList<>();
    private final List<AlertRow> alertRows = new ArrayList<>();
    private Map<String, String> scorable = new LinkedHashMap<>();

    private record BandRow(Div box, IntegerField min, IntegerField max, TextField label) {
    }

    private record AlertRow(Div box, Select<String> target, IntegerField atLeast, TextField label, TextArea message) {
    }

    ScoringEditor(Scoring scoring, List<Field> fields, Runnable onChange, FieldInput.Translator t) {
        this.onChange = onChange;
        this.t = t;
        addClassName("scoring-editor");
        scored.setLabel(t.t("builder.scoring.on"));
        scored.setValue(scoring != null);
        scored.addValueChangeListener(e -> {
            settings.setVisible(e.getValue());
            onChange.run();
        });
        items.setLabel(t.t("builder.scoring.items"));
        items.setHelperText(t.t("builder.scoring.items.help"));
        items.setWidthFull();
        reversed.setLabel(t.t("builder.scoring.reversed"));
        reversed.setWidthFull();
        items.addValueChangeListener(e -> { if (e.isFromClient()) { onChange.run(); } });
        reversed.addValueChangeListener(e -> { if (e.isFromClient()) { onChange.run(); } });
        Button addBand = new Button(t.t("builder.scoring.add-band"), VaadinIcon.PLUS.create(), e -> {
            addBand(new Scoring.Band(0, 0, ""));
            onChange.run();
        });
        addBand.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        Button addAlert = new Button(t.t("builder.scoring.add-alert"), VaadinIcon.PLUS.create(), e -> {
            addAlert(new Scoring.AlertRule(Scoring.TOTAL, 1, ""));
            onChange.run();
        });
        addAlert.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        multiplier.setLabel(t.t("builder.scoring.multiplier"));
        multiplier.setHelperText(t.t("builder.scoring.multiplier.help"));
        multiplier.setMin(1);
        multiplier.setMax(10);
        cutoff.setLabel(t.t("builder.scoring.cutoff"));
        cutoff.setHelperText(t.t("builder.scoring.cutoff.help"));
        reliability.setLabel(t.t("builder.scoring.reliability"));
        reliability.setHelperText(t.t("builder.scoring.reliability.help"));
        reliability.setMin(0);
        reliability.setMax(1);
        reliability.setStep(0.01);
        normSd.setLabel(t.t("builder.scoring.norm-sd"));
        normSd.setHelperText(t.t("builder.scoring.norm-sd.help"));
        normSd.setMin(0);
        reliableChange.setLabel(t.t("builder.scoring.reliable-change"));
        reliableChange.setHelperText(t.t("builder.scoring.reliable-change.help"));
        reliableChange.setMin(1);
        for (var number : List.of(multiplier, cutoff, reliableChange)) {
            number.setWidth("12em");
            number.addValueChangeListener(e -> onChange.run());
        }
        for (var number : List.of(reliability, normSd)) {
            number.setWidth("12em");
            number.addValueChangeListener(e -> onChange.run());
        }
        Div change = new Div(multiplier, cutoff, reliability, normSd, reliableChange);
        change.addClassName("editor-row");
        settings.add(items, reversed, new H3(t.t("builder.scoring.bands")), bands, addBand,
                new H3(t.t("builder.scoring.alerts")), new Paragraph(t.t("builder.scoring.alerts.help")), alerts, addAlert,
                new H3(t.t("builder.scoring.change")), new Paragraph(t.t("builder.scoring.change.help")), change,
                subscaleList);
        add(scored, settings);
        fieldsChanged(fields);
        if (scoring != null) {
            items.setValue(new LinkedHashSet<>(scoring.items()));
            reversed.setValue(new LinkedHashSet<>(scoring.reversed()));
            scoring.bands().forEach(this::addBand);
            scoring.alerts().forEach(this::addAlert);
            multiplier.setValue(scoring.multiplier());
            cutoff.setValue(scoring.cutoff());
            reliability.setValue(scoring.reliability());
            normSd.setValue(scoring.normSd());
            reliableChange.setValue(scoring.reliableChange());
            subscales.addAll(scoring.subscales());
        }
        showSubscales();
        settings.setVisible(scored.getValue());
    }

    /** Offers the fields that can be scored now; keeps selections that still exist. */
    void fieldsChanged(List<Field> fields) {
        Map<String, String> now = new LinkedHashMap<>();
        fields.stream().filter(Scorer::scorable)
                .forEach(f -> now.put(f.key(), f.label().isBlank() ? f.key() : f.label()));
        if (now.equals(scorable)) {
            return;
        }
        scorable = now;
        Set<String> chosen = new LinkedHashSet<>(items.getValue());
        Set<String> back = new LinkedHashSet<>(reversed.getValue());
        items.setItems(List.copyOf(now.keySet()));
        items.setItemLabelGenerator(k -> scorable.getOrDefault(k, k));
        reversed.setItems(List.copyOf(now.keySet()));
        reversed.setItemLabelGenerator(k -> scorable.getOrDefault(k, k));
        chosen.retainAll(now.keySet());
        back.retainAll(now.keySet());
        items.setValue(chosen);
        reversed.setValue(back);
        List<String> targets = new ArrayList<>();
        targets.add(Scoring.TOTAL);
        targets.addAll(now.keySet());
        alertRows.forEach(row -> {
            String value = row.target().getValue();
            row.target().setItems(targets);
            row.target().setValue(targets.contains(value) ? value : Scoring.TOTAL);
        });
    }

    private void addBand(Scoring.Band band) {
        IntegerField min = new IntegerField(t.t("builder.scoring.band.min"));
        min.setValue(band.min());
        min.setWidth("7em");
        IntegerField max = new IntegerField(t.t("builder.scoring.band.max"));
        max.setValue(band.max());
        max.setWidth("7em");
        TextField label = new TextField(t.t("builder.scoring.band.label"));
        label.setValue(band.label());
        label.setMaxLength(60);
        label.setValueChangeMode(ValueChangeMode.LAZY);
        Div box = new Div(min, max, label);
        addRow(new BandRow(box, min, max, label), box, bandRows, bands, "builder.scoring.remove-band");
        min.addValueChangeListener(e -> onChange.run());
        max.addValueChangeListener(e -> onChange.run());
        label.addValueChangeListener(e -> onChange.run());
    }

    private void addAlert(Scoring.AlertRule rule) {
        Select<String> target = new Select<>();
        target.setLabel(t.t("builder.scoring.alert.target"));
        List<String> targets = new ArrayList<>();
        targets.add(Scoring.TOTAL);
        targets.addAll(scorable.keySet());
        target.setItems(targets);
        target.setItemLabelGenerator(k -> Scoring.TOTAL.equals(k) ? t.t("builder.scoring.total") : scorable.getOrDefault(k, k));
        target.setValue(targets.contains(rule.target()) ? rule.target() : Scoring.TOTAL);
        IntegerField atLeast = new IntegerField(t.t("builder.scoring.alert.at-least"));
        atLeast.setValue(rule.atLeast());
        atLeast.setWidth("7em");
        TextField label = new TextField(t.t("builder.scoring.alert.label"));
        label.setValue(rule.label());
        label.setMaxLength(200);
        label.setValueChangeMode(ValueChangeMode.LAZY);
        TextArea message = new TextArea(t.t("builder.scoring.alert.message"));
        message.setHelperText(t.t("builder.scoring.alert.message.help"));
        message.setValue(rule.message());
        message.setMaxLength(Scoring.ALERT_MESSAGE);
        message.setValueChangeMode(ValueChangeMode.LAZY);
        message.setWidthFull();
        Div box = new Div(target, atLeast, label, message);
        addRow(new AlertRow(box, target, atLeast, label, message), box, alertRows, alerts,
                "builder.scoring.remove-alert");
        target.addValueChangeListener(e -> { if (e.isFromClient()) { onChange.run(); } });
        atLeast.addValueChangeListener(e -> onChange.run());
        label.addValueChangeListener(e -> onChange.run());
        message.addValueChangeListener(e -> onChange.run());
    }

    /** Shows an editable row (a band, an alert rule) in its list, with a button that takes it out again. */
    private <R> void addRow(R row, Div box, List<R> rows, Div list, String removeKey) {
        box.addClassName("editor-row");
        box.add(removeButton(t.t(removeKey), () -> {
            rows.remove(row);
            list.remove(box);
        }));
        rows.add(row);
        list.add(box);
    }

    private Button removeButton(String ariaLabel, Runnable remove) {
        Button button = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            remove.run();
            onChange.run();
        });
        button.setAriaLabel(ariaLabel);
        button.addThemeVariants(ButtonVariant.TERTIARY);
        return button;
    }

    // a subscale is shown as one line (its name, how many questions, ×multiplier, cut-off) and kept as it is;
    // the only change offered is removing it, so a copy of the DASS-21 keeps its published subscales intact
    private void showSubscales() {
        subscaleList.removeAll();
        if (subscales.isEmpty()) {
            return;
        }
        subscaleList.add(new H3(t.t("builder.scoring.subscales")), new Paragraph(t.t("builder.scoring.subscales.help")));
        for (Scoring.Subscale subscale : List.copyOf(subscales)) {
            String summary = t.t("builder.scoring.subscale.summary", subscale.label(), subscale.items().size(),
                    subscale.factor(), subscale.cutoff() == null ? "–" : subscale.cutoff());
            Paragraph line = new Paragraph(summary);
            Button remove = removeButton(t.t("builder.scoring.remove-subscale", subscale.label()), () -> {
                subscales.remove(subscale);
                showSubscales();
            });
            Div row = new Div(line, remove);
            row.addClassName("editor-row");
            row.addClassName("subscale-row");
            subscaleList.add(row);
        }
    }

    /** The scoring as set up now, or null when the worksheet is not scored. */
    Scoring value() {
        if (!scored.getValue()) {
            return null;
        }
        List<String> chosen = scorable.keySet().stream().filter(items.getValue()::contains).toList();
        List<String> back = scorable.keySet().stream().filter(reversed.getValue()::contains).toList();
        return new Scoring(chosen, back,
                bandRows.stream().map(r -> new Scoring.Band(orZero(r.min()), orZero(r.max()), r.label().getValue().strip())).toList(),
                alertRows.stream().map(r -> new Scoring.AlertRule(r.target().getValue(), orZero(r.atLeast()),
                        r.label().getValue().strip(), r.message().getValue().strip())).toList(),
                subscales, multiplier.getValue(), reliability.getValue(), normSd.getValue(), cutoff.getValue(),
                reliableChange.getValue());
    }

    private static int orZero(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
