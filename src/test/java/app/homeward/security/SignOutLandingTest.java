package app.homeward.security;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing out: published as a session end, and landing on the person's own sign-in page, which says so. */
class SignOutLandingTest {

    static final Instant NOW = Instant.parse("2026-11-18T10:30:00Z");

    final List<Object> published = new ArrayList<>();
    final SignOutLanding landing = new SignOutLanding(Clock.fixed(NOW, ZoneOffset.UTC), published::add);

    @Test
    void a_clinic_account_lands_on_its_clinics_page_with_you_are_signed_out() throws Exception {
        UUID clinic = UUID.randomUUID();
        HomewardUser user = TestUsers.principal(UUID.randomUUID(), clinic, "sunrise", "dana@example.test", "Dana",
                Role.THERAPIST, 0);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        MockHttpServletResponse response = new MockHttpServletResponse();

        landing.logout(request, response, authenticated(user));
        request.getSession().invalidate();
        landing.onLogoutSuccess(request, response, authenticated(user));

        assertThat(published).containsExactly(new SessionEnded(clinic, user.accountId(), Role.THERAPIST,
                SessionEndReason.SIGNED_OUT, NOW));
        assertThat(response.getRedirectedUrl()).isEqualTo("/c/sunrise?lang=en");
        assertThat(request.getSession(false).getAttribute(SignedOutNotice.ATTRIBUTE))
                .isEqualTo(SignedOutNotice.of(SessionEndReason.SIGNED_OUT, SessionLimits.DEFAULT));
    }

    @Test
    void a_person_who_reads_spanish_lands_on_the_clinic_page_in_spanish_whatever_the_browser_prefers() throws Exception {
        HomewardUser riley = new HomewardUser(UUID.randomUUID(), UUID.randomUUID(), "sunrise", "riley@example.test",
                "Riley", Role.CLIENT, "es", 0);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        request.addHeader("Accept-Language", "en-US,en");
        MockHttpServletResponse response = new MockHttpServletResponse();

        landing.onLogoutSuccess(request, response, authenticated(riley));

        assertThat(response.getRedirectedUrl()).isEqualTo("/c/sunrise?lang=es");
    }

    @Test
    void the_operator_lands_on_the_operators_sign_in_page() throws Exception {
        HomewardUser operator = TestUsers.operator();
        MockHttpServletResponse response = new MockHttpServletResponse();

        landing.onLogoutSuccess(new MockHttpServletRequest("POST", "/logout"), response, authenticated(operator));

        assertThat(response.getRedirectedUrl()).isEqualTo("/platform/sign-in");
    }

    @Test
    void without_a_known_person_it_lands_on_the_front_page_and_publishes_nothing() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        MockHttpServletResponse response = new MockHttpServletResponse();

        landing.logout(request, response, null);
        landing.onLogoutSuccess(request, response, null);

        assertThat(published).isEmpty();
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void when_the_session_ended_first_it_lands_on_the_clinic_this_browser_signed_in_to() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        request.setCookies(new Cookie(RememberedClinic.COOKIE, "sunrise"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        landing.onLogoutSuccess(request, response, null);

        assertThat(response.getRedirectedUrl()).isEqualTo("/c/sunrise");
    }

    @Test
    void a_malformed_remembered_clinic_is_ignored() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        request.setCookies(new Cookie(RememberedClinic.COOKIE, "https:%2F%2Fevil.example"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        landing.onLogoutSuccess(request, response, null);

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void signing_in_remembers_the_clinic_in_a_cookie_that_holds_only_its_address() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/c/sunrise");
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        RememberedClinic.remember(request, response, "sunrise");

        Cookie cookie = response.getCookie(RememberedClinic.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("sunrise");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
    }

    private static Authentication authenticated(HomewardUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
    }
}
