package app.homeward.clinic.ui;

import app.homeward.clinic.SignupService;
import app.homeward.security.HomewardUser;
import app.homeward.security.SessionSignIn;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.tenancy.ui.ClinicPublicPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Optional;

/** /c/{slug}/verify/{token}: the emailed link that activates a new clinic and signs its admin in. */
@Route(value = "c/:slug/verify/:token", autoLayout = false)
@AnonymousAllowed
public class VerifyClinicView extends ClinicPublicPage {

    private final SignupService signup;
    private final SessionSignIn sessions;

    public VerifyClinicView(ClinicDirectory clinics, SignupService signup, SessionSignIn sessions) {
        super(clinics);
        this.signup = signup;
        this.sessions = sessions;
    }

    @Override
    protected Optional<ClinicBranding> lookup(String slug) {
        return clinics.findBySlug(slug).filter(c -> c.status() != ClinicStatus.SUSPENDED);
    }

    /**
     * Verification happens on a click, not on page load: mail scanners that open links must not use
     * up the single-use token.
     */
    @Override
    protected void build(ClinicBranding clinic, BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        Button activate = new Button(getTranslation("verify.activate"));
        activate.setId("activate-clinic");
        activate.addThemeVariants(ButtonVariant.PRIMARY);
        activate.setDisableOnClick(true);
        Paragraph intro = new Paragraph(getTranslation("verify.intro", clinic.name()));
        addToCard(title(getTranslation("verify.title")), intro, activate);
        activate.addClickListener(e -> {
            Optional<HomewardUser> admin = signup.verify(clinic.slug(), token);
            if (admin.isEmpty()) {
                intro.setText(getTranslation("verify.invalid.body"));
                activate.setVisible(false);
                addToCard(new Anchor("c/" + clinic.slug(), getTranslation("verify.invalid.sign-in")));
                return;
            }
            String next = sessions.establish(admin.get());
            e.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation(next));
        });
    }
}
