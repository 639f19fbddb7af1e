package app.homeward.clinic.ui;

import app.homeward.base.ui.FormFields;
import app.homeward.base.RequestOrigin;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PublicPage;
import app.homeward.clinic.SignupService;
import app.homeward.clinic.Slugs;
import app.homeward.mail.MailService;
import app.homeward.security.PasswordPolicy;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** /signup: from nothing to a clinic in under two minutes. */
@Route(value = "signup", autoLayout = false)
@AnonymousAllowed
public class SignupView extends PublicPage implements HasDynamicTitle {

    final TextField clinicName = new TextField();
    final TextField slug = new TextField();
    final TextField adminName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final ComboBox<String> timeZone = new ComboBox<>();
    final Select<String> language = new Select<>();
    final Checkbox agreed = new Checkbox();
    final Button create = new Button();
    private final Forms.FormAlert alert = new Forms.FormAlert();
    private boolean slugEdited;

    public SignupView(SignupService signup, MailService mail) {
        clinicName.setLabel(getTranslation("signup.clinic-name"));
        clinicName.setId("clinic-name");
        clinicName.setMaxLength(SignupService.MAX_CLINIC_NAME);
        clinicName.setRequiredIndicatorVisible(true);
        clinicName.setValueChangeMode(ValueChangeMode.EAGER);
        clinicName.addValueChangeListener(e -> {
            if (!slugEdited) {
                slug.setValue(Slugs.suggest(e.getValue()));
            }
        });

        slug.setLabel(getTranslation("signup.slug"));
        slug.setId("slug");
        slug.setPrefixComponent(new Span("/c/"));
        slug.setHelperText(getTranslation("signup.slug.help"));
        slug.setMaxLength(Slugs.MAX);
        slug.setRequiredIndicatorVisible(true);
        slug.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                slugEdited = true;
            }
            signup.slugProblem(e.getValue()).ifPresentOrElse(problem -> {
                slug.setErrorMessage(getTranslation(problem, Slugs.MIN, Slugs.MAX));
                slug.setInvalid(!e.getValue().isEmpty());
            }, () -> slug.setInvalid(false));
        });

        adminName.setLabel(getTranslation("signup.your-name"));
        adminName.setId("admin-name");
        adminName.setMaxLength(120);
        adminName.setRequiredIndicatorVisible(true);
        email.setLabel(getTranslation("signup.email"));
        email.setId("email");
        email.setMaxLength(254);
        email.setRequiredIndicatorVisible(true);
        password.setLabel(getTranslation("signup.password"));
        password.setId("password");
        password.setHelperText(getTranslation("password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setRequiredIndicatorVisible(true);
        password.getElement().setAttribute("autocomplete", "new-password");

        timeZone.setLabel(getTranslation("signup.time-zone"));
        timeZone.setId("time-zone");
        timeZone.setItems(FormFields.TIME_ZONES);
        timeZone.setValue("UTC");
        language.setLabel(getTranslation("signup.language"));
        language.setId("language");
        language.setItems(Messages.SUPPORTED.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setValue(Messages.supported(getLocale()).getLanguage());
        agreed.setLabel(getTranslation("signup.agree"));
        agreed.setId("agreed");

        create.setText(getTranslation("signup.submit"));
        create.setId("create-clinic");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setWidthFull();
        create.setDisableOnClick(true);

        Map<String, HasValidation> fields = Map.of("clinicName", clinicName, "slug", slug, "name", adminName,
                "email", email, "password", password, "timeZone", timeZone, "agreed", agreed);
        create.addClickListener(e -> {
            Forms.clear(fields, alert);
            try {
                SignupService.Result result = signup.signUp(new SignupService.Request(clinicName.getValue(),
                        slug.getValue(), adminName.getValue(), email.getValue(), password.getValue(),
                        timeZone.getValue(), language.getValue(), agreed.getValue()), RequestOrigin.current());
                showCheckYourEmail(result, mail.capturesMail());
            } catch (DomainException problem) {
                Forms.show(problem, fields, alert, this);
                create.setEnabled(true);
            }
        });

        // prefill the time zone from the browser
        getElement().getNode().runWhenAttached(ui -> ui.getPage().retrieveExtendedClientDetails(details -> {
            String zone = details.getTimeZoneId();
            if (zone != null && ZoneId.getAvailableZoneIds().contains(zone)) {
                timeZone.setValue(zone);
            }
        }));

        Paragraph signIn = new Paragraph(getTranslation("signup.have-account") + " ");
        signIn.add(new Anchor("login", getTranslation("landing.sign-in")));
        setCardContent(title(getTranslation("signup.title")), new Paragraph(getTranslation("signup.intro")), alert,
                clinicName, slug, adminName, email, password, timeZone, language, agreed, create, signIn);
        useWideCard();
    }

    private void showCheckYourEmail(SignupService.Result result, boolean devMailbox) {
        Paragraph sent = new Paragraph(getTranslation("signup.sent", result.email()));
        sent.setId("signup-sent");
        setCardContent(title(getTranslation("signup.sent.title")), sent,
                new Paragraph(getTranslation("signup.sent.expiry")));
        if (devMailbox) {
            Anchor box = new Anchor("dev/mailbox", getTranslation("signup.sent.dev-mailbox"));
            box.setId("dev-mailbox-link");
            addToCard(new Paragraph(box));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.title") + " · Homeward";
    }
}
