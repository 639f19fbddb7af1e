package app.homeward.security.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.ui.Forms;
import app.homeward.security.PendingSignIn;
import app.homeward.security.SecondFactorService;
import app.homeward.security.SecondFactorService.CodeCheck;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The second step of a sign-in, on the clinic's page or the operator's: the code from the authenticator
 * app (or a recovery code), or, for staff and the operator who have none yet, setting one up and
 * saving the recovery codes. Until it is done the browser is not signed in.
 */
class SecondStepForm extends Div {

    private final SecondFactorService secondFactors;
    private final String signInAgain;

    SecondStepForm(SecondFactorService secondFactors, PendingSignIn pending, String signInAgain) {
        this.secondFactors = secondFactors;
        this.signInAgain = signInAgain;
        addClassName("second-step");
        if (pending.step() == PendingSignIn.Step.CODE) {
            showCodeForm(pending);
        } else {
            showEnrolment(pending);
        }
    }

    /** What a browser with no sign-in waiting (timed out, done, or never started) sees. */
    static Div expired(String signInAgain) {
        Div box = new Div();
        Anchor again = new Anchor(signInAgain, box.getTranslation("second-factor.sign-in-again"));
        again.setId("sign-in-again");
        box.add(title(box.getTranslation("second-factor.expired.title")),
                new Paragraph(box.getTranslation("second-factor.expired")), again);
        box.setId("second-step-expired");
        return box;
    }

    private void showCodeForm(PendingSignIn pending) {
        TextField code = CodeField.create(getTranslation("second-factor.code"), "code");
        code.setHelperText(getTranslation("second-factor.code.help"));
        code.setAutofocus(true);
        Forms.FormAlert alert = new Forms.FormAlert();
        alert.setId("code-alert");
        Button verify = new Button(getTranslation("second-factor.verify"));
        verify.setId("verify-code");
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.setWidthFull();
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(e -> {
            alert.clear();
            CodeCheck check = secondFactors.completeSignIn(code.getValue(), RequestOrigin.current());
            switch (check) {
                case CodeCheck.Accepted accepted -> {
                    if (accepted.recoveryCodeUsed()) {
                        // signed in; say how many codes are left before going on (a notification would not survive the page load)
                        removeAll();
                        Paragraph left = new Paragraph(getTranslation("second-factor.recovery-used", accepted.recoveryCodesLeft()));
                        left.setId("recovery-codes-left");
                        Button next = new Button(getTranslation("second-factor.recovery.continue-signed-in"), ev -> go(accepted.next()));
                        next.setId("continue-after-recovery");
                        next.addThemeVariants(ButtonVariant.PRIMARY);
                        next.setWidthFull();
                        add(title(getTranslation("second-factor.title")), left, next);
                        return;
                    }
                    go(accepted.next());
                    return;
                }
                case CodeCheck.Expired expired -> {
                    removeAll();
                    add(expired(signInAgain));
                    return;
                }
                default -> alert.show(CodeMessages.refusal(check, this));
            }
            code.clear();
            code.focus();
        });
        add(title(getTranslation("second-factor.title")), new Paragraph(getTranslation("second-factor.code.intro")),
                alert, code, verify,
                new Paragraph(getTranslation(pending.isOperator() ? "second-factor.lost.operator" : "second-factor.lost")),
                cancel());
    }

    private void showEnrolment(PendingSignIn pending) {
        SecondFactorService.Enrolment enrolment = secondFactors.pendingEnrolment();
        EnrolmentPanel panel = new EnrolmentPanel(enrolment,
                code -> secondFactors.confirmPendingEnrolment(code, RequestOrigin.current()), accepted -> {
            removeAll();
            Button next = new Button(getTranslation("second-factor.recovery.continue"), e -> go(accepted.next()));
            next.setId("continue-after-codes");
            next.addThemeVariants(ButtonVariant.PRIMARY);
            next.setWidthFull();
            add(title(getTranslation("second-factor.enrolled")), new RecoveryCodesPanel(accepted.recoveryCodes()), next);
        });
        add(title(getTranslation("second-factor.enrol.title")),
                new Paragraph(getTranslation(pending.isOperator() ? "second-factor.enrol.required.operator"
                        : "second-factor.enrol.required")),
                panel, cancel());
    }

    private Button cancel() {
        Button cancel = new Button(getTranslation("second-factor.cancel"), e -> {
            secondFactors.cancelPending();
            go(signInAgain);
        });
        cancel.setId("cancel-sign-in");
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        return cancel;
    }

    private void go(String location) {
        getUI().ifPresent(ui -> ui.getPage().setLocation(location));
    }

    private static H1 title(String text) {
        H1 h1 = new H1(text);
        h1.addClassName("public-title");
        return h1;
    }
}
