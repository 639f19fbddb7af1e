package app.homeward.reminder;

import app.homeward.base.LinkTokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V6 on a database that already holds unsubscribe secrets in clear (version 5): afterwards
 * only their SHA-256 is there, the same hash the application computes for the link in an old email, so
 * those links keep working; the clear column is gone. Runs Flyway on a fresh in-memory H2 with the
 * placeholder from application.properties (CI's MariaDB run checks MariaDB's SHA-256 against ours in
 * {@code UnsubscribeLinksTest}).
 */
class LegacyUnsubscribeMigrationTest {

    @Test
    void v6_replaces_each_stored_secret_by_the_hash_the_application_computes() throws Exception {
        String url = "jdbc:h2:mem:v6-" + UUID.randomUUID() + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        String clinic = UUID.randomUUID().toString();
        String client = UUID.randomUUID().toString();
        String secret = LinkTokens.newToken().substring(0, 32);
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            flyway(url, "5").migrate();
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("insert into clinic (id, slug, name, status, time_zone, default_language, accent_color,"
                        + " created_at, version) values ('" + clinic + "', 'old-clinic', 'Old clinic', 'ACTIVE',"
                        + " 'Europe/Madrid', 'en', '#2f6f73', '2026-01-01 00:00:00', 0)");
                sql.executeUpdate("insert into client (id, clinic_id, therapist_id, display_name, email, time_zone, language,"
                        + " simplified, status, created_at, version) values ('" + client + "', '" + clinic + "', '"
                        + UUID.randomUUID() + "', 'Old client', 'old@example.test', 'Europe/Madrid', 'en', false,"
                        + " 'ACTIVE', '2026-01-01 00:00:00', 0)");
                sql.executeUpdate("insert into reminder_preference (id, clinic_id, client_id, enabled, unsubscribe_token,"
                        + " updated_at, version) values ('" + UUID.randomUUID() + "', '" + clinic + "', '" + client
                        + "', true, '" + secret + "', '2026-01-01 00:00:00', 0)");
            }

            flyway(url, "6").migrate();

            try (Statement sql = db.createStatement();
                 ResultSet row = sql.executeQuery("select * from reminder_preference where client_id = '" + client + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("legacy_unsubscribe_hash")).isEqualTo(LinkTokens.hash(secret));
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    assertThat(row.getString(i)).as(row.getMetaData().getColumnName(i)).isNotEqualTo(secret);
                }
            }
            assertThat(columns(db, "REMINDER_PREFERENCE")).doesNotContain("UNSUBSCRIBE_TOKEN");
        }
    }

    static Flyway flyway(String url, String target) throws IOException {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target)
                .placeholders(Map.of("sha256_of_unsubscribe_token", placeholder())).load();
    }

    /** The H2 profile's SHA-256, as the application configures Flyway. */
    private static String placeholder() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LegacyUnsubscribeMigrationTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("spring.flyway.placeholders[sha256_of_unsubscribe_token]");
    }

    static List<String> columns(Connection db, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet columns = db.getMetaData().getColumns(null, null, table, null)) {
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }
}
