package app.homeward.security.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.security.PasswordResetService;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicPublicPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Map;

/** /c/{slug}/forgot: ask for a reset link. Says the same whether or not the address has an account. */
@Route(value = "c/:slug/forgot", autoLayout = false)
@AnonymousAllowed
public class ForgotPasswordView extends ClinicPublicPage {

    private final PasswordResetService resets;

    public ForgotPasswordView(ClinicDirectory clinics, PasswordResetService resets) {
        super(clinics);
        this.resets = resets;
    }

    @Override
    protected void build(ClinicBranding clinic, BeforeEnterEvent event) {
        EmailField email = FormFields.email(getTranslation("signin.email"), "email");
        Forms.FormAlert alert = new Forms.FormAlert();
        Button send = new Button(getTranslation("forgot.submit"));
        send.setId("send-reset");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickListener(e -> {
            Forms.submit(Map.of("email", email), alert, this, () -> {
                resets.requestReset(clinic.slug(), email.getValue(), RequestOrigin.current());
                alert.info(getTranslation("forgot.sent"));
                send.setEnabled(false);
            });
        });
        addToCard(title(getTranslation("forgot.title")), new Paragraph(getTranslation("forgot.intro")), alert, email,
                send, new Anchor("c/" + clinic.slug(), getTranslation("forgot.back")));
    }
}
