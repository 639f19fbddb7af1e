package app.homeward;

import app.homeward.audit.AuditTrail;
import app.homeward.base.AppClock;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Base of the browserless view tests: the same Spring context as {@link IntegrationTest} (identical
 * annotation and properties, so Spring's test context cache shares it), plus the simulated Vaadin
 * environment of {@link SpringBrowserlessTest}. Tests start signed out; sign in with
 * {@link TestClinics.TestAccount#signIn()} and then {@code navigate(...)}, so that access control sees
 * the signed-in person.
 */
@SpringBootTest(properties = {
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=3025",
        "homeward.base-url=http://localhost:8080",
        "homeward.operator.email=" + TestClinics.OPERATOR_EMAIL,
        "homeward.operator.password=" + TestClinics.OPERATOR_PASSWORD})
@ExtendWith(TestClockExtension.class)
public abstract class ViewTest extends SpringBrowserlessTest {

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

    /**
     * Signing in renews the session id (no session fixation), which the browserless mock request does not
     * implement ("not implemented"). Wraps the simulated request so that it can, as a servlet container does.
     */
    @BeforeEach
    void letSignInRenewTheSessionId() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest current) {
            HttpServletRequest renewable = new HttpServletRequestWrapper(current.getHttpServletRequest()) {
                @Override
                public String changeSessionId() {
                    return UUID.randomUUID().toString();
                }
            };
            makeCurrent(new VaadinServletRequest(renewable, current.getService()));
        }
    }

    /** Holds the request this test made current: {@link CurrentInstance} keeps only a weak reference to it. */
    private VaadinRequest heldRequest;

    /**
     * Makes this request the current one for the rest of the test (or until replaced). Vaadin keeps current
     * instances as weak references, so a request that nothing else holds would be garbage-collected at the
     * next GC, leaving no current request: menus would then come out empty and headers unread, depending
     * on when the collector runs. The test holds it.
     */
    protected <R extends VaadinRequest> R makeCurrent(R request) {
        heldRequest = request;
        CurrentInstance.set(VaadinRequest.class, request);
        return request;
    }

    /**
     * Signs this simulated browser out: Vaadin's security-context strategy falls back to the context kept in
     * the HTTP session, so clearing the thread's SecurityContext alone would leave a signed-in session signed in.
     */
    protected static void signOutOfThisBrowser() {
        SecurityContextHolder.clearContext();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
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
