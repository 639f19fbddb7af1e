package app.homeward.security.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.security.Role;
import app.homeward.security.SecondFactorService;
import app.homeward.security.SecondFactorService.CodeCheck;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * "Two-step sign-in" in the person's account settings: clients turn it on (and off again); everyone
 * with it on sees since when and how many recovery codes are left, and can get new ones.
 */
class SecondFactorSection extends Div {

    private final SecondFactorService secondFactors;
    private final ZoneId zone;
    private final boolean client;

    SecondFactorSection(SecondFactorService secondFactors, ZoneId zone, Role role) {
        this.secondFactors = secondFactors;
        this.zone = zone;
        this.client = role == Role.CLIENT;
        addClassName("form-section");
        setId("second-factor-settings");
        show();
    }

    private void show() {
        removeAll();
        add(new H2(getTranslation("second-factor.section.title")));
        SecondFactorService.Status status = secondFactors.myStatus();
        Paragraph state = new Paragraph();
        state.setId("second-factor-status");
        if (!status.on()) {
            state.setText(getTranslation(status.required() ? "second-factor.status.required" : "second-factor.status.off"));
            Button start = new Button(getTranslation("second-factor.start"), e -> startEnrolment());
            start.setId("start-enrolment");
            start.addThemeVariants(ButtonVariant.PRIMARY);
            add(state, start);
            return;
        }
        state.setText(getTranslation("second-factor.status.on", Dates.date(status.since(), zone, getLocale()),
                status.recoveryCodesLeft()));
        TextField code = CodeField.create(getTranslation("second-factor.manage.code"), "manage-code");
        code.setHelperText(getTranslation("second-factor.manage.help"));
        Forms.FormAlert alert = new Forms.FormAlert();
        Button renew = new Button(getTranslation("second-factor.renew"), e -> withCode(code, alert,
                value -> secondFactors.renewMyRecoveryCodes(value, RequestOrigin.current()), accepted -> {
                    notifySuccess(getTranslation("second-factor.renewed"));
                    show();
                    add(new RecoveryCodesPanel(accepted.recoveryCodes()));
                }));
        renew.setId("renew-recovery-codes");
        Div actions = new Div(renew);
        actions.addClassName("second-factor-actions");
        if (client) {
            Button off = new Button(getTranslation("second-factor.turn-off"), e -> withCode(code, alert,
                    value -> secondFactors.turnOffMine(value, RequestOrigin.current()), accepted -> {
                        notifySuccess(getTranslation("second-factor.turned-off"));
                        show();
                    }));
            off.setId("turn-off-second-factor");
            off.addThemeVariants(ButtonVariant.ERROR);
            actions.add(off);
        }
        add(state, alert, code, actions);
    }

    private void startEnrolment() {
        SecondFactorService.Enrolment enrolment;
        try {
            enrolment = secondFactors.startMyEnrolment();
        } catch (DomainException problem) {
            notifyError(getTranslation(problem.messageKey(), problem.arguments()));
            show();
            return;
        }
        removeAll();
        add(new H2(getTranslation("second-factor.enrol.title")), new EnrolmentPanel(enrolment,
                value -> secondFactors.confirmMyEnrolment(value, RequestOrigin.current()), accepted -> {
            notifySuccess(getTranslation("second-factor.enrolled"));
            show();
            add(new RecoveryCodesPanel(accepted.recoveryCodes()));
        }));
    }

    private void withCode(TextField code, Forms.FormAlert alert, Function<String, CodeCheck> action,
                          Consumer<CodeCheck.Accepted> accepted) {
        alert.clear();
        CodeCheck check = action.apply(code.getValue());
        if (check instanceof CodeCheck.Accepted ok) {
            accepted.accept(ok);
            return;
        }
        alert.show(CodeMessages.refusal(check, this));
        code.clear();
        code.focus();
    }

    private void notifySuccess(String message) {
        if (client) {
            Forms.notifyClientSuccess(message);
        } else {
            Forms.notifySuccess(message);
        }
    }

    private void notifyError(String message) {
        if (client) {
            Forms.notifyClientError(message);
        } else {
            Forms.notifyError(message);
        }
    }
}
