package app.homeward.security.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.AccountService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.timepicker.TimePicker;

import java.time.Duration;
import java.util.Map;

/** Staff: when the daily digest of new entries and change requests comes (or none). */
class DigestSection extends Div {

    final TimePicker time = new TimePicker();
    final ComboBox<String> zone = new ComboBox<>();

    DigestSection(AccountService accounts) {
        addClassName("form-section");
        setId("digest-settings");
        AccountService.Digest digest = accounts.myDigest();
        time.setLabel(getTranslation("account.digest.time"));
        time.setHelperText(getTranslation("account.digest.time.help"));
        time.setId("digest-time");
        time.setClearButtonVisible(true);
        time.setStep(Duration.ofMinutes(15));
        time.setLocale(Dates.formatLocale(getLocale()));
        time.setValue(digest.time());
        zone.setLabel(getTranslation("account.digest.zone"));
        zone.setHelperText(getTranslation("account.digest.zone.help"));
        zone.setId("digest-zone");
        zone.setClearButtonVisible(true);
        zone.setItems(FormFields.TIME_ZONES);
        zone.setValue(digest.zone());
        Forms.FormAlert alert = new Forms.FormAlert();
        Button save = new Button(getTranslation("account.digest.save"), e -> {
            Map<String, HasValidation> fields = Map.of("timeZone", zone);
            Forms.submit(fields, alert, this, () -> {
                accounts.changeMyDigest(time.getValue(), zone.getValue());
                Forms.notifySuccess(getTranslation("account.digest.saved"));
            });
        });
        save.setId("save-digest");
        Forms.sectionSave(save);
        add(new H2(getTranslation("account.digest")), new Paragraph(getTranslation("account.digest.intro")), alert,
                time, zone, save);
    }
}
