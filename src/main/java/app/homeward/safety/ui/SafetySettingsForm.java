package app.homeward.safety.ui;

import app.homeward.base.ui.Forms;
import app.homeward.safety.ClientScores;
import app.homeward.safety.ClinicSafety;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The clinic's crisis lines, one text per language its clients may read (a client reads the one in their
 * language; with only one written, every client reads that one, which the page says), and what clients see
 * of their own scores. Each part has its own save action.
 */
class SafetySettingsForm extends Div {

    final Map<Locale, TextArea> crisis = new LinkedHashMap<>();
    final Button saveCrisis = new Button();
    final RadioButtonGroup<ClientScores> scores = new RadioButtonGroup<>();
    final Button saveScores = new Button();
    final Paragraph fallbackNote = new Paragraph();

    SafetySettingsForm(ClinicSafety safety) {
        setId("safety-settings");
        add(crisisSection(safety), scoreSection(safety));
    }

    private Div crisisSection(ClinicSafety safety) {
        Div section = new Div();
        section.addClassName("form-section");
        section.setId("crisis-lines");
        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        section.add(new H2(getTranslation("safety.crisis.title")), new Paragraph(getTranslation("safety.crisis.intro")),
                alert);
        safety.crisisLines().forEach((language, text) -> {
            TextArea area = new TextArea(getTranslation("safety.crisis.label",
                    language.getDisplayLanguage(getLocale())));
            area.setId("crisis-" + language.getLanguage());
            area.setMaxLength(ClinicSafety.MAX_CRISIS_TEXT);
            area.setWidthFull();
            area.setPlaceholder(getTranslation("safety.crisis.placeholder." + language.getLanguage()));
            area.setValue(text);
            area.addValueChangeListener(e -> describeFallback());
            crisis.put(language, area);
            fields.put("crisis-" + language.getLanguage(), area);
            section.add(area);
        });
        fallbackNote.setId("crisis-fallback-note");
        fallbackNote.addClassName("form-note");
        describeFallback();
        saveCrisis.setText(getTranslation("safety.crisis.save"));
        saveCrisis.setId("save-crisis-lines");
        Forms.sectionSave(saveCrisis);
        saveCrisis.addClickListener(e -> {
            Map<Locale, String> texts = new LinkedHashMap<>();
            crisis.forEach((language, area) -> texts.put(language, area.getValue()));
            Forms.submit(fields, alert, this, () -> {
                safety.changeCrisisLines(texts);
                Forms.notifySuccess(getTranslation("safety.crisis.saved"));
            });
        });
        section.add(fallbackNote, saveCrisis);
        return section;
    }

    /** Says who reads what when only some languages have a text, so no admin is surprised. */
    private void describeFallback() {
        var written = crisis.entrySet().stream().filter(e -> !e.getValue().getValue().isBlank()).map(Map.Entry::getKey).toList();
        if (written.isEmpty()) {
            fallbackNote.setText(getTranslation("safety.crisis.none"));
        } else if (written.size() < crisis.size()) {
            Locale shown = written.getFirst();
            String missing = crisis.keySet().stream().filter(l -> !written.contains(l))
                    .map(l -> l.getDisplayLanguage(getLocale())).reduce((a, b) -> a + ", " + b).orElse("");
            fallbackNote.setText(getTranslation("safety.crisis.fallback", missing, shown.getDisplayLanguage(getLocale())));
        } else {
            fallbackNote.setText("");
        }
        fallbackNote.setVisible(!fallbackNote.getText().isEmpty());
    }

    private Div scoreSection(ClinicSafety safety) {
        Div section = new Div();
        section.addClassName("form-section");
        section.setId("client-scores");
        Forms.FormAlert alert = new Forms.FormAlert();
        scores.setLabel(getTranslation("safety.scores.label"));
        scores.setId("client-scores-choice");
        scores.setItems(ClientScores.values());
        scores.setItemLabelGenerator(choice -> getTranslation("safety.scores." + choice.name().toLowerCase(Locale.ROOT)));
        scores.setValue(safety.clientScores());
        scores.addClassName("choice-list");
        Map<String, HasValidation> fields = Map.of("clientScores", scores);
        saveScores.setText(getTranslation("safety.scores.save"));
        saveScores.setId("save-client-scores");
        Forms.sectionSave(saveScores);
        saveScores.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                safety.changeClientScores(scores.getValue());
                Forms.notifySuccess(getTranslation("safety.scores.saved"));
            });
        });
        section.add(new H2(getTranslation("safety.scores.title")), new Paragraph(getTranslation("safety.scores.intro")),
                alert, scores, saveScores);
        return section;
    }

}
