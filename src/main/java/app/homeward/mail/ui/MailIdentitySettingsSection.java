package app.homeward.mail.ui;

import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.mail.MailIdentities;
import com.vaadin.flow.component.Component;

/** The discreet sender on the clinic settings page, after the clinic's own sections and reminders. */
@org.springframework.stereotype.Component
class MailIdentitySettingsSection implements ClinicSettingsSection {

    private final MailIdentities identities;

    MailIdentitySettingsSection(MailIdentities identities) {
        this.identities = identities;
    }

    @Override
    public int order() {
        return 250;
    }

    @Override
    public Component create() {
        return new MailIdentitySection(identities);
    }
}
