package app.homeward.security.ui;

import app.homeward.security.AccountService;
import app.homeward.security.EmailChangeService;
import app.homeward.security.Reauthentication;
import app.homeward.security.Role;
import app.homeward.security.SecondFactorService;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("my/account")
@Menu(title = "nav.account", order = 90, icon = "USER")
@RolesAllowed(Role.CLIENT_NAME)
public class ClientAccountView extends AccountSettingsForm implements HasDynamicTitle {

    public ClientAccountView(AccountService accounts, EmailChangeService emails, Reauthentication reauthentication,
                             SecondFactorService secondFactors, ClinicDirectory clinics) {
        super(accounts, emails, reauthentication);
        add(new SecondFactorSection(secondFactors, clinics.currentTimeZone(), Role.CLIENT));
        // the data-rights page belongs to the privacy feature, which builds on this one: linked by address
        Anchor data = new Anchor("my/data", getTranslation("account.data"));
        data.setId("my-data-link");
        Div section = new Div(new H2(getTranslation("account.data.title")),
                new Paragraph(getTranslation("account.data.intro")), data);
        section.addClassName("form-section");
        add(section);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Homeward";
    }
}
