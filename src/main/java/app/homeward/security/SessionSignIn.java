package app.homeward.security;

import app.homeward.base.Dates;
import app.homeward.base.HomeworkWords;
import app.homeward.base.Regions;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Turns a checked sign-in into a signed-in HTTP session: a new session id (no fixation), the
 * security context stored in the session, the session's clocks started ({@link SessionTimeline}:
 * signed in now, last active now), and the person's language on the Vaadin session (a client's with their
 * clinic's word for homework on it, decision 0046).
 * <p>
 * Every way in (password, accepted invitation, verified clinic signup, operator) comes through
 * {@link #establish}, which is where the second factor is enforced: an account with an authenticator,
 * and staff or the operator without one, get a {@link PendingSignIn} instead of a signed-in session, and
 * only {@link SecondFactorService} completes it after a right code (the session's clocks start then).
 */
@Component
public class SessionSignIn {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final SecondFactorOwners owners;
    private final SecondFactorSession secondFactorSession;
    private final SecondFactorSettings settings;
    private final Clock clock;
    private final ClinicDirectory clinics;
    private final HomeworkWords homeworkWords;

    SessionSignIn(SecondFactorOwners owners, SecondFactorSession secondFactorSession, SecondFactorSettings settings,
                  Clock clock, ClinicDirectory clinics, HomeworkWords homeworkWords) {
        this.clinics = clinics;
        this.homeworkWords = homeworkWords;
        this.owners = owners;
        this.secondFactorSession = secondFactorSession;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Signs the person in after their password (or an invitation or verification link) was accepted,
     * unless a second step is due; returns where the browser goes next: the person's home, or the page
     * that asks for the code or sets up the authenticator.
     */
    public String establish(HomewardUser user) {
        var step = owners.stepFor(user);
        if (step.isPresent()) {
            secondFactorSession.hold(new PendingSignIn(user, step.get(), clock.instant().plus(settings.pendingTimeout())));
            return PendingSignIn.location(user);
        }
        secondFactorSession.clearPending();
        store(user, true, true);
        return user.role().home();
    }

    /** Completes a sign-in whose second step {@link SecondFactorService} has just checked. */
    String completeSecondStep(PendingSignIn pending) {
        secondFactorSession.clearPending();
        store(pending.user(), true, true);
        return pending.user().role().home();
    }

    /** Replaces the principal in the current session, e.g. after a language change. */
    void refresh(HomewardUser user) {
        store(user, false, false);
    }

    /**
     * After the person proved who they are again: a new session id as at sign-in (ASVS 7.2.4), the same
     * session otherwise; its clocks keep running (re-authenticating does not extend the absolute limit).
     */
    void renew(HomewardUser user) {
        store(user, true, false);
    }

    private void store(HomewardUser user, boolean newSessionId, boolean startClocks) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);

        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        Locale locale = pageLocale(user, request);
        if (request != null && response != null) {
            HttpServletRequest http = request.getHttpServletRequest();
            if (newSessionId && http.getSession(false) != null) {
                http.changeSessionId();
            }
            repository.saveContext(context, http, response.getHttpServletResponse());
            if (!user.isOperator()) {
                RememberedClinic.remember(http, response.getHttpServletResponse(), user.clinicSlug());
            }
            if (startClocks && VaadinSession.getCurrent() == null) {
                http.getSession().setAttribute(SessionTimeline.ATTRIBUTE, SessionTimeline.startingAt(clock.instant()));
            }
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setLocale(locale);
            if (startClocks) {
                // the Vaadin session's own HTTP session (the same one the request carries, renamed or not): the
                // guard reads the clocks there
                session.getSession().setAttribute(SessionTimeline.ATTRIBUTE, SessionTimeline.startingAt(clock.instant()));
            }
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setLocale(locale);
        }
    }

    /**
     * The person's language with the region their dates and times are written in: their browser's, else
     * their clinic's country (decision 0031). The region is read again at every sign-in and language change.
     */
    private Locale pageLocale(HomewardUser user, VaadinServletRequest request) {
        String browserRegion = request == null ? "" : Regions.fromAcceptLanguage(request.getHeader("Accept-Language"));
        String clinicCountry = user.isOperator() || user.clinicId() == null ? ""
                : clinics.findById(user.clinicId()).map(ClinicBranding::country).orElse("");
        Locale locale = Dates.viewerLocale(user.locale(), browserRegion, clinicCountry);
        // a client's pages say their clinic's word for homework, read at every sign-in and language change
        // (decision 0046); staff pages keep "homework"
        return user.role() == Role.CLIENT ? homeworkWords.forClients(user.clinicId(), locale) : locale;
    }
}
