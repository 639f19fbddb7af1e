package app.homeward.platform.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PublicPage;
import app.homeward.security.SessionSignIn;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.ui.SignInForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** /platform/sign-in: for the people who run Homeward, not for clinics. */
@Route(value = "platform/sign-in", autoLayout = false)
@AnonymousAllowed
public class OperatorSignInView extends PublicPage implements HasDynamicTitle {

    public OperatorSignInView(SignInService signIn, SessionSignIn sessions) {
        SignInForm form = SignInForm.on(this);
        EmailField email = form.email();
        PasswordField password = form.password();
        Forms.FormAlert alert = form.alert();
        Button submit = form.submit();
        submit.addClickListener(e -> {
            alert.clear();
            switch (signIn.signInOperator(email.getValue(), password.getValue(), RequestOrigin.current())) {
                case SignInOutcome.Success success -> {
                    String next = sessions.establish(success.user());
                    getUI().ifPresent(ui -> ui.getPage().setLocation(next));
                }
                case SignInOutcome.Throttled throttled ->
                        alert.show(getTranslation("signin.throttled", throttled.secondsToWait()));
                default -> alert.show(getTranslation("signin.failed"));
            }
            password.clear();
        });
        setCardContent(title(getTranslation("platform.signin.title")), alert, email, password, submit);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.signin.title") + " · Homeward";
    }
}
