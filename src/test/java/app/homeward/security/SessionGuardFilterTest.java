package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockRequestDispatcher;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The guard in front of every request of a signed-in session, through the real security filter chain
 * (MockMvc over the application's context), on a moved clock: idle and absolute limits, what counts as
 * activity, and the session stamp (password, "sign out everywhere", deactivation, suspension, operator).
 */
class SessionGuardFilterTest extends IntegrationTest {

    /** What the page's own timer sends: not the person's doing. */
    static final String PASSIVE_CHECK = """
            {"csrfToken":"t","rpc":[{"type":"publishedEventHandler","node":12,
            "templateEventMethodName":"homewardSessionCheck","templateEventMethodArgs":[],"promise":0}],
            "syncId":3,"clientId":3}""";
    static final String POLL = """
            {"csrfToken":"t","rpc":[{"type":"event","node":1,"event":"ui-poll"}],"syncId":4,"clientId":4}""";
    static final String CLICK = """
            {"csrfToken":"t","rpc":[{"type":"event","node":7,"event":"click","data":{}}],"syncId":5,"clientId":5}""";
    static final String POLL_AND_TYPING = """
            {"csrfToken":"t","rpc":[{"type":"event","node":1,"event":"ui-poll"},
            {"type":"mSync","node":9,"feature":1,"property":"value","value":"a"}],"syncId":6,"clientId":6}""";

    @Autowired WebApplicationContext context;
    @Autowired AccountService accounts;
    @Autowired AccountDirectory directory;
    @Autowired SessionService sessions;
    @Autowired ClinicDirectory clinics;
    @Autowired SessionEndings endings;
    @Autowired SignInService signIn;

    MockMvc mvc;
    ClinicBranding clinic;
    TestAccount therapist;

    @BeforeEach
    void aTherapistSignedInInABrowser() {
        // MockMvc has no Vaadin servlet: what passes the security chain to Vaadin is forwarded to a stand-in
        ((MockServletContext) context.getServletContext())
                .registerNamedDispatcher("springServlet", new MockRequestDispatcher("/vaadin"));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
    }

    @Test
    void a_request_after_30_minutes_without_activity_finds_the_session_ended_and_goes_to_the_clinic_sign_in_page() {
        MockHttpSession browser = signedIn(therapist.principal());

        clock.moveBy(Duration.ofMinutes(29));
        assertStillSignedIn(perform(get("/app"), browser));
        clock.moveBy(Duration.ofMinutes(30).plusSeconds(1));
        MvcResult result = perform(get("/app/clients"), browser);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/c/" + clinic.slug() + "?lang=en");
        assertThat(browser.isInvalid()).as("the old session is gone").isTrue();
        assertThat(noticeIn(result)).isEqualTo(new SignedOutNotice(SessionEndReason.IDLE, 30, 12));
        assertThat(endings.of(therapist.id())).singleElement().satisfies(ended -> {
            assertThat(ended.reason()).isEqualTo(SessionEndReason.IDLE);
            assertThat(ended.clinicId()).isEqualTo(clinic.id());
            assertThat(ended.role()).isEqualTo(Role.THERAPIST);
        });
    }

    @Test
    void each_real_action_moves_the_idle_limit_on() {
        MockHttpSession browser = signedIn(therapist.principal());

        for (int i = 0; i < 4; i++) {
            clock.moveBy(Duration.ofMinutes(25));
            Instant now = clock.instant();
            assertStillSignedIn(perform(uidl(CLICK), browser));
            assertThat(timeline(browser).lastActivityAt()).isBetween(now, clock.instant());
        }
        clock.moveBy(Duration.ofMinutes(25));
        assertStillSignedIn(perform(uidl(POLL_AND_TYPING), browser));
        clock.moveBy(Duration.ofMinutes(25));
        assertStillSignedIn(perform(get("/my"), browser));
    }

    @Test
    void heartbeats_polls_and_the_pages_own_checks_keep_nothing_alive() {
        MockHttpSession browser = signedIn(therapist.principal());
        Instant signedIn = timeline(browser).lastActivityAt();

        clock.moveBy(Duration.ofMinutes(10));
        assertStillSignedIn(perform(post("/?v-r=heartbeat&v-uiId=0"), browser));
        clock.moveBy(Duration.ofMinutes(10));
        assertStillSignedIn(perform(uidl(PASSIVE_CHECK), browser));
        clock.moveBy(Duration.ofMinutes(5));
        assertStillSignedIn(perform(uidl(POLL), browser));
        assertStillSignedIn(perform(get("/VAADIN/build/some.js"), browser));
        assertThat(timeline(browser).lastActivityAt()).as("no activity recorded").isEqualTo(signedIn);

        clock.moveBy(Duration.ofMinutes(5).plusSeconds(1));
        MvcResult result = perform(uidl(PASSIVE_CHECK), browser);

        assertThat(browser.isInvalid()).isTrue();
        assertThat(result.getResponse().getRedirectedUrl())
                .as("Vaadin's own request is not redirected: Vaadin answers 'session expired' and the page follows")
                .isNull();
        assertThat(noticeIn(result).reason()).isEqualTo(SessionEndReason.IDLE);
    }

    @Test
    void twelve_hours_after_sign_in_the_session_ends_however_active_it_was() {
        MockHttpSession browser = signedIn(therapist.principal());

        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.moveBy(Duration.ofMinutes(20));
            assertStillSignedIn(perform(uidl(CLICK), browser));
        }
        clock.moveBy(Duration.ofMinutes(20));
        MvcResult result = perform(get("/app"), browser);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/c/" + clinic.slug() + "?lang=en");
        assertThat(noticeIn(result)).isEqualTo(new SignedOutNotice(SessionEndReason.ABSOLUTE, 30, 12));
        assertThat(endings.of(therapist.id())).extracting(SessionEnded::reason).containsExactly(SessionEndReason.ABSOLUTE);
    }

    @Test
    void the_clinics_own_limits_apply_to_its_sessions_at_once() {
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        admin.signIn();
        sessions.updateClinicLimits(10, 2);
        SecurityContextHolder.clearContext();
        MockHttpSession browser = signedIn(therapist.principal());
        MockHttpSession otherClinic = signedIn(testClinics.account(testClinics.clinic(), Role.THERAPIST).principal());

        clock.moveBy(Duration.ofMinutes(10).plusSeconds(1));

        MvcResult result = perform(get("/app"), browser);
        assertThat(noticeIn(result)).isEqualTo(new SignedOutNotice(SessionEndReason.IDLE, 10, 2));
        assertStillSignedIn(perform(get("/app"), otherClinic));

        MockHttpSession busy = signedIn(therapist.principal());
        for (int i = 0; i < 13; i++) { // 117 minutes, active every 9
            clock.moveBy(Duration.ofMinutes(9));
            assertStillSignedIn(perform(uidl(CLICK), busy));
        }
        clock.moveBy(Duration.ofMinutes(9));
        assertThat(noticeIn(perform(uidl(CLICK), busy)).reason()).as("2 hours in all").isEqualTo(SessionEndReason.ABSOLUTE);
    }

    @Test
    void sign_out_everywhere_else_ends_the_other_browsers_session_and_keeps_this_one() {
        MockHttpSession laptop = signedIn(therapist.principal());
        HomewardUser phone = therapist.signIn();

        accounts.signOutEverywhereElse();

        HomewardUser here = CurrentUser.require();
        SecurityContextHolder.clearContext();
        MvcResult result = perform(get("/app"), laptop);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/c/" + clinic.slug() + "?lang=en");
        assertThat(noticeIn(result).reason()).isEqualTo(SessionEndReason.REVOKED);
        assertThat(stillValid(phone)).as("the session as it was before").isFalse();
        assertStillSignedIn(perform(get("/app"), signedIn(here)));
    }

    @Test
    void changing_the_password_ends_the_other_sessions_of_the_account() {
        MockHttpSession other = signedIn(therapist.principal());
        therapist.signIn();
        reauthentication.confirm(therapist.password(), Map.of(), TestClinics.randomIp());

        accounts.changeMyPassword("a-brand-new-passphrase-" + TestClinics.random(4));

        HomewardUser here = CurrentUser.require();
        SecurityContextHolder.clearContext();
        assertThat(noticeIn(perform(uidl(CLICK), other)).reason()).isEqualTo(SessionEndReason.REVOKED);
        assertStillSignedIn(perform(get("/app"), signedIn(here)));
    }

    @Autowired Reauthentication reauthentication;

    @Test
    void deactivating_an_account_or_suspending_its_clinic_ends_its_sessions_at_the_next_request() {
        MockHttpSession therapistBrowser = signedIn(therapist.principal());
        TestAccount client = testClinics.account(clinic, Role.CLIENT);
        MockHttpSession clientBrowser = signedIn(client.principal());
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();

        accounts.deactivate(therapist.id());
        SecurityContextHolder.clearContext();

        assertThat(perform(get("/app"), therapistBrowser).getResponse().getRedirectedUrl()).isEqualTo("/c/" + clinic.slug() + "?lang=en");
        assertStillSignedIn(perform(get("/my"), clientBrowser));

        clinics.suspend(clinic.id());
        assertThat(perform(get("/my"), clientBrowser).getResponse().getRedirectedUrl()).isEqualTo("/c/" + clinic.slug() + "?lang=en");
        assertThat(endings.of(client.id())).extracting(SessionEnded::reason).containsExactly(SessionEndReason.REVOKED);
    }

    @Test
    void an_admin_signs_a_colleague_out_everywhere_and_the_colleagues_account_stays_active() {
        MockHttpSession therapistBrowser = signedIn(therapist.principal());
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        MockHttpSession adminBrowser = signedIn(admin.principal());
        admin.signIn();

        accounts.signOutEverywhere(therapist.id());
        SecurityContextHolder.clearContext();

        assertThat(noticeIn(perform(get("/app"), therapistBrowser)).reason()).isEqualTo(SessionEndReason.REVOKED);
        assertStillSignedIn(perform(get("/app"), adminBrowser));
        assertThat(signIn.signIn(clinic.slug(), therapist.email(), therapist.password(), TestClinics.randomIp()))
                .as("the account stays active: signing in again works").isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void only_an_admin_signs_others_out_and_never_themselves_or_another_clinics_staff() {
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        ClinicBranding other = testClinics.clinic();
        TestAccount otherTherapist = testClinics.account(other, Role.THERAPIST);
        MockHttpSession otherBrowser = signedIn(otherTherapist.principal());

        admin.signIn();
        assertThatThrownBy(() -> accounts.signOutEverywhere(admin.id()))
                .isExactlyInstanceOf(DomainException.class);
        assertThatThrownBy(() -> accounts.signOutEverywhere(otherTherapist.id()))
                .isInstanceOf(NotFoundException.class);
        therapist.signIn();
        assertThatThrownBy(() -> accounts.signOutEverywhere(admin.id()))
                .isInstanceOf(AuthorizationDeniedException.class);
        SecurityContextHolder.clearContext();

        assertStillSignedIn(perform(get("/app"), otherBrowser));
    }

    @Test
    void a_second_factor_reset_ends_every_session_through_the_directory() {
        MockHttpSession browser = signedIn(therapist.principal());

        TenantContext.runAs(clinic.id(), () -> directory.endSessions(therapist.id()));

        assertThat(noticeIn(perform(get("/app"), browser)).reason()).isEqualTo(SessionEndReason.REVOKED);
    }

    @Test
    void operator_sessions_end_when_the_operators_stamp_changes_and_at_the_fixed_limits() {
        HomewardUser operator = ((SignInOutcome.Success) signIn.signInOperator(TestClinics.OPERATOR_EMAIL,
                TestClinics.OPERATOR_PASSWORD, TestClinics.randomIp())).user();
        MockHttpSession idle = signedIn(operator);
        assertStillSignedIn(perform(get("/platform"), idle));

        clock.moveBy(Duration.ofMinutes(30).plusSeconds(1));
        MvcResult idleResult = perform(get("/platform"), idle);
        assertThat(idleResult.getResponse().getRedirectedUrl()).isEqualTo("/platform/sign-in");
        assertThat(noticeIn(idleResult)).isEqualTo(new SignedOutNotice(SessionEndReason.IDLE, 30, 12));

        MockHttpSession fresh = signedIn(operator);
        assertStillSignedIn(perform(get("/platform"), fresh));
        directory.endOperatorSessions(operator.accountId());

        MvcResult revoked = perform(get("/platform"), fresh);
        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/platform/sign-in");
        assertThat(noticeIn(revoked).reason()).isEqualTo(SessionEndReason.REVOKED);
        assertThat(endings.of(operator.accountId())).extracting(SessionEnded::clinicId).containsOnlyNulls();
        HomewardUser again = ((SignInOutcome.Success) signIn.signInOperator(TestClinics.OPERATOR_EMAIL,
                TestClinics.OPERATOR_PASSWORD, TestClinics.randomIp())).user();
        assertStillSignedIn(perform(get("/platform"), signedIn(again)));
    }

    // ---------------------------------------------------------------------------------------------

    /** The HTTP session a sign-in leaves behind now: the security context and the session's clocks. */
    MockHttpSession signedIn(HomewardUser user) {
        MockHttpSession session = new MockHttpSession(context.getServletContext());
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, security);
        session.setAttribute(SessionTimeline.ATTRIBUTE, SessionTimeline.startingAt(clock.instant()));
        return session;
    }

    static MockHttpServletRequestBuilder uidl(String body) {
        return post("/?v-r=uidl&v-uiId=0").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void a_browser_back_with_a_session_this_server_no_longer_has_is_told_why_on_the_sign_in_page() throws Exception {
        // the instance that held the session was killed (or restarted): its cookie names nothing here
        MvcResult lost = mvc.perform(get("/app").with(request -> {
            request.setRequestedSessionId("F00D-held-by-an-instance-that-stopped");
            request.setRequestedSessionIdValid(false);
            return request;
        })).andReturn();
        SecurityContextHolder.clearContext();

        assertThat(noticeIn(lost)).isEqualTo(new SignedOutNotice(SessionEndReason.LOST, 0, 0));
        assertThat(lost.getResponse().getRedirectedUrl()).as("sent to sign in").isNotNull();
        assertThat(noticeIn(lost).messageKey()).isEqualTo("signed-out.lost");

        MvcResult firstVisit = mvc.perform(get("/app")).andReturn();
        SecurityContextHolder.clearContext();
        var session = firstVisit.getRequest().getSession(false);
        assertThat(session == null ? null : session.getAttribute(SignedOutNotice.ATTRIBUTE))
                .as("a browser with no session cookie at all is told nothing").isNull();
    }

    MvcResult perform(MockHttpServletRequestBuilder request, MockHttpSession session) {
        try {
            return mvc.perform(request.session(session)).andReturn();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The request went on signed in. (What it meets after the guard is not the point here: without a running
     * Vaadin servlet the route check refuses page loads, and Vaadin's own requests reach a stand-in.)
     */
    static void assertStillSignedIn(MvcResult result) {
        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getRedirectedUrl()).as("not sent to a sign-in page").isNull();
        assertThat(result.getRequest().getSession(false)).isNotNull();
        assertThat(((MockHttpSession) result.getRequest().getSession(false)).isInvalid()).isFalse();
        assertThat(result.getRequest().getSession(false).getAttribute(SignedOutNotice.ATTRIBUTE)).isNull();
    }

    static SessionTimeline timeline(MockHttpSession session) {
        return (SessionTimeline) session.getAttribute(SessionTimeline.ATTRIBUTE);
    }

    static SignedOutNotice noticeIn(MvcResult result) {
        var session = result.getRequest().getSession(false);
        assertThat(session).as("a fresh session carries the reason").isNotNull();
        return (SignedOutNotice) session.getAttribute(SignedOutNotice.ATTRIBUTE);
    }

    boolean stillValid(HomewardUser user) {
        TestUsers.signInAs(user);
        try {
            return directory.sessionStillValid(user);
        } finally {
            TestUsers.signOut();
        }
    }
}
