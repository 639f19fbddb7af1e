package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A clinic's automatic logoff limits: defaults, bounds, who may change them, and clinic isolation of the rows. */
class SessionServiceTest extends IntegrationTest {

    @Autowired SessionService sessions;
    @Autowired SessionPolicyRepository policies;
    @Autowired AccountDirectory directory;
    @Autowired TransactionTemplate tx;
    @Autowired EntityManager entityManager;

    ClinicBranding clinicA;
    ClinicBranding clinicB;
    TestAccount adminA;
    TestAccount adminB;

    @BeforeEach
    void twoClinicsWithAnAdminEach() {
        clinicA = testClinics.clinic();
        clinicB = testClinics.clinic();
        adminA = testClinics.account(clinicA, Role.CLINIC_ADMIN);
        adminB = testClinics.account(clinicB, Role.CLINIC_ADMIN);
    }

    @Test
    void a_clinic_starts_with_30_minutes_idle_and_12_hours_in_all() {
        adminA.signIn();

        assertThat(sessions.clinicLimits()).isEqualTo(new SessionLimits(Duration.ofMinutes(30), Duration.ofHours(12)));
    }

    @Test
    void the_admin_chooses_shorter_limits_and_changes_them_again() {
        adminA.signIn();

        sessions.updateClinicLimits(15, 8);
        assertThat(sessions.clinicLimits()).isEqualTo(new SessionLimits(Duration.ofMinutes(15), Duration.ofHours(8)));
        sessions.updateClinicLimits(5, 1);

        assertThat(sessions.clinicLimits()).isEqualTo(new SessionLimits(Duration.ofMinutes(5), Duration.ofHours(1)));
        List<SessionPolicy> rows = TenantContext.callAs(clinicA.id(), () -> tx.execute(s -> policies.findAll()));
        assertThat(rows).hasSize(1);
    }

    @Test
    void limits_outside_the_bounds_or_missing_are_refused_on_their_field_and_nothing_changes() {
        adminA.signIn();
        sessions.updateClinicLimits(20, 10);

        assertRefused(31, 12, "idleMinutes", "sessions.settings.idle.range", 5, 30);
        assertRefused(4, 12, "idleMinutes", "sessions.settings.idle.range", 5, 30);
        assertRefused(-30, 12, "idleMinutes", "sessions.settings.idle.range", 5, 30);
        assertRefused(30, 13, "absoluteHours", "sessions.settings.absolute.range", 1, 12);
        assertRefused(30, 0, "absoluteHours", "sessions.settings.absolute.range", 1, 12);
        assertRefused(null, 12, "idleMinutes", "validation.required");
        assertRefused(30, null, "absoluteHours", "validation.required");

        assertThat(sessions.clinicLimits()).isEqualTo(new SessionLimits(Duration.ofMinutes(20), Duration.ofHours(10)));
    }

    @Test
    void only_the_clinic_admin_sees_and_sets_the_limits() {
        testClinics.account(clinicA, Role.THERAPIST).signIn();
        assertThatThrownBy(() -> sessions.updateClinicLimits(10, 2)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.clinicLimits()).isInstanceOf(AccessDeniedException.class);
        testClinics.account(clinicA, Role.CLIENT).signIn();
        assertThatThrownBy(() -> sessions.updateClinicLimits(10, 2)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signInAs(TestUsers.operator());
        assertThatThrownBy(() -> sessions.updateClinicLimits(10, 2)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void one_clinics_limits_never_reach_another_clinic() {
        adminA.signIn();
        sessions.updateClinicLimits(5, 1);
        adminB.signIn();

        assertThat(sessions.clinicLimits()).as("clinic B keeps the defaults").isEqualTo(SessionLimits.DEFAULT);
        sessions.updateClinicLimits(25, 6);
        adminA.signIn();
        assertThat(sessions.clinicLimits()).isEqualTo(new SessionLimits(Duration.ofMinutes(5), Duration.ofHours(1)));

        TestAccount therapistB = testClinics.account(clinicB, Role.THERAPIST);
        HomewardUser b = therapistB.signIn();
        assertThat(directory.sessionLimits(b)).contains(new SessionLimits(Duration.ofMinutes(25), Duration.ofHours(6)));
    }

    @Test
    void clinic_b_cannot_read_change_or_delete_clinic_as_row() {
        adminA.signIn();
        sessions.updateClinicLimits(5, 1);
        UUID rowOfA = TenantContext.callAs(clinicA.id(), () -> tx.execute(s -> policies.current().orElseThrow().getId()));

        for (boolean bySignIn : new boolean[]{true, false}) {
            var asB = bySignIn ? null : clinicB.id();
            if (bySignIn) {
                adminB.signIn();
            } else {
                TestUsers.signOut();
            }
            assertThat(asClinicB(asB, () -> policies.findById(rowOfA))).isEmpty();
            assertThat(asClinicB(asB, () -> policies.findAll())).isEmpty();
            assertThat(asClinicB(asB, () -> policies.current())).isEmpty();
            assertThat(asClinicB(asB, () -> entityManager
                    .createQuery("update SessionPolicy p set p.idleMinutes = 30 where p.id = :id")
                    .setParameter("id", rowOfA).executeUpdate())).isZero();
            assertThat(asClinicB(asB, () -> entityManager.createQuery("delete from SessionPolicy p where p.id = :id")
                    .setParameter("id", rowOfA).executeUpdate())).isZero();
            asClinicB(asB, () -> {
                policies.deleteById(rowOfA);
                return null;
            });
        }
        adminA.signIn();
        assertThat(sessions.clinicLimits()).as("clinic A's row untouched")
                .isEqualTo(new SessionLimits(Duration.ofMinutes(5), Duration.ofHours(1)));
    }

    @Test
    void with_no_clinic_bound_and_nobody_signed_in_no_row_is_visible() {
        adminA.signIn();
        sessions.updateClinicLimits(5, 1);
        TestUsers.signOut();

        List<SessionPolicy> visible = tx.execute(s -> policies.findAll());
        assertThat(visible).isEmpty();
    }

    private <T> T asClinicB(UUID bound, Supplier<T> work) {
        return bound == null ? tx.execute(s -> work.get())
                : TenantContext.callAs(bound, () -> tx.execute(s -> work.get()));
    }

    private void assertRefused(Integer idle, Integer absolute, String field, String key, Object... arguments) {
        assertThatThrownBy(() -> sessions.updateClinicLimits(idle, absolute))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.arguments()).containsExactly(arguments);
                });
    }
}
