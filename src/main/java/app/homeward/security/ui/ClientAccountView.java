package app.homeward.security.ui;

import app.homeward.security.AccountService;
import app.homeward.security.Role;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("my/account")
@Menu(title = "nav.account", order = 90, icon = "USER")
@RolesAllowed(Role.CLIENT_NAME)
public class ClientAccountView extends AccountSettingsForm implements HasDynamicTitle {

    public ClientAccountView(AccountService accounts) {
        super(accounts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Homeward";
    }
}
