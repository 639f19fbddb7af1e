package app.homeward.privacy;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.TestTime;
import app.homeward.base.Messages;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.ChangeReason;
import app.homeward.homework.HomeworkSettingsService;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Reflection;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayPage;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewService;
import app.homeward.mail.MailIdentities;
import app.homeward.reminder.AlertEscalation;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.reminder.ReminderFixture;
import app.homeward.reminder.ReminderService;
import app.homeward.safety.ClientScores;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.AccountDirectory;
import app.homeward.security.Role;
import app.homeward.security.SessionService;
import app.homeward.security.TestUsers;
import app.homeward.security.TokenPurpose;
import app.homeward.tenancy.TenantContext;
import app.homeward.worksheet.Draft;
import app.homeward.worksheet.Sharing;
import app.homeward.worksheet.WorksheetService;
import com.icegreen.greenmail.base.GreenMailOperations;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A clinic with something in every one of its tables, through the real services: an admin, a therapist,
 * a client who joined and did homework (a thought record with a reflection and the therapist's review, a
 * PHQ-9 that raised a safety alert, a clinic worksheet copied from a built-in, a draft), a goal, a change
 * request, a step ladder and a choice of tasks, reminder choices, a pending invitation, a password-reset
 * token, the clinic's retention rule, sign-out limits and alert escalation time, a discreet sender, an erasure
 * request and a finished clinic export.
 */
@Component
public class DataRightsFixture {

    public static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    final TestClinics clinics;
    final ReminderFixture reminders;
    final ClientService clientService;
    final HomeworkPlans homework;
    final ReviewService reviews;
    final HomeworkSettingsService homeworkSettings;
    final TodayService todayService;
    final EntryService entryService;
    final ReminderService reminderService;
    final WorksheetService worksheets;
    final AccountDirectory accounts;
    final PrivacyService privacy;
    final Clock clock;
    final SessionService sessionLimits;
    final MailIdentities mailIdentities;
    final AlertEscalation alertEscalation;
    final ClinicSafety clinicSafety;

    DataRightsFixture(TestClinics clinics, ReminderFixture reminders, ClientService clientService,
                      HomeworkPlans homework, TodayService todayService, EntryService entryService,
                      ReminderService reminderService,
                      WorksheetService worksheets, AccountDirectory accounts, PrivacyService privacy, Clock clock,
                      SessionService sessionLimits, MailIdentities mailIdentities, AlertEscalation alertEscalation,
                      ClinicSafety clinicSafety, ReviewService reviews,
                      HomeworkSettingsService homeworkSettings) {
        this.homeworkSettings = homeworkSettings;
        this.reviews = reviews;
        this.alertEscalation = alertEscalation;
        this.clinicSafety = clinicSafety;
        this.sessionLimits = sessionLimits;
        this.mailIdentities = mailIdentities;
        this.clinics = clinics;
        this.reminders = reminders;
        this.clientService = clientService;
        this.homework = homework;
        this.todayService = todayService;
        this.entryService = entryService;
        this.reminderService = reminderService;
        this.worksheets = worksheets;
        this.accounts = accounts;
        this.privacy = privacy;
        this.clock = clock;
    }

    /** A clinic's people: the world of the reminder fixture (therapist, client who joined) and an admin. */
    public record Clinic(World world, TestAccount admin, String language) {

        public UUID clinicId() {
            return world.clinic().id();
        }

        public UUID clientId() {
            return world.clientId();
        }

        public void signInClient() {
            TestUsers.signInAs(world.client());
        }
    }

    /** A client who joined, with an admin and a therapist, and no homework yet. */
    public Clinic people(GreenMailOperations greenMail, String language) {
        World world = reminders.world(greenMail, ZONE, language);
        TestAccount admin = clinics.account(world.clinic(), Role.CLINIC_ADMIN);
        return new Clinic(world, admin, language);
    }

    /** The client's homework history: what their export must contain. */
    public void history(Clinic c) {
        World w = c.world();
        LocalDate today = TestTime.today(clock, ZONE);
        w.therapist().signIn();
        clientService.addGoal(w.clientId(), "Walk to the harbour every morning");
        UUID record = reminders.assignDaily(w, today, LocalTime.of(20, 0), 3);
        reminders.assignPhq9Once(w, today);
        UUID copy = worksheets.copyBuiltIn("mood-log");
        Draft draft = worksheets.openDraft(copy);
        worksheets.publish(copy, draft.lock(), draft.document(), Sharing.CLINIC);
        homework.assign(w.clientId(), copy.toString(), new AssignmentPlan("Mood log Qz", "Noticing patterns helps.",
                "Rate my mood", "Evenings", "At home", Schedule.once(today, LocalTime.of(21, 0), ZONE),
                Set.of(Obstacle.NO_TIME), "", "Do it at lunch", 7, false, false, 1, null));
        homework.assignLadder(w.clientId(), "exposure-practice", plan("Bus ladder", today.plusDays(1)),
                List.of("Stand at the bus stop", "Ride one stop"));
        homework.offerChoice(w.clientId(), List.of("worry-log", "sleep-diary"), plan("", today.plusDays(1)));

        c.signInClient();
        TodayPage now = todayService.today();
        UUID recordOccurrence = now.dueNow().stream().filter(card -> card.assignmentId().equals(record)).findFirst()
                .orElseThrow().occurrenceId();
        entryService.submit(recordOccurrence, ReminderFixture.thoughtRecord(), null);
        entryService.reflect(recordOccurrence, new Reflection(80, 6, 8, Set.of(Obstacle.NO_TIME), "Harder than I thought Qz"));
        UUID phq = now.dueNow().stream().filter(card -> card.title().startsWith("Secret mood")).findFirst().orElseThrow()
                .occurrenceId();
        entryService.submit(phq, AdherenceFixture.phq9("several-days"), null);
        UUID moodOccurrence = now.dueNow().stream().filter(card -> card.title().equals("Mood log Qz")).findFirst()
                .orElseThrow().occurrenceId();
        entryService.saveDraft(moodOccurrence, Map.of(), null);
        entryService.requestChange(record, ChangeReason.OTHER, "Evenings are busy Qz");
        reminderService.updateMine(true, LocalTime.of(19, 0), LocalTime.of(22, 0), LocalTime.of(7, 0), ZONE.getId(),
                c.language());
        reminderService.updatePlan(record, false, null);

        w.therapist().signIn();
        UUID entry = reviews.entriesOf(w.clientId()).stream().filter(e -> e.title().equals("Secret title Zq"))
                .findFirst().orElseThrow().entryId();
        reviews.review(entry, "Well spotted Qz", Map.of("records", "Good balance Qz"));
    }

    /** Everything else the clinic's tables hold: a pending invitation, a reset token, retention, an erasure request. */
    public void clinicRows(Clinic c) {
        c.world().therapist().signIn();
        clientService.add(new NewClient("Invited Person Qz", TestClinics.randomEmail(), ZONE.getId(), "en", null, false));
        TenantContext.runAs(c.clinicId(), () -> accounts.issueToken(c.world().therapist().id(), TokenPurpose.PASSWORD_RESET));
        c.admin().signIn();
        privacy.changeRetention(0);
        sessionLimits.updateClinicLimits(20, 8);
        mailIdentities.update(true, null);
        alertEscalation.change(8);
        clinicSafety.changeCrisisLines(Map.of(Messages.ENGLISH, "Call 0800 000 000."));
        clinicSafety.changeClientScores(ClientScores.NOTHING);
        homeworkSettings.change(6, 36);
        reminderService.updateClinicRules(true, LocalTime.of(22, 0), LocalTime.of(7, 0), 2, 4, false);
        c.signInClient();
        privacy.requestErasure();
        TestUsers.signOut();
    }

    static AssignmentPlan plan(String title, LocalDate start) {
        return new AssignmentPlan(title, "Small steps help.", "", "", "", Schedule.once(start, LocalTime.of(18, 0), ZONE),
                Set.of(), "", "", 8, false, false, 1, null);
    }
}
