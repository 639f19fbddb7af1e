package app.homeward.security.ui;

import app.homeward.security.SecondFactorService;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicPublicPage;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * /c/{slug}/second-factor: the second step of signing in at a clinic, for the sign-in this browser
 * session holds (nothing here takes an account from the address or the form).
 */
@Route(value = "c/:slug/second-factor", autoLayout = false)
@AnonymousAllowed
public class SecondFactorView extends ClinicPublicPage {

    private final SecondFactorService secondFactors;

    public SecondFactorView(ClinicDirectory clinics, SecondFactorService secondFactors) {
        super(clinics);
        this.secondFactors = secondFactors;
    }

    @Override
    protected void build(ClinicBranding clinic, BeforeEnterEvent event) {
        String signInAgain = "c/" + clinic.slug();
        secondFactors.pending().filter(p -> !p.isOperator() && clinic.id().equals(p.clinicId()))
                .ifPresentOrElse(p -> addToCard(new SecondStepForm(secondFactors, p, signInAgain)),
                        () -> addToCard(SecondStepForm.expired(signInAgain)));
    }
}
