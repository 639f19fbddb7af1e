package app.homeward.homework;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.reminder.ReminderFixture;
import app.homeward.security.Role;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clinic's homework rules in homework's own table (decision 0039): the defaults the clinic row had until
 * an admin saves them, what the assign dialog and every part of the loop then read, changed only by the
 * clinic's admins, and never visible to or changeable by another clinic.
 */
class HomeworkSettingsTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired HomeworkSettingsService settings;
    @Autowired HomeworkSettingsLookup lookup;
    @Autowired HomeworkPlans plans;
    @Autowired ReminderFixture fixture;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_clinic_that_never_saved_its_rules_gets_a_threshold_of_7_and_24_hours_grace() {
        var clinic = testClinics.clinic();
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();

        assertThat(settings.current()).isEqualTo(new HomeworkSettings(7, 24));
        assertThat(jdbc.queryForObject("select count(*) from clinic_homework_settings where clinic_id = ?",
                Integer.class, clinic.id().toString())).isZero();
    }

    @Test
    void rules_saved_on_the_settings_page_are_what_the_assign_dialog_and_the_grace_period_read() {
        ReminderFixture.World world = fixture.world(greenMail, ZoneId.of("Europe/Madrid"), "en");
        testClinics.account(world.clinic(), Role.CLINIC_ADMIN).signIn();

        settings.change(4, 48);

        world.therapist().signIn();
        assertThat(plans.startAssigning(world.clientId(), "thought-record").confidenceThreshold()).isEqualTo(4);
        assertThat(TenantContext.callAs(world.clinic().id(), () -> lookup.grace(world.clinic().id())))
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void a_value_out_of_range_is_refused_for_its_field_and_nothing_changes() {
        testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN).signIn();
        settings.change(5, 36);

        assertThatThrownBy(() -> settings.change(11, 36)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("confidenceThreshold"));
        assertThatThrownBy(() -> settings.change(5, 0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("graceHours"));
        assertThatThrownBy(() -> settings.change(null, 36)).isInstanceOf(DomainException.class);

        assertThat(settings.current().confidenceThreshold()).isEqualTo(5);
        assertThat(settings.current().graceHours()).isEqualTo(36);
    }

    @Test
    void only_an_admin_reads_or_changes_them() {
        testClinics.account(testClinics.clinic(), Role.THERAPIST).signIn();

        assertThatThrownBy(() -> settings.change(5, 36)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(settings::current).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void another_clinic_neither_reads_nor_changes_a_clinics_homework_rules() {
        TestAccount adminA = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        TestAccount adminB = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        adminA.signIn();
        settings.change(3, 72);

        adminB.signIn();
        assertThat(settings.current().confidenceThreshold()).isEqualTo(7);
        assertThat(settings.current().graceHours()).isEqualTo(24);
        settings.change(9, 12);
        // bound to clinic B, asking for A's rules by A's id: the tenant filter answers with nothing of A's
        assertThat(TenantContext.callAs(adminB.clinicId(), () -> lookup.of(adminA.clinicId())).graceHours())
                .isEqualTo(24);

        adminA.signIn();
        assertThat(settings.current().confidenceThreshold()).isEqualTo(3);
        assertThat(settings.current().graceHours()).isEqualTo(72);
        assertThat(jdbc.queryForObject("select count(*) from clinic_homework_settings where clinic_id = ?",
                Integer.class, adminA.clinicId().toString())).isEqualTo(1);
    }
}
