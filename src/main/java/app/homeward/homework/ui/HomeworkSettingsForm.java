package app.homeward.homework.ui;

import app.homeward.base.HomeworkWord;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.homework.HomeworkSettings;
import app.homeward.homework.HomeworkSettingsService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

import java.util.Map;

/**
 * The clinic's homework rules, saved on their own: a change here should not need the branding form. With them
 * the word the clinic's clients read for homework (decision 0046).
 */
class HomeworkSettingsForm extends Div {

    final IntegerField confidence = new IntegerField();
    final IntegerField grace = new IntegerField();
    final Select<HomeworkWord> word = new Select<>();
    final Button save = new Button();

    HomeworkSettingsForm(HomeworkSettingsService settings) {
        HomeworkSettings current = settings.current();
        FormFields.wholeNumber(confidence, getTranslation("settings.confidence"), "confidence-threshold", 0, 10);
        confidence.setHelperText(getTranslation("settings.confidence.help"));
        confidence.setValue(current.confidenceThreshold());
        FormFields.wholeNumber(grace, getTranslation("settings.grace"), "grace-hours", 1, 168);
        grace.setHelperText(getTranslation("settings.grace.help"));
        grace.setValue(current.graceHours());
        word.setLabel(getTranslation("settings.homework-word"));
        word.setHelperText(getTranslation("settings.homework-word.help"));
        word.setItems(HomeworkWord.values());
        // each choice shows both languages' forms: the clinic's clients may read either
        word.setItemLabelGenerator(w -> getTranslation("settings.homework-word." + w.name()));
        word.setValue(current.word());
        word.setId("homework-word");
        Forms.FormAlert alert = new Forms.FormAlert();
        Map<String, HasValidation> fields = Map.of("confidenceThreshold", confidence, "graceHours", grace,
                "homeworkWord", word);
        save.setText(getTranslation("settings.homework.save"));
        save.setId("save-homework-settings");
        Forms.sectionSave(save);
        save.addClickListener(e -> {
            Forms.submit(fields, alert, this, () -> {
                settings.change(confidence.getValue(), grace.getValue(), word.getValue());
                Forms.notifySuccess(getTranslation("settings.homework.saved"));
            });
        });
        add(new H2(getTranslation("settings.homework")), alert, confidence, grace, word, save);
        addClassName("form-section");
    }
}
