package app.homeward.clinic.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.ui.Forms;
import app.homeward.security.SessionSignIn;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.ui.SignInForm;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicPublicPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** /c/{slug}: the clinic's own front door with its name, logo and colour, and sign-in. */
@Route(value = "c/:slug", autoLayout = false)
@AnonymousAllowed
public class ClinicPageView extends ClinicPublicPage {

    private final SignInService signIn;
    private final SessionSignIn sessions;

    public ClinicPageView(ClinicDirectory clinics, SignInService signIn, SessionSignIn sessions) {
        super(clinics);
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @Override
    protected void build(ClinicBranding clinic, BeforeEnterEvent event) {
        SignInForm form = SignInForm.on(this);
        EmailField email = form.email();
        email.setAutofocus(true);
        PasswordField password = form.password();
        Forms.FormAlert alert = form.alert();
        Button submit = form.submit();
        submit.setWidthFull();
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> {
            alert.clear();
            SignInOutcome outcome = signIn.signIn(clinic.slug(), email.getValue(), password.getValue(),
                    RequestOrigin.current());
            switch (outcome) {
                case SignInOutcome.Success success -> {
                    String next = sessions.establish(success.user());
                    getUI().ifPresent(ui -> ui.getPage().setLocation(next));
                    return;
                }
                case SignInOutcome.Failed failed -> alert.show(getTranslation("signin.failed"));
                case SignInOutcome.Throttled throttled ->
                        alert.show(getTranslation("signin.throttled", throttled.secondsToWait()));
                case SignInOutcome.ClinicUnavailable unavailable -> showUnavailable();
            }
            password.clear();
            password.focus();
            submit.setEnabled(true);
        });

        Anchor forgot = new Anchor("c/" + clinic.slug() + "/forgot", getTranslation("signin.forgot"));
        forgot.setId("forgot-link");
        addToCard(title(getTranslation("signin.title")), alert, email, password, submit, forgot,
                new Paragraph(getTranslation("signin.invited-hint")));
    }
}
