package app.homeward.base;

import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.portal.ui.ErrorView;
import com.vaadin.flow.component.html.H1;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Homeward starts while its database is away, says so on every page, and comes up by itself — migrated,
 * validated, ready — once the database appears. The database here is a real H2 server over TCP that the
 * test starts only after the application is up (its own context, on every profile).
 */
@SpringBootTest(properties = {
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=3025",
        "homeward.base-url=http://localhost:8080",
        "homeward.tenants.import=false",
        "spring.datasource.driver-class-name=org.h2.Driver",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        // the database here is H2 on every profile, so its vendor migrations and placeholders are H2's too
        "spring.flyway.locations=classpath:db/migration,classpath:db/vendor/h2",
        "spring.flyway.placeholders[sha256_of_unsubscribe_token]=lower(rawtohex(hash('SHA-256', unsubscribe_token)))",
        "spring.jpa.properties.jakarta.persistence.database-product-name=H2",
        "spring.jpa.properties.jakarta.persistence.database-product-version=2.4.240",
        "spring.jpa.properties.jakarta.persistence.database-major-version=2",
        "spring.jpa.properties.jakarta.persistence.database-minor-version=4"})
class DatabaseStartupTest extends ViewTest {

    private static final int PORT = freePort();
    private static Server database;

    @Autowired
    DatabaseStartup startup;

    @DynamicPropertySource
    static void databaseThatIsNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://127.0.0.1:" + PORT
                + "/mem:startup-outage;MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stopTheDatabase() {
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void homeward_starts_without_its_database_explains_and_comes_up_by_itself_when_the_database_appears()
            throws SQLException, InterruptedException {
        assertThat(startup.isReady()).isFalse();
        assertThat(startup.health().getStatus()).isEqualTo(Status.DOWN);
        navigate("c/sunrise", ErrorView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Homeward is having trouble");

        database = Server.createTcpServer("-tcpPort", Integer.toString(PORT), "-ifNotExists").start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!startup.isReady() && System.nanoTime() - deadline < 0) {
            Thread.sleep(250);
        }

        assertThat(startup.isReady()).as("migrated and validated within a minute of the database appearing").isTrue();
        assertThat(startup.health().getStatus()).isEqualTo(Status.UP);
        // the page now reaches the (empty) database: an unknown clinic gets the calm "not available" page
        ClinicPageView page = navigate("c/sunrise", ClinicPageView.class);
        assertThat(page.getElement().getTextRecursively()).contains("This clinic page isn't available");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
