package app.homeward.security.ui;

import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.PasswordPolicy;
import app.homeward.security.PasswordResetService;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicPublicPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Map;

/** /c/{slug}/reset/{token}: set a new password from the emailed link. */
@Route(value = "c/:slug/reset/:token", autoLayout = false)
@AnonymousAllowed
public class ResetPasswordView extends ClinicPublicPage {

    private final PasswordResetService resets;

    public ResetPasswordView(ClinicDirectory clinics, PasswordResetService resets) {
        super(clinics);
        this.resets = resets;
    }

    @Override
    protected void build(ClinicBranding clinic, BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        Anchor back = new Anchor("c/" + clinic.slug(), getTranslation("forgot.back"));
        if (!resets.tokenUsable(clinic.slug(), token)) {
            addToCard(title(getTranslation("reset.invalid.title")), new Paragraph(getTranslation("reset.invalid")),
                    new Anchor("c/" + clinic.slug() + "/forgot", getTranslation("reset.again")), back);
            return;
        }
        PasswordField password = FormFields.newPassword(getTranslation("account.password.new"), "new-password",
                getTranslation("password.help", PasswordPolicy.MIN_LENGTH), PasswordPolicy.MAX_LENGTH);
        Forms.FormAlert alert = new Forms.FormAlert();
        Button save = new Button(getTranslation("reset.submit"));
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            Forms.submit(Map.of("password", password), alert, this, () -> {
                resets.reset(clinic.slug(), token, password.getValue());
                setCardContent(title(getTranslation("reset.done.title")),
                        new Paragraph(getTranslation("reset.done")), back);
            });
        });
        addToCard(title(getTranslation("reset.title")), alert, password, save);
    }
}
