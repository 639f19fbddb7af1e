package app.homeward.security.ui;

import app.homeward.base.ui.PublicPage;
import app.homeward.security.PendingSignIn;
import app.homeward.security.SecondFactorService;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** /platform/second-factor: the operator's second step of signing in. */
@Route(value = "platform/second-factor", autoLayout = false)
@AnonymousAllowed
public class OperatorSecondFactorView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private static final String SIGN_IN_AGAIN = "platform/sign-in";
    private final SecondFactorService secondFactors;

    public OperatorSecondFactorView(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var pending = secondFactors.pending().filter(PendingSignIn::isOperator);
        setCardContent(pending.isPresent() ? new SecondStepForm(secondFactors, pending.get(), SIGN_IN_AGAIN)
                : SecondStepForm.expired(SIGN_IN_AGAIN));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.signin.title") + " · Homeward";
    }
}
