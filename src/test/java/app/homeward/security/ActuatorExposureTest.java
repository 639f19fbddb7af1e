package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.audit.AuditTrail;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the actuator shows, and to whom: health (liveness, readiness) to anyone, without details; build
 * info and metrics only to the platform operator on the main port (or on the loopback management port);
 * and no exported metric moves differently when "forgot password" is asked for an address that has an
 * account and for one that has none (issue 11: a per-repository-method counter did, publicly).
 */
class ActuatorExposureTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired WebApplicationContext web;
    @Autowired PasswordResetService resets;
    @Autowired RateLimits limits;
    @Autowired SignInService signIn;
    @Autowired PlatformOperatorRepository operators;
    @Autowired SignInThrottle throttle;
    @Autowired AuditTrail auditTrail;

    MockMvc mvc;

    @BeforeEach
    void http() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }

    @Test
    void health_liveness_and_readiness_are_public_and_say_only_up_or_down() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isIn(200, 503);
            assertThat(response.getContentAsString()).as(path)
                    .contains("\"status\"").doesNotContain("components").doesNotContain("details");
        }
    }

    @Test
    void anonymous_callers_get_neither_metrics_nor_build_info() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/health/db",
                "/actuator/metrics", "/actuator/env"}) {
            var response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isIn(401, 403, 404);
            assertThat(response.getContentAsString()).as(path)
                    .doesNotContain("jvm_").doesNotContain("homeward").doesNotContain("\"_links\"");
        }
    }

    @Test
    void a_signed_in_clinic_admin_gets_no_metrics_either() throws Exception {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        var response = mvc.perform(get("/actuator/prometheus").with(as(admin.principal()))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void the_platform_operator_reads_the_metrics() throws Exception {
        assertThat(scrape()).contains("jvm_memory_used_bytes");
    }

    @Test
    void forgot_password_for_an_address_with_an_account_and_one_without_moves_the_exported_metrics_alike()
            throws Exception {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount client = testClinics.account(clinic, Role.CLIENT);
        TestAccount other = testClinics.account(clinic, Role.CLIENT);
        // once each way first, so first-time work (class loading, template caches) is not what we compare
        askForReset(clinic, other.email(), true);
        askForReset(clinic, TestClinics.randomEmail(), false);

        Map<String, Double> before = counters(scrape());
        askForReset(clinic, client.email(), true);
        Map<String, Double> afterKnown = counters(scrape());
        askForReset(clinic, TestClinics.randomEmail(), false);
        Map<String, Double> afterUnknown = counters(scrape());

        Map<String, Double> known = delta(before, afterKnown);
        Map<String, Double> unknown = delta(afterKnown, afterUnknown);
        assertThat(known.keySet()).as("series that appeared or moved for an address with an account")
                .isEqualTo(unknown.keySet());
        assertThat(new TreeMap<>(known)).isEqualTo(new TreeMap<>(unknown));
        assertThat(afterUnknown.keySet()).noneMatch(name -> name.startsWith("spring_data_repository"))
                .noneMatch(name -> name.startsWith("logback_events_total{level=\"info\""))
                .noneMatch(name -> name.contains("spring_security_object=\"method\""));
    }

    @Test
    void signing_in_as_an_account_with_a_wrong_password_and_as_an_unknown_email_moves_the_exported_metrics_alike()
            throws Exception {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        TestAccount other = testClinics.account(clinic, Role.THERAPIST);
        // once each way first, so first-time work is not what we compare
        failSignIn(clinic, other.email());
        failSignIn(clinic, TestClinics.randomEmail());

        Map<String, Double> before = counters(scrape());
        failSignIn(clinic, therapist.email());
        Map<String, Double> afterKnown = counters(scrape());
        failSignIn(clinic, TestClinics.randomEmail());
        Map<String, Double> afterUnknown = counters(scrape());

        Map<String, Double> known = delta(before, afterKnown);
        Map<String, Double> unknown = delta(afterKnown, afterUnknown);
        assertThat(known.keySet()).as("series that appeared or moved for an email with an account")
                .isEqualTo(unknown.keySet());
        assertThat(new TreeMap<>(known)).isEqualTo(new TreeMap<>(unknown));
    }

    private void failSignIn(ClinicBranding clinic, String email) {
        SignInThrottles.reset(throttle);
        assertThat(signIn.signIn(clinic.slug(), email, "not-the-password-" + TestClinics.random(6), TestClinics.randomIp()))
                .isNotInstanceOf(SignInOutcome.Success.class);
        auditTrail.flush();
        settle();
    }

    private void askForReset(ClinicBranding clinic, String email, boolean hasAccount) {
        limits.reset();
        resets.requestReset(clinic.slug(), email, TestClinics.randomIp());
        if (hasAccount) {
            assertThat(Mails.awaitTo(greenMail, email, 1)).hasSize(1);
        }
        settle();
    }

    /** Lets the mail sender's thread finish what it does after the server took the mail (it logs). */
    private static void settle() {
        long until = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String scrape() throws Exception {
        var response = mvc.perform(get("/actuator/prometheus").with(as(bootstrappedOperator()))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /**
     * The operator this context bootstrapped, with their current session stamp: the session guard ends the session
     * of any operator principal that is not in the database (TestUsers.operator() has a random id), so the scrape
     * must come from the real one.
     */
    private HomewardUser bootstrappedOperator() {
        PlatformOperator operator = operators.findByEmail(TestClinics.OPERATOR_EMAIL).orElseThrow();
        return new HomewardUser(operator.getId(), null, null, TestClinics.OPERATOR_EMAIL, "Operator",
                Role.PLATFORM_OPERATOR, "en", operator.getSessionStamp());
    }

    private static RequestPostProcessor as(HomewardUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority()))));
    }

    /**
     * Every series that only ever counts up (counters, and the counts of timers and summaries), by name and
     * labels. Gauges and time sums move with the machine, not with what a request found. The JVM's own
     * series (garbage collection, JIT, threads: GreenMail starts one per connection) and the process's move
     * by themselves while the test runs.
     */
    static Map<String, Double> counters(String exposition) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : exposition.lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            if (!(name.endsWith("_total") || name.endsWith("_count")) || NOISE.stream().anyMatch(name::startsWith)) {
                continue;
            }
            series.put(key, Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    private static final Set<String> NOISE = Set.of("jvm_gc_", "jvm_compilation_", "jvm_classes_", "jvm_threads_", "process_",
            "executor_", "http_server_requests_active");

    private static Map<String, Double> delta(Map<String, Double> from, Map<String, Double> to) {
        Map<String, Double> moved = new TreeMap<>();
        Set<String> keys = new TreeSet<>(to.keySet());
        keys.addAll(from.keySet());
        for (String key : keys) {
            double change = to.getOrDefault(key, 0.0) - from.getOrDefault(key, 0.0);
            if (change != 0 || !from.containsKey(key)) {
                moved.put(key, change);
            }
        }
        return moved;
    }
}
