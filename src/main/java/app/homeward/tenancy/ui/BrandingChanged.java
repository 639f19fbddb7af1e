package app.homeward.tenancy.ui;

import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * The clinic's name, colour or logo changed in this browser tab: the layout around the settings page shows the
 * new ones at once instead of at the next sign-in. Fired on the UI by {@link ClinicBrand#changed}.
 */
public class BrandingChanged extends ComponentEvent<UI> {

    private final ClinicBranding branding;

    BrandingChanged(UI ui, ClinicBranding branding) {
        super(ui, false);
        this.branding = branding;
    }

    public ClinicBranding branding() {
        return branding;
    }
}
