package app.homeward.security.ui;

import app.homeward.security.AccountService;
import app.homeward.security.EmailChangeService;
import app.homeward.security.Reauthentication;
import app.homeward.security.Role;
import app.homeward.security.SecondFactorService;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("app/account")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class StaffAccountView extends AccountSettingsForm implements HasDynamicTitle {

    public StaffAccountView(AccountService accounts, EmailChangeService emails, Reauthentication reauthentication,
                            SecondFactorService secondFactors, ClinicDirectory clinics) {
        super(accounts, emails, reauthentication);
        add(new DigestSection(accounts));
        add(new SecondFactorSection(secondFactors, clinics.currentTimeZone(), Role.THERAPIST));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Homeward";
    }
}
