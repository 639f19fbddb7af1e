package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders arrive by the client's wall clock, with a moved application clock and a real SMTP server:
 * at 19:00 local on both sides of a daylight-saving change (New York falls back in November, Berlin
 * springs forward in March), never inside quiet hours, never for homework already done, never after
 * unsubscribing (the one-click POST of the List-Unsubscribe header) — also when the change reached the database without the planner seeing it (the
 * checks at send time; plain SQL stands in for such a change).
 */
class ReminderTimeTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2027, 6, 2);

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired ReminderService reminderService;
    @Autowired JdbcTemplate jdbc;
    @Autowired WebApplicationContext web;


    /**
     * New York leaves daylight saving time on Sunday 7 November 2027 (02:00 EDT → 01:00 EST); Berlin
     * enters it on Sunday 28 March 2027 (02:00 CET → 03:00 CEST). One plan of three days around the
     * change: each reminder arrives at 19:00 local, not a minute before.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "America/New_York, 2027-11-06, 2027-11-06T23:00:00Z, 2027-11-08T00:00:00Z, 2027-11-09T00:00:00Z",
            "Europe/Berlin,    2027-03-27, 2027-03-27T18:00:00Z, 2027-03-28T17:00:00Z, 2027-03-29T17:00:00Z"})
    void the_reminder_arrives_at_19_00_local_time_on_both_sides_of_a_daylight_saving_change(
            String zoneId, LocalDate first, Instant dayBefore, Instant dayOfChange, Instant dayAfter) {
        ZoneId zone = ZoneId.of(zoneId);
        clock.moveTo(ZonedDateTime.of(first.minusDays(1), LocalTime.NOON, zone).toInstant());
        World world = fixture.world(greenMail, zone, "en");
        fixture.assignDaily(world, first, LocalTime.of(19, 0), 3);
        List<Reminder> planned = fixture.pending(world);
        assertThat(planned).extracting(Reminder::getDueAt).containsExactly(dayBefore, dayOfChange, dayAfter);

        for (int day = 0; day < planned.size(); day++) {
            Reminder reminder = planned.get(day);
            clock.moveTo(reminder.getDueAt().minusSeconds(60));
            delivery.deliverDue(world.clinic().id());
            assertThat(Mails.to(greenMail, world.email())).as("nothing before 19:00").hasSize(1 + day); // 1: the invitation

            clock.moveTo(reminder.getDueAt().plusSeconds(5));
            delivery.deliverDue(world.clinic().id());
            List<MimeMessage> mails = Mails.awaitTo(greenMail, world.email(), 2 + day);
            assertThat(mails).hasSize(2 + day);
            assertThat(messageId(mails.getLast())).isEqualTo("<reminder-" + reminder.getId() + "@localhost>");
            Reminder sent = row(world, reminder);
            assertThat(sent.getState()).isEqualTo(ReminderState.SENT);
            assertThat(sent.getSentAt().atZone(zone).toLocalTime()).isBetween(LocalTime.of(19, 0), LocalTime.of(19, 1));
        }
    }

    @Test
    void a_reminder_due_after_quiet_hours_began_is_postponed_to_their_end_and_then_arrives() {
        World world = worldAtNoonBefore(DAY);
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 1);
        Reminder planned = fixture.pending(world).getFirst();
        // quiet 18:30–20:00 from now on, written without re-planning (another instance, a race)
        jdbc.update("update reminder_preference set quiet_start = ?, quiet_end = ? where client_id = ?",
                LocalTime.of(18, 30), LocalTime.of(20, 0), world.clientId().toString());

        clock.moveTo(planned.getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());

        assertThat(Mails.to(greenMail, world.email())).as("only the invitation").hasSize(1);
        Reminder postponed = row(world, planned);
        assertThat(postponed.getState()).isEqualTo(ReminderState.PENDING);
        assertThat(postponed.getAttempts()).isZero();
        assertThat(postponed.getNextAttemptAt().atZone(BERLIN)).isEqualTo(ZonedDateTime.of(DAY, LocalTime.of(20, 0), BERLIN));

        clock.moveTo(postponed.getNextAttemptAt().minusSeconds(30));
        delivery.deliverDue(world.clinic().id());
        assertThat(Mails.to(greenMail, world.email())).as("still quiet").hasSize(1);

        clock.moveTo(postponed.getNextAttemptAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        assertThat(Mails.awaitTo(greenMail, world.email(), 2)).hasSize(2);
        assertThat(row(world, planned).getSentAt().atZone(BERLIN).toLocalTime()).isAfterOrEqualTo(LocalTime.of(20, 0));
    }

    @Test
    void homework_done_after_the_reminder_was_planned_gets_no_reminder_even_when_the_planner_missed_it() {
        World world = worldAtNoonBefore(DAY);
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 1);
        Reminder planned = fixture.pending(world).getFirst();
        jdbc.update("update occurrence set status = 'DONE' where id = ?", planned.getOccurrenceId().toString());

        clock.moveTo(planned.getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());

        assertThat(Mails.to(greenMail, world.email())).as("only the invitation").hasSize(1);
        assertThat(row(world, planned)).satisfies(r -> {
            assertThat(r.getState()).isEqualTo(ReminderState.CANCELLED);
            assertThat(r.getLastError()).isEqualTo("homework-closed");
        });
    }

    @Test
    void after_one_click_unsubscribe_no_reminder_goes_out_neither_the_cancelled_ones_nor_one_the_planner_did_not_cancel()
            throws Exception {
        World world = worldAtNoonBefore(DAY);
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 3);
        List<Reminder> planned = fixture.pending(world);
        clock.moveTo(planned.getFirst().getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        MimeMessage first = Mails.awaitTo(greenMail, world.email(), 2).getLast();
        String header = first.getHeader("List-Unsubscribe", null);
        String path = header.substring(header.indexOf("/unsubscribe/one-click/"), header.lastIndexOf('>'));

        // what a mail provider does with the List-Unsubscribe header: a POST, without a session or CSRF token
        MockMvc http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        http.perform(post(path).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(fixture.pending(world)).isEmpty();
        // a reminder that escaped the cancelling (written back by a race): the send-time check stops it
        jdbc.update("update reminder set state = 'PENDING' where id = ?", planned.getLast().getId().toString());

        for (Reminder reminder : planned.subList(1, planned.size())) {
            clock.moveTo(reminder.getDueAt().plusSeconds(5));
            delivery.deliverDue(world.clinic().id());
        }

        assertThat(Mails.to(greenMail, world.email())).as("the invitation and the first reminder only").hasSize(2);
        assertThat(fixture.remindersOf(world)).extracting(Reminder::getState)
                .containsExactly(ReminderState.SENT, ReminderState.CANCELLED, ReminderState.CANCELLED);
        assertThat(row(world, planned.getLast()).getLastError()).isEqualTo("unsubscribed");
    }

    /** A Berlin client who joined at noon the day before, with quiet hours off (the tests set their own). */
    private World worldAtNoonBefore(LocalDate day) {
        clock.moveTo(ZonedDateTime.of(day.minusDays(1), LocalTime.NOON, BERLIN).toInstant());
        World world = fixture.world(greenMail, BERLIN, "en");
        TestUsers.signInAs(world.client());
        reminderService.updateMine(true, null, null, null, BERLIN.getId(), "en");
        TestUsers.signOut();
        return world;
    }

    private Reminder row(World world, Reminder reminder) {
        return fixture.remindersOf(world).stream().filter(r -> r.getId().equals(reminder.getId())).findFirst().orElseThrow();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
