package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database holds does not depend on the server's own time zone: a client's 19:00 is stored
 * as 19:00, a plan's start date as that date, and an instant as UTC. Hibernate's UTC calendar
 * (hibernate.jdbc.time_zone) once shifted wall-clock times by the JVM's zone on the way in (a server
 * on Berlin time stored 18:00 for 19:00) and back on the way out, so only raw SQL saw it; this test
 * runs with the JVM's default zone set to UTC+14 for its duration, and fails on that route.
 */
class StoredTimesTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired ReminderFixture fixture;
    @Autowired ReminderService reminderService;
    @Autowired JdbcTemplate jdbc;

    @Test
    void wall_clock_times_dates_and_instants_are_stored_as_they_are_whatever_the_servers_zone() {
        World world = fixture.world(greenMail, BERLIN, "en");
        LocalDate start = LocalDate.of(2027, 3, 1);
        TimeZone serverZone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            TestUsers.signInAs(world.client());
            reminderService.updateMine(true, LocalTime.of(19, 0), LocalTime.of(21, 30), LocalTime.of(8, 0),
                    BERLIN.getId(), "en");
            TestUsers.signOut();
            fixture.assignDaily(world, start, LocalTime.of(19, 0), 1);
        } finally {
            TimeZone.setDefault(serverZone);
        }

        String client = world.clientId().toString();
        assertThat(jdbc.queryForObject("select preferred_time from reminder_preference where client_id = ?",
                LocalTime.class, client)).isEqualTo(LocalTime.of(19, 0));
        assertThat(jdbc.queryForObject("select quiet_start from reminder_preference where client_id = ?",
                LocalTime.class, client)).isEqualTo(LocalTime.of(21, 30));
        assertThat(jdbc.queryForObject("select start_date from assignment where client_id = ?",
                LocalDate.class, client)).isEqualTo(start);
        assertThat(jdbc.queryForObject("select time_of_day from assignment where client_id = ?",
                LocalTime.class, client)).isEqualTo(LocalTime.of(19, 0));
        // 19:00 in Berlin on 1 March (CET, UTC+1) is 18:00 UTC
        assertThat(jdbc.queryForObject("select due_at from occurrence where client_id = ?",
                LocalDateTime.class, client)).isEqualTo(start.atTime(18, 0));
        assertThat(fixture.pending(world)).singleElement().satisfies(r ->
                assertThat(r.getDueAt()).isEqualTo(start.atTime(18, 0).toInstant(ZoneOffset.UTC)));
    }
}
