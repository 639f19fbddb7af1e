package app.homeward.portal.ui;

import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.server.menu.MenuEntry;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.List;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.security.Role;
import app.homeward.staff.ui.StaffView;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff side navigation lists the pages the signed-in person may open, and it does so whenever the
 * garbage collector happens to run. It once came out empty in CI: the simulated request a test had made
 * current was held only weakly by Vaadin, was collected, and with no current request Vaadin's menu lists
 * nothing. {@link ViewTest#makeCurrent} now holds it; this test collects garbage before the menu is built.
 */
class StaffNavigationTest extends ViewTest {

    @Autowired NavigationEntries navigation;

    @Test
    void the_admins_menu_lists_the_admin_pages_even_after_a_garbage_collection() {
        TestAccount admin = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        collectGarbage();

        navigate(StaffView.class);

        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains("Clients", "Team", "Audit trail", "Clinic settings", "Data rights");
    }

    @Test
    void a_therapists_menu_has_no_admin_pages() {
        TestAccount therapist = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        therapist.signIn();
        collectGarbage();

        navigate(StaffHomeView.class);

        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains("Clients", "To review")
                .doesNotContain("Team", "Audit trail", "Clinic settings", "Data rights");
    }

    /** Worked out once per set of roles (an access check per route is costly under load), never shared across roles. */
    @Test
    void the_menu_is_worked_out_once_per_role_and_a_therapist_never_gets_the_admins() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);

        admin.signIn();
        List<MenuEntry> admins = navigation.forCurrentUser();
        therapist.signIn();
        List<MenuEntry> therapists = navigation.forCurrentUser();
        List<MenuEntry> again = navigation.forCurrentUser();

        assertThat(admins).extracting(MenuEntry::path).anyMatch(p -> p.contains("app/settings"));
        assertThat(therapists).extracting(MenuEntry::path).noneMatch(p -> p.contains("app/settings"))
                .anyMatch(p -> p.contains("app/review"));
        assertThat(again).isSameAs(therapists);
        testClinics.account(clinic, Role.THERAPIST).signIn();
        assertThat(navigation.forCurrentUser()).as("another therapist: the same list").isSameAs(therapists);
    }

    @Test
    void the_page_is_the_main_landmark_beside_the_navigation() {
        testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN).signIn();

        StaffView page = navigate(StaffView.class);

        assertThat(page.getElement().getTag().equals("main") || "main".equals(page.getElement().getAttribute("role")))
                .as("a <main> or role=main").isTrue();
    }

    /** A full collection clears every weakly held object; twice, as one call is only a request to the JVM. */
    private static void collectGarbage() {
        System.gc();
        System.gc();
    }
}
