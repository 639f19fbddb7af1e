package app.homeward.portal.ui;

import app.homeward.clinic.ClinicSettingsService;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.ClinicBrand;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * The clients' frame, mobile first: a slim header with the clinic's name and colour, the page, and a
 * bottom bar of large tap targets built from the views under /my. Works from 360 px wide.
 */
@Layout("/my")
@RolesAllowed(Role.CLIENT_NAME)
public class ClientLayout extends Div implements RouterLayout {

    private final Main content = new Main();
    private ClinicBranding branding;

    public ClientLayout(ClinicSettingsService clinic, ClinicDirectory directory, AuthenticationContext authentication,
                        NavigationEntries navigation) {
        addClassName("client-layout");
        branding = clinic.current();
        Header header = new Header(ClinicBrand.header(branding, directory, false));
        header.addClassName("client-header");
        Button signOut = new Button(getTranslation("nav.sign-out"), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.setId("sign-out");
        header.add(signOut);
        content.addClassName("client-content");

        Nav bottom = new Nav();
        bottom.addClassName("client-nav");
        bottom.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        for (MenuEntry entry : navigation.forCurrentUser()) {
            if (entry.path().startsWith("my") || entry.path().startsWith("/my")) {
                RouterLink link = new RouterLink();
                link.setRoute(entry.menuClass().asSubclass(Component.class));
                link.setText(getTranslation(entry.title()));
                link.setHighlightCondition(HighlightConditions.sameLocation());
                bottom.add(link);
            }
        }
        Footer footer = new Footer(bottom);
        footer.addClassName("client-footer");
        add(header, content, footer);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ClinicBrand.apply(event.getUI(), branding);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }
}
