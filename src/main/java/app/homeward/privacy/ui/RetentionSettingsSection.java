package app.homeward.privacy.ui;

import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.privacy.PrivacyService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;

import java.util.Map;

/** "Keep records for N days after erasure is requested" on the clinic settings page. */
@org.springframework.stereotype.Component
class RetentionSettingsSection implements ClinicSettingsSection {

    private final PrivacyService privacy;

    RetentionSettingsSection(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Component create() {
        return new Section(privacy);
    }

    static final class Section extends Div {

        final IntegerField keepDays = new IntegerField();

        Section(PrivacyService privacy) {
            addClassName("form-section");
            setId("retention-settings");
            FormFields.wholeNumber(keepDays, getTranslation("privacy.settings.keep-days"), "keep-days",
                    0, PrivacyService.MAX_KEEP_DAYS);
            keepDays.setHelperText(getTranslation("privacy.settings.keep-days.help"));
            keepDays.setValue(privacy.retentionDays());
            Forms.FormAlert alert = new Forms.FormAlert();
            Map<String, HasValidation> fields = Map.of("keepDays", keepDays);
            Button save = new Button(getTranslation("privacy.settings.save"), e -> {
                Forms.submit(fields, alert, this, () -> {
                    privacy.changeRetention(keepDays.getValue());
                    Forms.notifySuccess(getTranslation("privacy.settings.saved"));
                });
            });
            save.setId("save-retention");
            Forms.sectionSave(save);
            add(new H2(getTranslation("privacy.settings.title")), new Paragraph(getTranslation("privacy.settings.intro")),
                    alert, keepDays, save);
        }
    }
}
