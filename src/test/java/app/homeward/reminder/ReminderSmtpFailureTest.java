package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.homework.portal.TodayService;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.TestUsers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server away or refusing: with nothing listening, reminders stay queued and go out when it
 * returns; a 4xx reply is retried on the backoff schedule (1 min, 5 min, 30 min, 2 h, 6 h, ±20 %),
 * then the reminder fails; a 5xx reply fails it at once, only it, and the therapist sees why.
 * The replies come from {@link SmtpResponder}, a real SMTP server on the port the test context sends
 * to (3025); GreenMail runs there only while a client joins (their invitation) and when SMTP "returns".
 */
class ReminderSmtpFailureTest extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final LocalDate DAY = LocalDate.of(2027, 6, 2);
    static final Duration[] BACKOFF = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6)};

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired ReminderService reminderService;
    @Autowired TodayService todayService;

    GreenMail greenMail;
    SmtpResponder responder;
    World world;

    @BeforeEach
    void aClientWithAReminderDueNow() {
        clock.moveTo(ZonedDateTime.of(DAY.minusDays(1), LocalTime.NOON, ZONE).toInstant());
        greenMail = startGreenMail();
        world = joinWithoutQuietHours();
    }

    @AfterEach
    void noServers() throws Exception {
        if (responder != null) {
            responder.close();
        }
        greenMail.stop();
    }

    @Test
    void while_smtp_is_down_reminders_stay_queued_the_app_keeps_working_and_they_go_out_when_it_returns() {
        Reminder planned = planOneAt19(world);
        greenMail.stop(); // nothing listens on the mail port now
        clock.moveTo(planned.getDueAt().plusSeconds(5));

        Instant now = clock.instant();
        delivery.deliverDue(world.clinic().id());

        Reminder queued = row(world, planned);
        assertThat(queued.getState()).isEqualTo(ReminderState.PENDING);
        assertThat(queued.getAttempts()).isEqualTo(1);
        assertThat(queued.getLastError()).isEqualTo("connection");
        assertThat(Duration.between(now, queued.getNextAttemptAt())).isBetween(Duration.ofSeconds(46), Duration.ofSeconds(75));

        // the application keeps working: a new plan, the client's day, the therapist's delivery log
        fixture.assignDaily(world, DAY.plusDays(1), LocalTime.of(18, 0), 1);
        assertThat(reminderService.overview(world.clientId()).log()).filteredOn(e -> e.id().equals(planned.getId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(ReminderState.PENDING);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo("connection");
                });
        TestUsers.signInAs(world.client());
        assertThat(todayService.today()).isNotNull();
        TestUsers.signOut();
        delivery.deliverDue(world.clinic().id()); // before its backoff: not tried again
        assertThat(row(world, planned).getAttempts()).isEqualTo(1);

        greenMail = startGreenMail();
        clock.moveTo(queued.getNextAttemptAt().plusSeconds(1));
        delivery.deliverDue(world.clinic().id());

        assertThat(row(world, planned).getState()).isEqualTo(ReminderState.SENT);
        List<MimeMessage> mails = Mails.awaitTo(greenMail, world.email(), 1);
        assertThat(mails).extracting(ReminderSmtpFailureTest::messageId).containsExactly(
                "<reminder-" + planned.getId() + "@localhost>");
    }

    @Test
    void a_4xx_reply_is_retried_after_1_5_30_120_and_360_minutes_with_jitter_and_then_the_reminder_fails()
            throws Exception {
        Reminder planned = planOneAt19(world);
        greenMail.stop();
        responder = new SmtpResponder(ServerSetupTest.SMTP.getPort()).onRcpt(to -> 451);
        clock.moveTo(planned.getDueAt().plusSeconds(5));

        for (int attempt = 1; attempt <= BACKOFF.length; attempt++) {
            Instant now = clock.instant();
            delivery.deliverDue(world.clinic().id());
            assertThat(responder.askedFor(world.email())).as("attempt %d", attempt).isEqualTo(attempt);
            Reminder waiting = row(world, planned);
            assertThat(waiting.getState()).isEqualTo(ReminderState.PENDING);
            assertThat(waiting.getAttempts()).isEqualTo(attempt);
            assertThat(waiting.getLastError()).isEqualTo("smtp-451");
            Duration step = BACKOFF[attempt - 1];
            assertThat(Duration.between(now, waiting.getNextAttemptAt())).as("wait after attempt %d", attempt)
                    .isBetween(step.multipliedBy(8).dividedBy(10).minusSeconds(2), step.multipliedBy(12).dividedBy(10).plusSeconds(3));

            clock.moveTo(waiting.getNextAttemptAt().minusSeconds(10));
            delivery.deliverDue(world.clinic().id());
            assertThat(responder.askedFor(world.email())).as("not before its time").isEqualTo(attempt);
            clock.moveTo(waiting.getNextAttemptAt().plusSeconds(1));
        }
        delivery.deliverDue(world.clinic().id());

        assertThat(responder.askedFor(world.email())).isEqualTo(BACKOFF.length + 1);
        assertThat(row(world, planned)).satisfies(r -> {
            assertThat(r.getState()).isEqualTo(ReminderState.FAILED);
            assertThat(r.getAttempts()).isEqualTo(BACKOFF.length + 1);
            assertThat(r.getLastError()).isEqualTo("smtp-451");
        });
        clock.moveBy(Duration.ofDays(1));
        delivery.deliverDue(world.clinic().id());
        assertThat(responder.askedFor(world.email())).as("a failed reminder is never tried again").isEqualTo(BACKOFF.length + 1);
        assertThat(responder.accepted).isEmpty();
    }

    @Test
    void a_5xx_reply_fails_only_that_reminder_at_once_and_the_therapist_sees_it_in_the_delivery_log() throws Exception {
        World other = fixture.join(greenMail, world.clinic(), world.therapist(), ZONE, "en");
        withoutQuietHours(other);
        Reminder refused = planOneAt19(world);
        Reminder accepted = planOneAt19(other);
        greenMail.stop();
        responder = new SmtpResponder(ServerSetupTest.SMTP.getPort())
                .onRcpt(to -> to.equalsIgnoreCase(world.email()) ? 550 : 250);
        clock.moveTo(refused.getDueAt().plusSeconds(5));

        delivery.deliverDue(world.clinic().id()); // both in one batch, over one connection

        assertThat(row(world, refused)).satisfies(r -> {
            assertThat(r.getState()).isEqualTo(ReminderState.FAILED);
            assertThat(r.getLastError()).isEqualTo("smtp-550");
        });
        assertThat(row(other, accepted).getState()).isEqualTo(ReminderState.SENT);
        assertThat(responder.accepted).extracting(ReminderSmtpFailureTest::messageId)
                .containsExactly("<reminder-" + accepted.getId() + "@localhost>");

        world.therapist().signIn();
        assertThat(reminderService.overview(world.clientId()).log()).filteredOn(e -> e.id().equals(refused.getId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.state()).isEqualTo(ReminderState.FAILED);
                    assertThat(e.reason()).isEqualTo("smtp-550");
                    assertThat(e.sentAt()).isNull();
                });
        TestUsers.signOut();

        clock.moveBy(Duration.ofHours(7));
        delivery.deliverDue(world.clinic().id());
        assertThat(responder.askedFor(world.email())).as("a permanent failure is not retried").isEqualTo(1);
    }

    @Test
    void a_message_refused_with_554_after_its_data_fails_at_once() throws Exception {
        Reminder planned = planOneAt19(world);
        greenMail.stop();
        responder = new SmtpResponder(ServerSetupTest.SMTP.getPort()).onData(to -> 554);
        clock.moveTo(planned.getDueAt().plusSeconds(5));

        delivery.deliverDue(world.clinic().id());

        assertThat(row(world, planned)).satisfies(r -> {
            assertThat(r.getState()).isEqualTo(ReminderState.FAILED);
            assertThat(r.getAttempts()).as("the one attempt is counted").isEqualTo(1);
            assertThat(r.getLastError()).isEqualTo("smtp-554");
        });
    }

    /** GreenMail on the mail port; if the port is still being released (a busy machine), a moment later. */
    private static GreenMail startGreenMail() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            GreenMail server = new GreenMail(ServerSetupTest.SMTP);
            try {
                server.start();
                return server;
            } catch (IllegalStateException e) {
                server.stop();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private World joinWithoutQuietHours() {
        World joined = fixture.world(greenMail, ZONE, "en");
        withoutQuietHours(joined);
        return joined;
    }

    /** Quiet hours off, so moving the clock by hours never lands a retry in them. */
    private void withoutQuietHours(World client) {
        TestUsers.signInAs(client.client());
        reminderService.updateMine(true, null, null, null, ZONE.getId(), "en");
        TestUsers.signOut();
    }

    private Reminder planOneAt19(World client) {
        fixture.assignDaily(client, DAY, LocalTime.of(19, 0), 1);
        TestUsers.signOut();
        return fixture.pending(client).getFirst();
    }

    private Reminder row(World client, Reminder reminder) {
        return fixture.remindersOf(client).stream().filter(r -> r.getId().equals(reminder.getId())).findFirst().orElseThrow();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
