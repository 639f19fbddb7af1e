package app.homeward.platform.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.ui.FormFields;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PublicPage;
import app.homeward.security.SessionSignIn;
import app.homeward.security.SignedOutNotice;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
        EmailField email = FormFields.email(getTranslation("signin.email"), "email");
        PasswordField password = FormFields.currentPassword(getTranslation("signin.password"), "password");
        Forms.FormAlert alert = new Forms.FormAlert();
        alert.setId("signin-alert");
        SignedOutNotice.take().ifPresent(notice -> alert.info(getTranslation(notice.messageKey(), notice.arguments())));
        Button submit = new Button(getTranslation("signin.submit"));
        submit.setId("sign-in");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
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
