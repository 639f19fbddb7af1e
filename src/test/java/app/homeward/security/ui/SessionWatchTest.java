package app.homeward.security.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicPageView;
import app.homeward.portal.ui.StaffHomeView;
import app.homeward.security.Role;
import app.homeward.security.SignInThrottle;
import app.homeward.security.SignInThrottles;
import app.homeward.security.SessionService;
import app.homeward.security.SessionTimeline;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning before the idle limit, on every signed-in page: when the server tells the page to look
 * (the browser's timer), what it shows then, and "Stay signed in".
 */
class SessionWatchTest extends ViewTest {

    @Autowired SessionService sessions;

    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aTherapistJustSignedIn() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
    }

    @Test
    void a_fresh_session_tells_its_page_to_look_again_after_28_minutes() {
        navigate(StaffHomeView.class);

        SessionWatch watch = find(SessionWatch.class).single();
        Instant started = timeline().lastActivityAt();
        assertWaitsUntil(watch.armedFor, started.plus(Duration.ofMinutes(28)), started);
        assertThat(watch.warning().isOpened()).isFalse();
        assertThat(watch.getElement().getAttribute("hidden")).as("the watch itself shows nothing").isNotNull();
    }

    @Test
    void signing_in_on_the_clinic_page_starts_the_sessions_clocks(@Autowired SignInThrottle throttle) {
        signOutOfThisBrowser();
        SignInThrottles.reset(throttle);
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        Instant before = clock.instant();
        // a client: staff sign-ins finish after the second step, which starts the clocks the same way
        TestAccount client = testClinics.account(clinic, Role.CLIENT);

        test(find(EmailField.class).id("email")).setValue(client.email());
        test(find(PasswordField.class).id("password")).setValue(client.password());
        test(find(Button.class).id("sign-in")).click();

        assertThat(timeline().signedInAt()).isBetween(before, clock.instant());
        assertThat(timeline().lastActivityAt()).isEqualTo(timeline().signedInAt());
    }

    @Test
    void the_wait_follows_the_clinics_own_idle_limit() {
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        sessions.updateClinicLimits(10, 12);
        therapist.signIn();

        navigate(StaffHomeView.class);

        Instant started = timeline().lastActivityAt();
        assertWaitsUntil(find(SessionWatch.class).single().armedFor, started.plus(Duration.ofMinutes(8)), started);
    }

    @Test
    void after_28_minutes_without_activity_the_warning_opens_and_the_page_waits_for_the_end() {
        navigate(StaffHomeView.class);
        SessionWatch watch = find(SessionWatch.class).single();
        Instant started = startedAt(clock.instant());

        clock.moveBy(Duration.ofMinutes(28));
        Instant asked = clock.instant();
        long next = check(watch);

        assertThat(watch.warning().isOpened()).isTrue();
        assertThat(watch.warning().getHeaderTitle()).isEqualTo("You will be signed out in 2 minutes");
        assertThat(watch.warning().getRole()).as("announced at once").isEqualTo("alertdialog");
        assertThat(watch.explanation().getText()).contains("To keep working, choose Stay signed in.");
        assertThat(watch.stayButton().getText()).isEqualTo("Stay signed in");
        assertThat(watch.signOutButton().getText()).isEqualTo("Sign out");
        // (what "Sign out" does is SignOutLandingTest's: the browserless session cannot be invalidated and used on)
        assertThat(watch.stayButton().isAutofocus()).as("the keyboard lands on Stay signed in").isTrue();
        assertWaitsUntil(next, started.plus(Duration.ofMinutes(30)), asked);
    }

    @Test
    void a_check_before_the_warning_is_due_names_the_time_left_until_it() {
        navigate(StaffHomeView.class);
        SessionWatch watch = find(SessionWatch.class).single();
        Instant started = startedAt(clock.instant());

        clock.moveBy(Duration.ofMinutes(20));
        Instant asked = clock.instant();

        assertWaitsUntil(check(watch), started.plus(Duration.ofMinutes(28)), asked);
        assertThat(watch.warning().isOpened()).isFalse();
    }

    @Test
    void stay_signed_in_counts_as_activity_and_starts_the_wait_again() {
        navigate(StaffHomeView.class);
        SessionWatch watch = find(SessionWatch.class).single();
        startedAt(clock.instant());
        clock.moveBy(Duration.ofMinutes(29));
        check(watch);
        Instant clicked = clock.instant();

        test(watch.stayButton()).click();

        assertThat(watch.warning().isOpened()).isFalse();
        Instant active = timeline().lastActivityAt();
        assertThat(active).isBetween(clicked, clock.instant());
        assertWaitsUntil(watch.armedFor, active.plus(Duration.ofMinutes(28)), active);
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("You're still signed in.");
    }

    @Test
    void activity_elsewhere_closes_an_open_warning_at_the_next_check() {
        navigate(StaffHomeView.class);
        SessionWatch watch = find(SessionWatch.class).single();
        startedAt(clock.instant());
        clock.moveBy(Duration.ofMinutes(28).plusSeconds(30));
        check(watch);

        // the person clicked in another tab of the same session: the guard moved "last activity" on
        Instant elsewhere = clock.instant();
        VaadinSession.getCurrent().getSession().setAttribute(SessionTimeline.ATTRIBUTE, timeline().touchedAt(elsewhere));
        long next = check(watch);

        assertThat(watch.warning().isOpened()).isFalse();
        assertWaitsUntil(next, elsewhere.plus(Duration.ofMinutes(28)), elsewhere);
    }

    @Test
    void near_the_absolute_limit_the_warning_says_a_new_sign_in_is_needed() {
        navigate(StaffHomeView.class);
        SessionWatch watch = find(SessionWatch.class).single();
        Instant now = clock.instant();
        Instant end = now.plusSeconds(90);
        VaadinSession.getCurrent().getSession().setAttribute(SessionTimeline.ATTRIBUTE,
                new SessionTimeline(end.minus(Duration.ofHours(12)), now));

        long next = check(watch);

        assertThat(watch.warning().isOpened()).isTrue();
        assertThat(watch.warning().getHeaderTitle()).isEqualTo("You will be signed out in 2 minutes");
        assertThat(watch.explanation().getText()).contains("sign in again");
        assertThat(watch.stayButton().getText()).isEqualTo("OK");
        assertWaitsUntil(next, end, now);
        Instant clicked = clock.instant();
        test(watch.stayButton()).click();
        assertThat(watch.warning().isOpened()).isFalse();
        assertWaitsUntil(watch.armedFor, end, clicked); // activity does not move the absolute limit
    }

    @Test
    void the_warning_speaks_the_persons_language() {
        navigate(StaffHomeView.class);
        UI.getCurrent().setLocale(Locale.forLanguageTag("es"));
        SessionWatch watch = find(SessionWatch.class).single();
        startedAt(clock.instant());
        clock.moveBy(Duration.ofMinutes(29));

        check(watch);

        assertThat(watch.warning().getHeaderTitle()).isEqualTo("Tu sesión se cerrará en 1 minuto");
    }

    @Test
    void every_signed_in_page_has_one_watch_and_sign_in_pages_have_none() {
        navigate(StaffHomeView.class);
        navigate(StaffHomeView.class);
        assertThat(find(SessionWatch.class).all()).hasSize(1);

        signOutOfThisBrowser();
        navigate("c/" + clinic.slug(), ClinicPageView.class);
        assertThat(find(SessionWatch.class).all()).isEmpty();
    }

    @Test
    void a_signed_in_page_is_told_to_go_to_its_own_sign_in_page_once_the_session_has_ended() {
        signOutOfThisBrowser();
        assertThat(expiredUrl()).as("nobody signed in: Vaadin's default").isNull();
        therapist.signIn();
        assertThat(expiredUrl()).isEqualTo("/c/" + clinic.slug() + "?lang=en");
        TestUsers.signInAs(TestUsers.operator());
        assertThat(expiredUrl()).isEqualTo("/platform/sign-in");
    }

    @Test
    void open_tabs_do_not_keep_sessions_alive_in_vaadin_either() {
        assertThat(VaadinService.getCurrent().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
    }

    /** What Vaadin gives a page that loads now as its "session expired" address. */
    private static String expiredUrl() {
        SystemMessages messages = VaadinService.getCurrent().getSystemMessages(Locale.ENGLISH, VaadinRequest.getCurrent());
        return messages.getSessionExpiredURL();
    }

    /** What the page's timer does: calls the server, whose answer (the dialog, if any) then goes to the page. */
    private static long check(SessionWatch watch) {
        long next = watch.homewardSessionCheck();
        roundTrip();
        return next;
    }

    private static Instant startedAt(Instant at) {
        VaadinSession.getCurrent().getSession().setAttribute(SessionTimeline.ATTRIBUTE, SessionTimeline.startingAt(at));
        return at;
    }

    /**
     * The page was told to wait until {@code target}: the wait it got, asked for at {@code askedAt}, is that
     * instant less the moment of asking (the clock runs on while the test does, so between now and then).
     */
    private void assertWaitsUntil(long waited, Instant target, Instant askedAt) {
        assertThat(waited).isBetween(Duration.between(clock.instant(), target).toMillis(),
                Duration.between(askedAt, target).toMillis());
    }

    private static SessionTimeline timeline() {
        return (SessionTimeline) VaadinSession.getCurrent().getSession().getAttribute(SessionTimeline.ATTRIBUTE);
    }
}
