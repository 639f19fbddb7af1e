package app.homeward;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

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
        "homeward.base-url=http://localhost:8080"})
public abstract class ViewTest extends SpringBrowserlessTest {

    @Autowired
    protected TestClinics testClinics;

    @BeforeEach
    void startSignedOut() {
        SecurityContextHolder.clearContext();
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
            CurrentInstance.set(VaadinRequest.class, new VaadinServletRequest(renewable, current.getService()));
        }
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

    @AfterEach
    void signOutAfterTest() {
        SecurityContextHolder.clearContext();
    }
}
