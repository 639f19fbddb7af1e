package app.homeward.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.util.List;

import static app.homeward.journey.Browser.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages with tables on a 390 px phone (issue 14): the caseload, the team, the review queue, the
 * safety alerts and the audit trail. On each, nothing sticks out of the page sideways, no grid scrolls sideways inside
 * itself, and every cell that shows lies within the screen, so nothing is cut off without a way to see it
 * ({@code base.ui.PhoneColumns} folds the other columns into the first). Screenshots per page.
 *
 * <p>The clinic admin of the journeys' own clinic ({@code e2e-tenants/readable.yaml}) sees every one of
 * those pages with rows in it.
 */
@Tag("e2e")
class StaffPhoneJourneyTest {

    private static final String CLINIC = "readable";
    private static final String EMAIL = "admin@readable.example";
    private static final String PASSWORD = "quiet-harbour-lamp-2026";

    /** Grids that scroll sideways inside themselves, and shown cells that end beyond the window, as text. */
    private static final String CUT_OFF = """
            const problems = [];
            for (const grid of document.querySelectorAll('vaadin-grid')) {
                if (!grid.offsetParent) { continue; }
                const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
                if (table && table.scrollWidth > table.clientWidth + 1) {
                    problems.push((grid.id || 'grid') + ' scrolls sideways: ' + table.scrollWidth + ' > ' + table.clientWidth);
                }
            }
            for (const cell of document.querySelectorAll('vaadin-grid-cell-content')) {
                const box = cell.getBoundingClientRect();
                if (box.width > 0 && box.height > 0 && cell.offsetParent !== null && box.right > window.innerWidth + 1) {
                    problems.push('cell "' + cell.textContent.trim().slice(0, 40) + '" ends at ' + Math.round(box.right));
                }
            }
            return problems.join('\\n');
            """;

    @AfterAll
    static void quit_browsers() {
        Browser.closeAll();
    }

    @Test
    void every_staff_table_fits_a_phone() throws IOException {
        Browser.clearScreenshots(name -> name.startsWith("staff-390-"));
        Browser admin = Browser.open("staff-phone");
        admin.resize(390, 844);

        admin.step("staff-390-signed-in", () -> {
            admin.fillInSignIn(CLINIC, EMAIL, PASSWORD);
            admin.click(admin.visible(By.id("sign-in")));
            admin.passSecondStep(EMAIL);
            admin.visible(By.id("home-title"));
            // the drawer is closed on a phone, so the header names the clinic, in full
            assertThat(admin.visible(By.id("navbar-clinic")).getText()).isEqualTo("Birch Lane Practice");
        });

        for (var page : List.of(List.of("clients", "caseload-grid"), List.of("staff", "staff-grid"),
                List.of("review", "review-grid"), List.of("alerts", "alerts-grid"), List.of("audit", "audit-grid"))) {
            String path = page.get(0);
            admin.step("staff-390-" + path, () -> {
                admin.driver.get(BASE_URL + "/app/" + path);
                admin.visible(By.id(page.get(1)));
                admin.settle();
                assertThat(admin.horizontalOverflow()).as("/app/%s sticks out sideways", path).isLessThanOrEqualTo(0);
                assertThat(String.valueOf(admin.driver.executeScript(CUT_OFF))).as("/app/%s at 390 px", path).isEmpty();
            });
        }
    }
}
