package app.homeward.reminder;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static app.homeward.reminder.LegacyUnsubscribeMigrationTest.columns;
import static app.homeward.reminder.LegacyUnsubscribeMigrationTest.flyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V19 on a database whose clinics still hold their reminder and homework settings on the tenant row
 * (version 16): each clinic's values move to the features' own tables, a row each, and the clinic row's columns
 * go (decision 0041). Fresh in-memory H2; the same script was run by hand on MariaDB 10.11.
 */
class FeatureSettingsMigrationTest {

    @Test
    void v19_moves_each_clinics_reminder_and_homework_settings_to_the_features_tables() throws Exception {
        String url = "jdbc:h2:mem:v19-" + UUID.randomUUID() + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        String changed = UUID.randomUUID().toString();
        String untouched = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, "16").migrate();
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("insert into clinic (id, slug, name, status, time_zone, default_language, accent_color,"
                        + " created_at, version, reminders_default_on, default_quiet_start, default_quiet_end,"
                        + " due_soon_hours, overdue_hours, weekly_summary, confidence_threshold, grace_hours) values ('"
                        + changed + "', 'changed', 'Changed clinic', 'ACTIVE', 'Europe/Madrid', 'en', '#2f6f73',"
                        + " '2026-01-01 00:00:00', 0, false, null, null, 3, 5, true, 4, 48)");
                sql.executeUpdate("insert into clinic (id, slug, name, status, time_zone, default_language, accent_color,"
                        + " created_at, version) values ('" + untouched + "', 'untouched', 'Untouched clinic', 'ACTIVE',"
                        + " 'Europe/Madrid', 'en', '#2f6f73', '2026-01-01 00:00:00', 0)");
            }

            flyway(url, "19").migrate();

            try (Statement sql = db.createStatement();
                 ResultSet row = sql.executeQuery("select * from clinic_reminder_settings where clinic_id = '" + changed + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean("reminders_default_on")).isFalse();
                assertThat(row.getObject("default_quiet_start")).isNull();
                assertThat(row.getObject("default_quiet_end")).isNull();
                assertThat(row.getInt("due_soon_hours")).isEqualTo(3);
                assertThat(row.getInt("overdue_hours")).isEqualTo(5);
                assertThat(row.getBoolean("weekly_summary")).isTrue();
                assertThat(row.next()).as("one row per clinic").isFalse();
            }
            try (Statement sql = db.createStatement();
                 ResultSet row = sql.executeQuery("select * from clinic_reminder_settings where clinic_id = '" + untouched + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean("reminders_default_on")).isTrue();
                assertThat(row.getObject("default_quiet_start")).as("as the row had it: no quiet hours").isNull();
                assertThat(row.getInt("due_soon_hours")).isZero();
                assertThat(row.getBoolean("weekly_summary")).isFalse();
            }
            try (Statement sql = db.createStatement();
                 ResultSet row = sql.executeQuery("select clinic_id, confidence_threshold, grace_hours"
                         + " from clinic_homework_settings order by confidence_threshold")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("clinic_id")).isEqualTo(changed);
                assertThat(row.getInt("confidence_threshold")).isEqualTo(4);
                assertThat(row.getInt("grace_hours")).isEqualTo(48);
                assertThat(row.next()).isTrue();
                assertThat(row.getString("clinic_id")).isEqualTo(untouched);
                assertThat(row.getInt("confidence_threshold")).isEqualTo(7);
                assertThat(row.getInt("grace_hours")).isEqualTo(24);
                assertThat(row.next()).isFalse();
            }
            assertThat(columns(db, "CLINIC")).doesNotContain("REMINDERS_DEFAULT_ON", "DEFAULT_QUIET_START",
                    "DEFAULT_QUIET_END", "DUE_SOON_HOURS", "OVERDUE_HOURS", "WEEKLY_SUMMARY", "CONFIDENCE_THRESHOLD",
                    "GRACE_HOURS");
        }
    }
}
