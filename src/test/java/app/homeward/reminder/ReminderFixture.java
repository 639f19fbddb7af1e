package app.homeward.reminder;

import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.LinkTokens;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.internet.MimeMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the world reminder tests need through the real services: a clinic, a therapist, a client who
 * accepted their invitation (read from GreenMail), and a plan; and reads a clinic's reminder rows.
 */
@Component
public class ReminderFixture {

    public final TestClinics clinics;
    final ClientService clientService;
    final InvitationService invitations;
    final HomeworkPlans homework;
    final ReminderRepository reminders;
    final ReminderPreferenceRepository preferences;
    final ClinicReminderRules reminderRules;
    final TransactionTemplate tx;
    final Clock clock;
    final JdbcTemplate jdbc;

    ReminderFixture(TestClinics clinics, ClientService clientService, InvitationService invitations,
                    HomeworkPlans homework, ReminderRepository reminders, ReminderPreferenceRepository preferences,
                    ClinicReminderRules reminderRules, PlatformTransactionManager transactions,
                    Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.preferences = preferences;
        this.reminderRules = reminderRules;
        this.clinics = clinics;
        this.clientService = clientService;
        this.invitations = invitations;
        this.homework = homework;
        this.reminders = reminders;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A clinic with a therapist and one client who joined. */
    public World world(GreenMailOperations greenMail, ZoneId zone, String language) {
        ClinicBranding clinic = clinics.clinic();
        TestAccount therapist = clinics.account(clinic, Role.THERAPIST);
        return join(greenMail, clinic, therapist, zone, language);
    }

    public World join(GreenMailOperations greenMail, ClinicBranding clinic, TestAccount therapist, ZoneId zone, String language) {
        String email = TestClinics.randomEmail();
        String name = "Robin Qx" + TestClinics.random(5);
        therapist.signIn();
        UUID clientId = clientService.add(new NewClient(name, email, zone.getId(), language, null, false)).id();
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        String token = Mails.token(Mails.text(mails.getLast()), clinic.slug(), "invite");
        TestUsers.signOut();
        HomewardUser client = invitations.accept(clinic.slug(), token, name, "a-long-passphrase-" + TestClinics.random(8));
        return new World(clinic, therapist, clientId, client, email, name, zone);
    }

    /** A daily plan at a local time, from a start date, so many times. */
    public UUID assignDaily(World world, LocalDate start, LocalTime at, int times) {
        world.therapist().signIn();
        Schedule daily = new Schedule(Schedule.Kind.DAILY, start, null, times, at, null, null, world.zone());
        return homework.assign(world.clientId(), "thought-record", new AssignmentPlan("Secret title Zq",
                "Writing it down helps.", "One record", "After dinner", "Kitchen", daily, Set.of(Obstacle.FORGETTING),
                "", "", 8, false, false, 2, null));
    }

    /** The clinic's reminder rows of a client, by due time. */
    /** When the client's pending reminders are due (for tests outside this package). */
    public List<Instant> pendingDueTimes(World world) {
        return pending(world).stream().map(Reminder::getDueAt).toList();
    }

    List<Reminder> remindersOf(World world) {
        return TenantContext.callAs(world.clinic().id(), () -> tx.execute(s -> reminders.findAll().stream()
                .filter(r -> world.clientId().equals(r.getClientId()))
                .sorted(Comparator.comparing(Reminder::getDueAt)).toList()));
    }

    /**
     * The unsubscribe secret of a reminder email the client got: a sent outbox row with the secret's hash,
     * as delivery leaves it (tests that need a real email read the link from it instead).
     */
    public String unsubscribeToken(World world) {
        String token = LinkTokens.newToken();
        TenantContext.runAs(world.clinic().id(), () -> tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            Reminder sent = Reminder.forClient(ReminderKind.REMIND_NOW, world.clientId(), null, now, now);
            sent.issueUnsubscribe(LinkTokens.hash(token));
            sent.sent(now);
            reminders.save(sent);
        }));
        return token;
    }

    /**
     * An unsubscribe secret from before version 6 (one per client, in emails already sent), as the V6
     * migration leaves it: only its hash, on the client's preference row.
     */
    public String legacyUnsubscribeToken(World world) {
        String token = LinkTokens.newToken().substring(0, 32); // the old secrets had 24 bytes
        TenantContext.runAs(world.clinic().id(), () -> tx.executeWithoutResult(s -> preferences.findByClientId(
                world.clientId()).orElseGet(() -> preferences.save(new ReminderPreference(world.clientId(),
                reminderRules.of(world.clinic().id()).orElseThrow(), clock.instant())))));
        // only the migration ever writes this column
        jdbc.update("update reminder_preference set legacy_unsubscribe_hash = ? where clinic_id = ? and client_id = ?",
                LinkTokens.hash(token), world.clinic().id().toString(), world.clientId().toString());
        return token;
    }

    /** A staff member's digest rows: "STATE reason @due". */
    public List<String> digestsOf(World world, UUID accountId) {
        return staffRemindersOf(world, accountId).stream().filter(r -> r.getKind() == ReminderKind.DIGEST)
                .map(r -> r.getState() + " " + r.getLastError() + " @" + r.getDueAt()).toList();
    }

    /** A PHQ-9 due once, on {@code day} at 20:00 in the client's zone. */
    public UUID assignPhq9Once(World world, LocalDate day) {
        world.therapist().signIn();
        return homework.assign(world.clientId(), "phq-9", new AssignmentPlan("Secret mood Zq",
                "Numbers instead of guesses.", "", "", "", Schedule.once(day, LocalTime.of(20, 0), world.zone()),
                Set.of(), "", "", 8, false, false, 1, null));
    }

    /** A staff member's outbox rows of every kind (digests, safety alert notices), by due time. */
    List<Reminder> staffRemindersOf(World world, UUID accountId) {
        return TenantContext.callAs(world.clinic().id(), () -> tx.execute(s -> reminders.findAll().stream()
                .filter(r -> accountId.equals(r.getAccountId()))
                .sorted(Comparator.comparing(Reminder::getDueAt)).toList()));
    }

    /** The bound clinic's outbox rows of one kind, by due time. */
    List<Reminder> remindersOfKind(ReminderKind kind) {
        return tx.execute(s -> reminders.findAll().stream().filter(r -> r.getKind() == kind)
                .sorted(Comparator.comparing(Reminder::getDueAt)).toList());
    }

    List<Reminder> pending(World world) {
        return remindersOf(world).stream().filter(r -> r.getState() == ReminderState.PENDING).toList();
    }

    /** A complete thought record (the built-in worksheet the plans use). */
    public static Map<String, Object> thoughtRecord() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("situation", "On the bus");
        row.put("feelings", "Anxious 70");
        row.put("thought", "Everyone is looking at me");
        row.put("for", "Someone glanced at me");
        row.put("against", "Most people were on their phones");
        row.put("balanced", "People are busy with their own lives");
        row.put("after", 40);
        return Map.of("records", List.of(row));
    }

    public record World(ClinicBranding clinic, TestAccount therapist, UUID clientId, HomewardUser client, String email,
                 String name, ZoneId zone) {
    }
}
