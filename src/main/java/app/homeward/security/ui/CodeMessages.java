package app.homeward.security.ui;

import app.homeward.security.SecondFactorService.CodeCheck;
import com.vaadin.flow.component.Component;

/** What each refused code says: one message for every kind of wrong code, and the throttle's wait. */
final class CodeMessages {

    private CodeMessages() {
    }

    static String refusal(CodeCheck check, Component translator) {
        return switch (check) {
            case CodeCheck.Wrong wrong -> translator.getTranslation("second-factor.wrong");
            case CodeCheck.Throttled throttled -> translator.getTranslation("signin.throttled", throttled.secondsToWait());
            case CodeCheck.Expired expired -> translator.getTranslation("second-factor.expired");
            case CodeCheck.Accepted accepted -> "";
        };
    }
}
