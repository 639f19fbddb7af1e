package app.homeward.security.ui;

import app.homeward.base.ui.ClinicSettingsSection;
import app.homeward.security.SessionService;
import com.vaadin.flow.component.Component;

/** Automatic logoff (idle and absolute limits) on the clinic settings page. */
@org.springframework.stereotype.Component
class SessionSettingsSection implements ClinicSettingsSection {

    private final SessionService sessions;

    SessionSettingsSection(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Component create() {
        return new SessionSettingsForm(sessions);
    }
}
