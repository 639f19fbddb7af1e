package app.homeward.homework.ui;

import app.homeward.base.DomainException;
import app.homeward.base.HomeworkWord;
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
        confidence.setLabel(getTranslation("settings.confidence"));
        confidence.setHelperText(getTranslation("settings.confidence.help"));
        confidence.setMin(0);
        confidence.setMax(10);
        confidence.setStepButtonsVisible(true);
        confidence.setValue(current.confidenceThreshold());
        confidence.setId("confidence-threshold");
        grace.setLabel(getTranslation("settings.grace"));
        grace.setHelperText(getTranslation("settings.grace.help"));
        grace.setMin(1);
        grace.setMax(168);
        grace.setStepButtonsVisible(true);
        grace.setValue(current.graceHours());
        grace.setId("grace-hours");
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
            Forms.clear(fields, alert);
            try {
                settings.change(confidence.getValue(), grace.getValue(), word.getValue());
                Forms.notifySuccess(getTranslation("settings.homework.saved"));
            } catch (DomainException problem) {
                Forms.show(problem, fields, alert, this);
            }
        });
        add(new H2(getTranslation("settings.homework")), alert, confidence, grace, word, save);
        addClassName("form-section");
    }
}
