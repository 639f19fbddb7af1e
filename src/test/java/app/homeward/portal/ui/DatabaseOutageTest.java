package app.homeward.portal.ui;

import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away while Homeward runs: pages say so calmly (no stack trace), and work again as
 * soon as it is back, with no restart. The outage is real as far as the application can tell: the
 * connection pool is suspended and refuses every connection, as it does when the server is unreachable.
 */
class DatabaseOutageTest extends ViewTest {

    private static final String THROW_WHEN_SUSPENDED = "com.zaxxer.hikari.throwIfSuspended";

    @Autowired
    DataSource dataSource;

    @AfterEach
    void databaseIsBack() throws SQLException {
        pool().resumePool();
        System.clearProperty(THROW_WHEN_SUSPENDED);
    }

    @Test
    void a_page_opened_during_an_outage_explains_and_the_same_page_works_once_the_database_is_back() throws SQLException {
        ClinicBranding clinic = testClinics.clinic();

        System.setProperty(THROW_WHEN_SUSPENDED, "true");
        pool().suspendPool();
        navigate("c/" + clinic.slug(), ErrorView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Homeward is having trouble");
        assertThat(find(Paragraph.class).single().getText())
                .isEqualTo("We can't reach our database right now. Nothing was saved. Please try again in a minute.")
                .doesNotContain("Exception");

        pool().resumePool();
        ClinicPageView page = navigate("c/" + clinic.slug(), ClinicPageView.class);
        assertThat(page.getElement().getTextRecursively()).contains(clinic.name());
    }

    private HikariPoolMXBean pool() throws SQLException {
        return dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
    }
}
