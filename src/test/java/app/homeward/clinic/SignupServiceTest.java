package app.homeward.clinic;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.base.DomainException;
import app.homeward.security.RateLimits;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signup at the service: what it creates, and how it is limited. */
class SignupServiceTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired ClinicDirectory clinics;
    @Autowired RateLimits limits;

    @BeforeEach
    void freshLimits() {
        limits.reset();
    }

    @Test
    void a_signup_creates_an_unverified_clinic_that_nobody_can_sign_in_to_yet() {
        String slug = TestClinics.randomSlug();
        signup.signUp(request(slug), TestClinics.randomIp());

        assertThat(clinics.findBySlug(slug)).hasValueSatisfying(c ->
                assertThat(c.status()).isEqualTo(ClinicStatus.PENDING_VERIFICATION));
        assertThat(clinics.findActiveBySlug(slug)).isEmpty();
    }

    @Test
    void the_sixth_signup_from_one_address_within_an_hour_is_refused_and_creates_nothing() {
        String ip = TestClinics.randomIp();
        for (int i = 0; i < 5; i++) {
            signup.signUp(request(TestClinics.randomSlug()), ip);
        }
        String sixth = TestClinics.randomSlug();

        assertThatThrownBy(() -> signup.signUp(request(sixth), ip))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("rate-limited"));
        assertThat(clinics.findBySlug(sixth)).isEmpty();
        // someone else is not affected
        signup.signUp(request(sixth), TestClinics.randomIp());
        assertThat(clinics.findBySlug(sixth)).isPresent();
    }

    private static SignupService.Request request(String slug) {
        return new SignupService.Request("Clinic " + slug, slug, "Ada Admin", TestClinics.randomEmail(),
                "correct-horse-battery-2026", "Europe/Madrid", "en", true);
    }
}
