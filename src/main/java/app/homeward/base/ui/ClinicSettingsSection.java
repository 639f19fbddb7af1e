package app.homeward.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A feature's part of the clinic settings page (/app/settings). A feature declares one as a Spring
 * bean; the settings page shows every section, in {@link #order()}, each with its own save action.
 * The clinic module does not know the features above it: reminders, sessions or data retention
 * contribute their settings here instead of being wired into the page.
 */
public interface ClinicSettingsSection {

    /** Where on the page, lower first (the clinic's own sections use 0–99). */
    int order();

    /** A fresh section for the signed-in clinic admin; called once per page. */
    Component create();
}
