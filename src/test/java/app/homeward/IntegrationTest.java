package app.homeward;

import app.homeward.audit.AuditTrail;
import app.homeward.base.AppClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Base of every service test: one Spring context for the whole suite (same annotations and properties
 * everywhere, so Spring's test context cache reuses it), on the real database of the active profile
 * (in-memory H2 by default, MariaDB in CI with SPRING_PROFILES_ACTIVE=mysql).
 * <p>
 * Never add {@code @ActiveProfiles}, {@code @MockitoBean} or extra properties in a subclass: each would
 * start a second context. Never assume a fresh database either: create your own clinics through
 * {@link TestClinics} (random slugs) and assert only on their data.
 * <p>
 * Mail goes to 127.0.0.1:3025, where tests that check mail run GreenMail
 * ({@code ServerSetupTest.SMTP}); elsewhere delivery fails quietly (it is asynchronous and only logged).
 */
@SpringBootTest(properties = {
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=3025",
        "homeward.base-url=http://localhost:8080",
        "homeward.operator.email=" + TestClinics.OPERATOR_EMAIL,
        "homeward.operator.password=" + TestClinics.OPERATOR_PASSWORD})
@ExtendWith(TestClockExtension.class)
public abstract class IntegrationTest {

    @Autowired
    protected TestClinics testClinics;

    /** The application's clock: every test starts at {@link TestTime#START} ({@link TestClockExtension}), never at the wall clock. */
    @Autowired
    protected AppClock clock;

    @BeforeEach
    void startSignedOut() {
        SecurityContextHolder.clearContext();
    }

    /** The calendar day in this zone at the application clock's now. */
    protected LocalDate today(ZoneId zone) {
        return TestTime.today(clock, zone);
    }

    @Autowired
    private AuditTrail auditTrail;

    @AfterEach
    void signOutAfterTest() {
        SecurityContextHolder.clearContext();
    }

    /**
     * Writes the audit records this test queued (views, downloads, sign-ins): the test suite runs the audit
     * writer without its timer (pom.xml), so that it never writes in the middle of another test's statement count.
     */
    @AfterEach
    void writeQueuedAuditRecords() {
        auditTrail.flush();
    }
}
