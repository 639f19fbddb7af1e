package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instants keep their microseconds on the way to the database and back. Homeward orders by them
 * (the newest plan, the oldest entry to review, the reminder due first), so a driver that quietly
 * drops fractional seconds turns "a moment later" into a tie. MySQL Connector/J does exactly that
 * against MariaDB 10.x, which it reads as "MySQL 5.5.5": MariaDB needs its own driver (decision
 * 0022). This test fails on that combination.
 */
class InstantPrecisionTest extends IntegrationTest {

    @Autowired ReminderRepository reminders;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void an_instant_with_microseconds_is_stored_and_read_back_unchanged() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        Instant due = Instant.parse("2031-06-15T18:59:59.123456Z");
        TransactionTemplate tx = new TransactionTemplate(transactions);

        UUID id = TenantContext.callAs(clinic.id(), () -> tx.execute(s ->
                reminders.save(Reminder.forStaff(ReminderKind.DIGEST, therapist.id(), due, due)).getId()));

        Timestamp stored = jdbc.queryForObject("select due_at from reminder where id = ?", Timestamp.class, id.toString());
        assertThat(stored).isNotNull();
        assertThat(stored.getNanos()).as("fractional seconds of the stored column").isEqualTo(123_456_000);
        Instant readBack = TenantContext.callAs(clinic.id(), () -> tx.execute(s ->
                reminders.findById(id).orElseThrow().getDueAt()));
        assertThat(readBack).isEqualTo(due);
    }
}
