package app.homeward.security.ui;

import app.homeward.security.AccountService;
import app.homeward.security.Role;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("app/account")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class StaffAccountView extends AccountSettingsForm implements HasDynamicTitle {

    public StaffAccountView(AccountService accounts) {
        super(accounts);
        add(new DigestSection(accounts));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Homeward";
    }
}
