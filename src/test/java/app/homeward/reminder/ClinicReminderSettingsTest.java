package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.homework.HomeworkSettingsService;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.Role;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The clinic's reminder settings in reminder's own table (decision 0039): the defaults the clinic row had until
 * an admin saves them, what the planner plans by once saved, with homework's grace period beside them, and
 * never visible to or changeable by another clinic.
 */
class ClinicReminderSettingsTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2027, 6, 2);

    @Autowired ReminderService reminders;
    @Autowired ClinicReminderRules rules;
    @Autowired HomeworkSettingsService homeworkSettings;
    @Autowired ReminderFixture fixture;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_clinic_that_never_saved_its_settings_reminds_by_default_outside_21_30_to_08_00_with_no_extra_nudges() {
        var clinic = testClinics.clinic();
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();

        assertThat(reminders.clinicSettings()).isEqualTo(new ReminderSettings(true, LocalTime.of(21, 30),
                LocalTime.of(8, 0), 0, 0, false));
        ReminderRules asThePlannerReadsThem = TenantContext.callAs(clinic.id(), () -> rules.of(clinic.id()).orElseThrow());
        assertThat(asThePlannerReadsThem.remindersDefaultOn()).isTrue();
        assertThat(asThePlannerReadsThem.quietStart()).isEqualTo(LocalTime.of(21, 30));
        assertThat(asThePlannerReadsThem.quietEnd()).isEqualTo(LocalTime.of(8, 0));
        assertThat(asThePlannerReadsThem.graceHours()).isEqualTo(24);
        assertThat(jdbc.queryForObject("select count(*) from clinic_reminder_settings where clinic_id = ?",
                Integer.class, clinic.id().toString())).isZero();
    }

    @Test
    void an_overdue_nudge_saved_on_the_settings_page_is_planned_for_the_clients_homework() {
        clock.moveTo(ZonedDateTime.of(DAY.minusDays(1), LocalTime.NOON, BERLIN).toInstant());
        World world = fixture.world(greenMail, BERLIN, "en");
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 1);
        assertThat(fixture.pending(world)).extracting(Reminder::getKind).containsExactly(ReminderKind.PLANNED);

        testClinics.account(world.clinic(), Role.CLINIC_ADMIN).signIn();
        reminders.updateClinicRules(true, LocalTime.of(22, 0), LocalTime.of(7, 0), 0, 2, false);

        assertThat(fixture.pending(world)).extracting(Reminder::getKind, Reminder::getDueAt).containsExactly(
                tuple(ReminderKind.PLANNED, ZonedDateTime.of(DAY, LocalTime.of(19, 0), BERLIN).toInstant()),
                tuple(ReminderKind.OVERDUE, ZonedDateTime.of(DAY, LocalTime.of(21, 0), BERLIN).toInstant()));
    }

    @Test
    void the_rules_carry_the_grace_period_homework_keeps() {
        TestAccount admin = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();

        homeworkSettings.change(7, 48);

        assertThat(TenantContext.callAs(admin.clinicId(), () -> rules.of(admin.clinicId()).orElseThrow().graceHours()))
                .as("as the planner and delivery read them, without anyone signed in").isEqualTo(48);
    }

    @Test
    void settings_out_of_range_are_refused_and_only_an_admin_changes_them() {
        testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN).signIn();
        assertThatThrownBy(() -> reminders.updateClinicRules(true, null, null, 49, 0, false))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("dueSoonHours"));

        testClinics.account(testClinics.clinic(), Role.THERAPIST).signIn();
        assertThatThrownBy(() -> reminders.updateClinicRules(true, null, null, 1, 1, false))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(reminders::clinicSettings).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void another_clinic_neither_reads_nor_changes_a_clinics_reminder_settings() {
        TestAccount adminA = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        TestAccount adminB = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        adminA.signIn();
        reminders.updateClinicRules(false, null, null, 3, 5, true);

        adminB.signIn();
        ReminderSettings seenByB = reminders.clinicSettings();
        assertThat(seenByB.remindersDefaultOn()).isTrue();
        assertThat(seenByB.dueSoonHours()).isZero();
        assertThat(seenByB.weeklySummary()).isFalse();
        reminders.updateClinicRules(true, LocalTime.of(23, 0), LocalTime.of(6, 0), 1, 1, false);
        // bound to clinic B, asking for A's settings by A's id: the tenant filter answers with nothing of A's
        ReminderRules asked = TenantContext.callAs(adminB.clinicId(), () -> rules.of(adminA.clinicId()).orElseThrow());
        assertThat(asked.dueSoonHours()).isNotEqualTo(3);
        assertThat(asked.weeklySummary()).isFalse();

        adminA.signIn();
        ReminderSettings seenByA = reminders.clinicSettings();
        assertThat(seenByA.remindersDefaultOn()).isFalse();
        assertThat(seenByA.quietStart()).isNull();
        assertThat(seenByA.dueSoonHours()).isEqualTo(3);
        assertThat(seenByA.overdueHours()).isEqualTo(5);
        assertThat(seenByA.weeklySummary()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from clinic_reminder_settings where clinic_id = ?",
                Integer.class, adminA.clinicId().toString())).isEqualTo(1);
    }
}
