package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.client.ClientService;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Schedule;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.AccountService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicDirectory;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders from the plan to the inbox, on a real SMTP server (GreenMail) and a moved clock: the
 * client's 19:00 on both sides of a daylight-saving change, one email per reminder with a stable
 * Message-ID and one-click unsubscribe headers, nothing clinical, nothing for done homework, and
 * nothing after unsubscribing.
 */
class ReminderDeliveryTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Berlin moves its clocks forward on Sunday 28 March 2027. */
    static final LocalDate BEFORE_DST = LocalDate.of(2027, 3, 26);

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired ReminderService reminderService;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired AccountService accountService;
    @Autowired ClientService clientService;
    @Autowired ClinicDirectory clinicDirectory;
    @Autowired WebApplicationContext web;

    World world;

    @BeforeEach
    void aClientWhoJoined() {
        clock.moveTo(ZonedDateTime.of(BEFORE_DST, LocalTime.NOON, BERLIN).toInstant());
        world = fixture.world(greenMail, BERLIN, "en");
    }


    @Test
    void a_daily_plan_at_19_00_plans_one_reminder_a_day_at_19_00_berlin_time_across_the_dst_change() {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 4);

        List<Reminder> planned = fixture.pending(world);

        assertThat(planned).extracting(Reminder::getKind).containsOnly(ReminderKind.PLANNED);
        assertThat(planned).extracting(r -> r.getDueAt().atZone(BERLIN).toLocalTime()).containsOnly(LocalTime.of(19, 0));
        assertThat(planned).extracting(Reminder::getDueAt).containsExactly(
                Instant.parse("2027-03-26T18:00:00Z"), Instant.parse("2027-03-27T18:00:00Z"),
                Instant.parse("2027-03-28T17:00:00Z"), Instant.parse("2027-03-29T17:00:00Z"));
    }

    @Test
    void at_19_00_the_reminder_arrives_once_with_a_stable_message_id_unsubscribe_headers_and_nothing_clinical()
            throws Exception {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 2);
        Reminder first = fixture.pending(world).getFirst();

        clock.moveTo(first.getDueAt().minusSeconds(60));
        delivery.deliverDue(world.clinic().id());
        assertThat(Mails.to(greenMail, world.email())).hasSize(1); // only the invitation so far

        clock.moveTo(first.getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        delivery.deliverDue(world.clinic().id());

        List<MimeMessage> mails = Mails.awaitTo(greenMail, world.email(), 2);
        assertThat(mails).hasSize(2);
        MimeMessage reminder = mails.getLast();
        assertThat(reminder.getMessageID()).isEqualTo("<reminder-" + first.getId() + "@localhost>");
        assertThat(reminder.getHeader("List-Unsubscribe", null)).startsWith("<http://localhost:8080/unsubscribe/one-click/"
                + world.clinic().id() + "/");
        assertThat(reminder.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mails.subject(reminder)).isEqualTo("Homework waiting in your portal · " + world.clinic().name());
        String text = Mails.text(reminder);
        assertThat(text).contains("You have homework waiting in your portal.")
                .contains("http://localhost:8080/c/" + world.clinic().slug())
                .doesNotContain("Secret title Zq").doesNotContain("thought").doesNotContain("Thought");
        assertThat(Mails.html(reminder)).doesNotContain("Secret title Zq");
        assertThat(fixture.remindersOf(world)).filteredOn(r -> r.getId().equals(first.getId()))
                .singleElement().satisfies(r -> {
                    assertThat(r.getState()).isEqualTo(ReminderState.SENT);
                    assertThat(r.getSentAt()).isNotNull();
                });
    }

    @Test
    void homework_done_before_its_reminder_cancels_the_reminder_and_nothing_is_sent() {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 1);
        Reminder planned = fixture.pending(world).getFirst();

        TestUsers.signInAs(world.client());
        var occurrence = todayService.today().dueNow().getFirst().occurrenceId();
        entryService.submit(occurrence, ReminderFixture.thoughtRecord(), null);
        TestUsers.signOut();

        assertThat(fixture.remindersOf(world)).singleElement().satisfies(r -> {
            assertThat(r.getId()).isEqualTo(planned.getId());
            assertThat(r.getState()).isEqualTo(ReminderState.CANCELLED);
            assertThat(r.getLastError()).isEqualTo("homework-closed");
        });
        clock.moveTo(planned.getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        assertThat(Mails.to(greenMail, world.email())).hasSize(1);
    }

    @Test
    void after_unsubscribing_by_link_no_reminder_is_sent_and_settings_can_undo_it() {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 3);
        Reminder first = fixture.pending(world).getFirst();
        clock.moveTo(first.getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        MimeMessage reminder = Mails.awaitTo(greenMail, world.email(), 2).getLast();
        String link = Mails.text(reminder).lines().filter(l -> l.contains("/unsubscribe/")).findFirst().orElseThrow();
        String token = link.substring(link.lastIndexOf('/') + 1).strip();
        assertThat(token).as("the link says the email's language, for the page it opens").endsWith("?lang=en");
        token = token.substring(0, token.indexOf('?'));

        assertThat(reminderService.unsubscribe(world.clinic().id(), token)).map(ReminderService.UnsubscribeLink::clinicName)
                .contains(world.clinic().name());

        assertThat(fixture.pending(world)).isEmpty();
        clock.moveTo(first.getDueAt().plus(Duration.ofDays(1)).plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        assertThat(Mails.to(greenMail, world.email())).hasSize(2);

        assertThat(reminderService.unsubscribe(world.clinic().id(), "not-a-token")).isEmpty();
        assertThat(reminderService.unsubscribe(fixture.clinics.clinic().id(), token)).isEmpty();

        TestUsers.signInAs(world.client());
        ReminderChoices choices = reminderService.mine();
        assertThat(choices.enabled()).isFalse();
        assertThat(choices.unsubscribedAt()).isNotNull();
        reminderService.updateMine(true, null, choices.quietHours().start(), choices.quietHours().end(), "Europe/Berlin", "en");
        assertThat(reminderService.mine().unsubscribedAt()).isNull();
        assertThat(fixture.pending(world)).isNotEmpty();
    }

    @Test
    void a_preferred_time_inside_quiet_hours_moves_to_the_end_of_them() {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(23, 0), 1);
        TestUsers.signInAs(world.client());
        reminderService.updateMine(true, LocalTime.of(22, 30), LocalTime.of(22, 0), LocalTime.of(23, 15),
                "Europe/Berlin", "en");

        assertThat(fixture.pending(world)).singleElement().satisfies(r ->
                assertThat(r.getDueAt().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(23, 15)));
    }

    @Test
    void the_therapist_gets_a_daily_digest_with_counts_only_and_none_when_nothing_is_new() throws Exception {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 3);
        world.therapist().signIn();
        accountService.changeMyDigest(LocalTime.of(18, 0), "Europe/Berlin");
        TestUsers.signInAs(world.client());
        entryService.submit(todayService.today().dueNow().getFirst().occurrenceId(), ReminderFixture.thoughtRecord(), null);
        TestUsers.signOut();

        delivery.deliverDue(world.clinic().id()); // plans the digest for 18:00 Berlin
        assertThat(fixture.digestsOf(world, world.therapist().id())).containsExactly("PENDING null @2027-03-26T17:00:00Z");
        clock.moveTo(ZonedDateTime.of(BEFORE_DST, LocalTime.of(18, 0, 5), BERLIN).toInstant());
        delivery.deliverDue(world.clinic().id());
        assertThat(fixture.digestsOf(world, world.therapist().id())).first().asString().startsWith("SENT");

        MimeMessage digest = Mails.awaitTo(greenMail, world.therapist().email(), 1).getLast();
        assertThat(Mails.subject(digest)).isEqualTo("Your daily Homeward digest · " + world.clinic().name());
        assertThat(Mails.text(digest)).contains("Since your last digest: one new entry and no change requests")
                .contains("http://localhost:8080/app/review").doesNotContain(world.name()).doesNotContain("Secret title");

        clock.moveTo(ZonedDateTime.of(BEFORE_DST.plusDays(1), LocalTime.of(18, 0, 5), BERLIN).toInstant());
        delivery.deliverDue(world.clinic().id()); // plans tomorrow's
        delivery.deliverDue(world.clinic().id());
        assertThat(Mails.to(greenMail, world.therapist().email())).hasSize(1);
    }

    @Test
    void a_safety_alert_tells_the_therapist_at_once_even_if_the_client_unsubscribed_and_says_nothing_clinical()
            throws Exception {
        fixture.assignPhq9Once(world, BEFORE_DST);
        reminderService.unsubscribe(world.clinic().id(), fixture.unsubscribeToken(world));
        TestUsers.signInAs(world.client());
        var submitted = entryService.submit(todayService.today().dueNow().getFirst().occurrenceId(),
                AdherenceFixture.phq9("several-days"), null);
        TestUsers.signOut();
        assertThat(submitted.alerted()).isTrue();

        // written with the alert, due now: the client's choices (unsubscribed, quiet hours) are not the therapist's
        Reminder notice = fixture.staffRemindersOf(world, world.therapist().id()).getFirst();
        assertThat(notice.getKind()).isEqualTo(ReminderKind.ALERT);
        assertThat(notice.getState()).isEqualTo(ReminderState.PENDING);
        assertThat(notice.getDueAt()).isBeforeOrEqualTo(clock.instant());

        delivery.deliverDue(world.clinic().id());
        delivery.deliverDue(world.clinic().id());

        MimeMessage mail = Mails.awaitTo(greenMail, world.therapist().email(), 1).getLast();
        assertThat(Mails.to(greenMail, world.therapist().email())).hasSize(1);
        assertThat(mail.getMessageID()).isEqualTo("<reminder-" + notice.getId() + "@localhost>");
        assertThat(Mails.subject(mail)).contains(world.clinic().name());
        String everything = Mails.subject(mail) + "\n" + Mails.text(mail) + "\n" + Mails.html(mail);
        assertThat(everything).contains("needs your attention").contains("http://localhost:8080/app/alerts");
        assertThat(Mails.everythingBut(mail, world.clinic().slug(), world.clinic().name(), world.therapist().displayName()))
                .doesNotContain("phq", "item 9", "item9",
                "secret mood", "several days", "minimal", "self-harm", world.name().toLowerCase(Locale.ROOT),
                world.email());
        assertThat(fixture.staffRemindersOf(world, world.therapist().id())).singleElement()
                .satisfies(r -> assertThat(r.getState()).isEqualTo(ReminderState.SENT));
    }

    @Test
    void a_mail_provider_unsubscribes_with_one_click_post_without_a_session_or_csrf_token() throws Exception {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 2);
        String token = fixture.unsubscribeToken(world);
        var mvc = MockMvcBuilders.webAppContextSetup(web)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        String path = "/unsubscribe/one-click/" + world.clinic().id() + "/" + token;

        mvc.perform(MockMvcRequestBuilders.post(path)
                        .contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andExpect(MockMvcResultMatchers.status().isOk());
        assertThat(fixture.pending(world)).isEmpty();

        mvc.perform(MockMvcRequestBuilders.post(
                        "/unsubscribe/one-click/" + world.clinic().id() + "/wrong"))
                .andExpect(MockMvcResultMatchers.status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.get(path))
                .andExpect(MockMvcResultMatchers.status().isSeeOther())
                .andExpect(MockMvcResultMatchers.header().string("Location",
                        "/unsubscribe/" + world.clinic().id() + "/" + token));
    }

    @Test
    void changing_the_plan_moves_its_pending_reminders_and_ending_it_cancels_them() {
        UUID plan = fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 3);
        world.therapist().signIn();
        var changed = fixture.homework.plan(plan);
        var schedule = changed.schedule();
        fixture.homework.replan(plan, new AssignmentPlan(changed.title(), changed.rationale(),
                changed.what(), changed.when(), changed.where(), new Schedule(schedule.kind(),
                schedule.start(), schedule.end(), schedule.times(), LocalTime.of(20, 30), schedule.weekdays(),
                schedule.everyDays(), schedule.zone()), changed.obstacles(), changed.obstacleOther(),
                changed.backupPlan(), changed.confidence(), changed.confidencePrompted(), changed.planChanged(),
                changed.difficulty(), changed.goalId()));

        assertThat(fixture.pending(world)).hasSize(3)
                .extracting(r -> r.getDueAt().atZone(BERLIN).toLocalTime()).containsOnly(LocalTime.of(20, 30));

        fixture.homework.end(plan);

        assertThat(fixture.pending(world)).isEmpty();
        assertThat(fixture.remindersOf(world)).extracting(Reminder::getState).containsOnly(ReminderState.CANCELLED);
    }

    @Test
    void nothing_goes_to_archived_clients_deactivated_accounts_or_suspended_clinics() {
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 3);
        world.therapist().signIn();
        clientService.archive(world.clientId());
        assertThat(fixture.pending(world)).isEmpty();
        assertThat(fixture.remindersOf(world)).extracting(Reminder::getLastError).containsOnly("client-not-active");
        clientService.restore(world.clientId());
        assertThat(fixture.pending(world)).hasSize(3);

        var admin = fixture.clinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        accountService.deactivate(world.client().accountId());
        TestUsers.signOut();
        clock.moveTo(fixture.pending(world).getFirst().getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        assertThat(fixture.remindersOf(world)).filteredOn(r -> r.getState() == ReminderState.CANCELLED)
                .extracting(Reminder::getLastError).contains("account-not-active");

        admin.signIn();
        accountService.reactivate(world.client().accountId());
        TestUsers.signOut();
        clinicDirectory.suspend(world.clinic().id());
        clock.moveTo(fixture.pending(world).getFirst().getDueAt().plusSeconds(5));
        delivery.deliverDue(world.clinic().id());
        assertThat(fixture.remindersOf(world)).filteredOn(r -> r.getState() == ReminderState.CANCELLED)
                .extracting(Reminder::getLastError).contains("clinic-not-active");
        assertThat(Mails.to(greenMail, world.email())).hasSize(1); // the invitation only
    }

    @Test
    void with_the_weekly_summary_on_clients_with_homework_ahead_get_a_week_ahead_email_on_sunday() throws Exception {
        var admin = fixture.clinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        var rules = reminderService.clinicSettings();
        reminderService.updateClinicRules(true, rules.quietStart(), rules.quietEnd(), 0, 0, true);
        fixture.assignDaily(world, BEFORE_DST, LocalTime.of(19, 0), 5);

        Instant sunday = Instant.parse("2027-03-28T16:00:00Z"); // 18:00 in Berlin, on summer time
        assertThat(fixture.pending(world)).filteredOn(r -> r.getKind() == ReminderKind.WEEKLY)
                .singleElement().satisfies(r -> assertThat(r.getDueAt()).isEqualTo(sunday));

        clock.moveTo(sunday.plusSeconds(5));
        delivery.deliverDue(world.clinic().id());

        assertThat(Mails.awaitTo(greenMail, world.email(), 2).stream().map(Mails::text))
                .anyMatch(t -> t.contains("Your week ahead: you have homework planned in your portal this week."));
        assertThat(fixture.pending(world)).noneMatch(r -> r.getKind() == ReminderKind.WEEKLY); // nothing due the week after
    }
}
