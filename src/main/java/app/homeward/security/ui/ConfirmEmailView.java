package app.homeward.security.ui;

import app.homeward.base.DomainException;
import app.homeward.security.EmailChangeService;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicPublicPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * /c/{slug}/confirm-email/{token}: the link sent to a new sign-in email. Opening the page changes nothing
 * (mail scanners open links too); the button does, and then every session of the account ends.
 */
@Route(value = "c/:slug/confirm-email/:token", autoLayout = false)
@AnonymousAllowed
public class ConfirmEmailView extends ClinicPublicPage {

    private final EmailChangeService emails;
    final Button confirm = new Button();

    public ConfirmEmailView(ClinicDirectory clinics, EmailChangeService emails) {
        super(clinics);
        this.emails = emails;
    }

    @Override
    protected void build(ClinicBranding clinic, BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        Anchor signIn = new Anchor("c/" + clinic.slug(), getTranslation("account.email.confirm.sign-in"));
        signIn.setId("sign-in-link");
        if (!emails.tokenUsable(clinic.slug(), token)) {
            addToCard(title(getTranslation("account.email.confirm.invalid.title")),
                    new Paragraph(getTranslation("account.email.link-invalid")), signIn);
            return;
        }
        confirm.setText(getTranslation("account.email.confirm.submit"));
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            try {
                String address = emails.confirm(clinic.slug(), token);
                setCardContent(title(getTranslation("account.email.confirm.done.title")),
                        new Paragraph(getTranslation("account.email.confirm.done", address)), signIn);
            } catch (DomainException problem) {
                setCardContent(title(getTranslation("account.email.confirm.invalid.title")),
                        new Paragraph(getTranslation(problem.messageKey(), problem.arguments())), signIn);
            }
        });
        addToCard(title(getTranslation("account.email.confirm.title")),
                new Paragraph(getTranslation("account.email.confirm.intro")), confirm);
    }
}
