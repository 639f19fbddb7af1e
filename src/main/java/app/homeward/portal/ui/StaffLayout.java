package app.homeward.portal.ui;

import app.homeward.clinic.ClinicSettingsService;
import app.homeward.homework.review.ReviewService;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ui.BrandingChanged;
import app.homeward.tenancy.ui.ClinicBrand;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import java.util.HashMap;
import java.util.Map;

/**
 * The therapists' and admins' frame: the clinic's branding, side navigation built from the views
 * under /app that this person may open (so only features that exist, and that they may use, appear),
 * and a user menu with account settings and sign out. Beside "Review", "Alerts" and "Clients" the
 * navigation counts what waits there (issue 14), as the staff home does.
 */
@Layout("/app")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class StaffLayout extends AppLayout implements AfterNavigationObserver {

    /** Where each count stands: the page where what it counts is dealt with, and how it is read out. */
    private static final Map<String, String> COUNTED = Map.of("app/review", "nav.count.review",
            "app/alerts", "nav.count.alerts", "app/clients", "nav.count.changes");

    private final ClinicSettingsService clinic;
    private final ClinicDirectory directory;
    private final ReviewService reviews;
    private final AuthenticationContext authentication;
    private final NavigationEntries navigation;
    /** The navigation's items by their route ("app/review"), for the counts. */
    private final Map<String, SideNavItem> items = new HashMap<>();
    private ClinicBranding branding;
    private final Div drawerBrand = new Div();
    private final Span clinicName = new Span();
    /** On a phone the navigation (and its counts) is folded away: the header says how much waits, linking home. */
    private final Anchor waitingOnPhone = new Anchor();

    public StaffLayout(ClinicSettingsService clinic, ClinicDirectory directory, ReviewService reviews,
                       AuthenticationContext authentication, NavigationEntries navigation) {
        this.navigation = navigation;
        this.clinic = clinic;
        this.directory = directory;
        this.reviews = reviews;
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addClassName("staff-layout");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (branding == null) {
            build(event.getUI());
        }
        ClinicBrand.apply(event.getUI(), branding);
        // a new name or logo saved on the settings page shows here at once, not at the next sign-in
        Registration listening = ComponentUtil.addListener(event.getUI(), BrandingChanged.class, e -> rebrand(e.branding()));
        addDetachListener(detach -> {
            listening.remove();
            detach.unregisterListener();
        });
    }

    private void rebrand(ClinicBranding updated) {
        branding = updated;
        drawerBrand.removeAll();
        drawerBrand.add(ClinicBrand.header(updated, directory, false));
        clinicName.setText(updated.name());
    }

    /**
     * The counts are read after each navigation in a second, small request (the browser answers a no-op
     * script), so a page is never held up by them and its own statements stay its own (the query budgets).
     * They are as fresh as the last page opened.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // the layout was built before (a later page of the tab): what the page read of the clinic is not needed
        getUI().ifPresent(ClinicBrand::takeShown);
        getElement().executeJs("return 0").then(ignored -> {
            try {
                showCounts(reviews.waiting());
            } catch (DataAccessException | TransactionException unavailable) {
                // the page itself says when the database is away; the counts just wait for the next page
            }
        });
    }

    /** Shows each count beside its item; none where nothing waits. */
    void showCounts(ReviewService.Waiting waiting) {
        count("app/review", waiting.toReview());
        count("app/alerts", waiting.openAlerts());
        count("app/clients", waiting.changeRequests());
        long all = waiting.toReview() + waiting.openAlerts() + waiting.changeRequests();
        waitingOnPhone.setVisible(all > 0);
        waitingOnPhone.removeAll();
        if (all > 0) {
            waitingOnPhone.add(badge(all, getTranslation("nav.count.waiting", all)));
            waitingOnPhone.setClassName("nav-count--alerts", waiting.openAlerts() > 0);
        }
    }

    /** The number for the eye; the words for a screen reader ("3 entries to review"), not a bare "3". */
    private static Span badge(long count, String spoken) {
        Span number = new Span(String.valueOf(count));
        number.getElement().setAttribute("aria-hidden", "true");
        Span words = new Span(spoken);
        words.addClassName("visually-hidden");
        return new Span(number, words);
    }

    private void count(String path, long count) {
        SideNavItem item = items.get(path);
        if (item == null) {
            return;
        }
        if (count == 0) {
            item.setSuffixComponent(null);
            return;
        }
        Span badge = badge(count, getTranslation(COUNTED.get(path), count));
        badge.addClassName("nav-count");
        badge.addClassName("nav-count--" + path.substring("app/".length()));
        item.setSuffixComponent(badge);
    }

    /**
     * The page shown is the main landmark: AppLayout's content area is a plain div, so screen-reader users
     * could not jump to the page past the navigation (axe: landmark-one-main, region).
     */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (!"main".equals(content.getElement().getTag())) {
            content.getElement().setAttribute("role", "main");
        }
    }

    private void build(UI ui) {
        HomewardUser user = CurrentUser.require();
        branding = ClinicBrand.takeShown(ui).orElseGet(clinic::current);

        drawerBrand.add(ClinicBrand.header(branding, directory, false));
        drawerBrand.addClassName("drawer-brand");
        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        for (MenuEntry entry : navigation.forCurrentUser()) {
            if (entry.path().startsWith("app") || entry.path().startsWith("/app")) {
                SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
                if (entry.icon() != null) {
                    item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
                }
                nav.addItem(item);
                items.put(entry.path().replaceFirst("^/", ""), item);
            }
        }
        addToDrawer(drawerBrand, nav);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        // on a phone the drawer (and the clinic's name in it) is hidden: the header names the clinic instead
        clinicName.setText(branding.name());
        clinicName.addClassName("navbar-clinic");
        clinicName.setId("navbar-clinic");
        Span spacer = new Span();
        spacer.addClassName("navbar-spacer");
        waitingOnPhone.setHref("app");
        waitingOnPhone.getElement().setAttribute("router-link", true);
        waitingOnPhone.addClassNames("nav-count", "navbar-waiting");
        waitingOnPhone.setId("navbar-waiting");
        waitingOnPhone.setVisible(false);
        addToNavbar(toggle, clinicName, spacer, waitingOnPhone);
        addToNavbar(userMenu(user));
    }

    /**
     * The person's name opens a small popover with "Account" and "Sign out". A popover (a disclosure),
     * not a menu bar: two links are not an application menu, and Vaadin's menu bar with one top item gave
     * screen readers a menubar role without the menu items ARIA requires (axe: critical).
     */
    private Component[] userMenu(HomewardUser user) {
        Avatar avatar = new Avatar(user.displayName());
        avatar.getElement().setAttribute("aria-hidden", "true");
        Span name = new Span(user.displayName());
        name.addClassName("user-menu-name");
        Div label = new Div(avatar, name);
        label.addClassName("user-menu-label");
        Button open = new Button(label);
        open.setId("user-menu");
        open.addThemeVariants(ButtonVariant.TERTIARY);
        open.setAriaLabel(getTranslation("nav.user-menu") + ": " + user.displayName());

        Anchor account = new Anchor("app/account", getTranslation("nav.account"));
        account.getElement().setAttribute("router-link", true);
        account.addClassName("user-menu-item");
        Button signOut = new Button(getTranslation("nav.sign-out"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        signOut.addClassName("user-menu-item");
        Popover popover = new Popover(account, signOut);
        popover.setTarget(open);
        popover.setOpenOnClick(true);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setAriaLabel(getTranslation("nav.user-menu"));
        popover.addClassName("user-menu-popover");
        account.getElement().addEventListener("click", e -> popover.close());
        return new Component[] {open, popover};
    }
}
