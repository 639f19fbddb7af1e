package app.homeward.portal.ui;

import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** /my: the client's home on their phone. */
@Route("my")
@Menu(title = "nav.home", order = 0, icon = "HOME")
@RolesAllowed(Role.CLIENT_NAME)
public class ClientHomeView extends Div implements HasDynamicTitle {

    public ClientHomeView() {
        addClassName("page");
        H1 hello = new H1(getTranslation("home.client.hello", CurrentUser.require().displayName()));
        hello.setId("home-title");
        Div empty = new Div(new Paragraph(getTranslation("home.client.empty")));
        empty.addClassName("empty-state");
        add(hello, empty);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · Homeward";
    }
}
