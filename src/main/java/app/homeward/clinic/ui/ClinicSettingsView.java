package app.homeward.clinic.ui;

import app.homeward.base.ui.FormFields;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.base.ui.Forms;
import app.homeward.clinic.ClinicSettingsService;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicBrand;
import app.homeward.tenancy.Contrast;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** /app/settings: the clinic admin's name, logo, colour, time zone and default language. */
@Route("app/settings")
@Menu(title = "nav.settings", order = 80, icon = "COG")
@RolesAllowed(Role.ADMIN)
public class ClinicSettingsView extends Div implements HasDynamicTitle {

    final TextField name = new TextField();
    final TextField accent = new TextField();
    final ComboBox<String> timeZone = new ComboBox<>();
    final Select<String> language = new Select<>();
    /** "" follows the time zone; otherwise an ISO country for date and time formats (decision 0031). */
    final ComboBox<String> country = new ComboBox<>();
    final Button save = new Button();
    final Upload logoUpload;
    private final Span contrastNote = new Span();
    private final Div swatch = new Div();
    private final Div logoPreview = new Div();
    private final Forms.FormAlert alert = new Forms.FormAlert();

    /** @param sections what the features above the clinic add to its settings (homework, safety, reminders, …) */
    public ClinicSettingsView(ClinicSettingsService settings, ClinicDirectory directory,
                              List<ClinicSettingsSection> sections) {
        addClassName("page");
        ClinicBranding clinic = settings.page();
        ClinicBrand.shown(clinic);

        name.setLabel(getTranslation("settings.name"));
        name.setId("clinic-name");
        name.setMaxLength(120);
        name.setValue(clinic.name());
        accent.setLabel(getTranslation("settings.colour"));
        accent.setId("accent-colour");
        accent.setHelperText(getTranslation("settings.colour.help"));
        accent.setMaxLength(7);
        accent.setValueChangeMode(ValueChangeMode.LAZY);
        swatch.addClassName("colour-swatch");
        swatch.getElement().setAttribute("aria-hidden", "true");
        accent.setPrefixComponent(swatch);
        accent.addValueChangeListener(e -> describeContrast(e.getValue()));
        accent.setValue(clinic.accentColor());
        contrastNote.setId("contrast-note");
        contrastNote.addClassName("contrast-note");
        contrastNote.getElement().setAttribute("aria-live", "polite");

        timeZone.setLabel(getTranslation("signup.time-zone"));
        timeZone.setId("time-zone");
        timeZone.setItems(FormFields.TIME_ZONES);
        timeZone.setValue(clinic.timeZone().getId());
        language.setLabel(getTranslation("settings.language"));
        language.setId("default-language");
        language.setItems(Messages.SUPPORTED.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue(clinic.defaultLanguage());
        country.setLabel(getTranslation("settings.country"));
        country.setId("country");
        country.setHelperText(getTranslation("settings.country.help"));
        List<String> countries = new ArrayList<>(List.of(""));
        Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(code -> Locale.of("", code).getDisplayCountry(getLocale())))
                .forEach(countries::add);
        country.setItems(countries);
        country.setItemLabelGenerator(code -> code == null || code.isEmpty()
                ? getTranslation("settings.country.auto") : Locale.of("", code).getDisplayCountry(getLocale()));
        country.setValue(clinic.countrySetting() == null ? "" : clinic.countrySetting());

        save.setText(getTranslation("settings.save"));
        save.setId("save-settings");
        Forms.sectionSave(save);
        Map<String, HasValidation> fields = Map.of("name", name, "clinicName", name, "accentColor", accent,
                "timeZone", timeZone, "defaultLanguage", language, "country", country);
        save.addClickListener(e -> {
            Forms.clear(fields, alert);
            try {
                ClinicBranding updated = settings.update(new ClinicSettingsService.Settings(name.getValue(),
                        accent.getValue(), timeZone.getValue(), language.getValue(), country.getValue()));
                // show what was stored (trimmed, control characters stripped, colour in lower case)
                name.setValue(updated.name());
                accent.setValue(updated.accentColor());
                ClinicBrand.changed(UI.getCurrent(), updated);
                Forms.notifySuccess(getTranslation("settings.saved"));
            } catch (DomainException problem) {
                Forms.show(problem, fields, alert, this);
            }
        });

        logoUpload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            try {
                ClinicBranding updated = settings.changeLogo(bytes);
                ui.access(() -> {
                    showLogo(updated, directory);
                    ClinicBrand.changed(ui, updated);
                    Forms.notifySuccess(getTranslation("settings.logo-saved"));
                });
            } catch (DomainException problem) {
                ui.access(() -> Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments())));
            }
        }));
        logoUpload.setId("logo-upload");
        logoUpload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        logoUpload.setMaxFileSize(ClinicSettingsService.MAX_LOGO_BYTES);
        logoUpload.setMaxFiles(1);
        logoUpload.addFileRejectedListener(e -> Forms.notifyError(getTranslation("settings.logo-type")));
        Button removeLogo = new Button(getTranslation("settings.logo-remove"), e -> {
            ClinicBranding updated = settings.removeLogo();
            showLogo(updated, directory);
            ClinicBrand.changed(UI.getCurrent(), updated);
            Forms.notifySuccess(getTranslation("settings.logo-removed"));
        });
        removeLogo.addThemeVariants(ButtonVariant.TERTIARY);
        logoPreview.addClassName("logo-preview");
        showLogo(clinic, directory);

        // each card is saved by its own action inside it: the clinic's details and colour by "Save", the logo as
        // soon as it is uploaded or removed
        Div general = new Div(new H2(getTranslation("settings.general")), alert, name, timeZone, language, country,
                accent, contrastNote, save);
        general.addClassName("form-section");
        Div branding = new Div(new H2(getTranslation("settings.branding")),
                new Paragraph(getTranslation("settings.logo.help")), logoPreview, logoUpload, removeLogo);
        branding.addClassName("form-section");
        add(new H1(getTranslation("settings.title")), general, branding);
        sections.stream().sorted(Comparator.comparingInt(ClinicSettingsSection::order))
                .forEach(section -> add(section.create()));
    }

    private void showLogo(ClinicBranding clinic, ClinicDirectory directory) {
        logoPreview.removeAll();
        logoPreview.add(ClinicBrand.header(clinic, directory, true));
    }

    private void describeContrast(String value) {
        String colour = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!Contrast.isHexColour(colour)) {
            contrastNote.setText(getTranslation("settings.colour-format"));
            contrastNote.getElement().getClassList().set("contrast-note--warn", true);
            return;
        }
        swatch.getStyle().set("background", colour);
        double ratio = Contrast.withWhite(colour);
        String formatted = String.format(getLocale(), "%.1f", ratio);
        boolean weak = ratio < 4.5;
        contrastNote.setText(getTranslation(weak ? "settings.contrast-low" : "settings.contrast-ok", formatted));
        contrastNote.getElement().getClassList().set("contrast-note--warn", weak);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " · Homeward";
    }
}
