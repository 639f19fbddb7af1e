package app.homeward.homework;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.ClientStatus;
import app.homeward.client.NewClient;
import app.homeward.homework.adherence.CaseloadOverview;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.AnswerProblems;
import app.homeward.homework.portal.HomeworkCard;
import app.homeward.homework.portal.OpenEntry;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.ProgressService;
import app.homeward.homework.portal.ProgressService.PastEntry;
import app.homeward.homework.portal.SavedDraft;
import app.homeward.homework.portal.Submitted;
import app.homeward.homework.portal.TodayPage;
import app.homeward.homework.review.EntryDetail;
import app.homeward.homework.review.ReviewItem;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.FieldProblem;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The whole homework loop through the services, as the therapist and the client live it: adding a
 * client (the invitation arrives in their language), accepting, a plan made in session, the client's
 * day, drafts with their lock chain, submitting, reflecting, asking for a change, the review queue
 * and feedback, and a PHQ-9 safety alert with its discreet email and noted acknowledgement.
 */
public class HomeworkLoopTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("America/Mexico_City");
    static final LocalTime LATE = LocalTime.of(23, 59);
    static final String RATIONALE = "Writing the thought down slows it, so you can check how true it is.";

    @Autowired ClientService clientService;
    @Autowired InvitationService invitations;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ReviewService reviews;
    @Autowired CaseloadOverview caseloads;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired ProgressService progressService;
    @Autowired JdbcTemplate jdbc;

    ClinicBranding clinic;
    TestAccount therapist;
    String clientEmail;
    String clientName;
    UUID clientId;
    HomewardUser client;

    @BeforeEach
    void aTherapistWithAClientWhoAcceptedTheInvitation() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        clientEmail = TestClinics.randomEmail();
        clientName = "Lucía Zyx" + TestClinics.random(6);
        therapist.signIn();
        clientId = clientService.add(new NewClient(clientName, clientEmail, ZONE.getId(), "es", null, false)).id();
        client = accept(clinic, clientEmail, clientName);
        therapist.signIn();
    }

    // ------------------------------------------------------------------ joining

    @Test
    void adding_a_client_emails_the_invitation_in_their_language_and_accepting_links_the_account() {
        MimeMessage invitation = Mails.awaitTo(greenMail, clientEmail, 1).getFirst();
        assertThat(Mails.subject(invitation)).isEqualTo("Te han invitado a " + clinic.name() + " en Homeward");
        assertThat(Mails.text(invitation)).contains("te invita a tu portal de tareas").doesNotContain("equipo").contains(clinic.name())
                .contains("http://localhost:8080/c/" + clinic.slug() + "/invite/");
        assertThat(client.role()).isEqualTo(Role.CLIENT);
        assertThat(client.clinicId()).isEqualTo(clinic.id());

        therapist.signIn();
        ClientProfile profile = clientService.profile(clientId);

        assertThat(profile.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(profile.accountId()).isEqualTo(client.accountId());
        assertThat(profile.therapistId()).isEqualTo(therapist.id());
        assertThat(profile.timeZone()).isEqualTo(ZONE);
        assertThat(profile.language()).isEqualTo("es");
        assertThat(profile.lastActivityAt()).isNotNull();
        assertThatThrownBy(() -> clientService.resendInvitation(clientId))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("client.already-joined"));
        assertThatThrownBy(() -> clientService.add(new NewClient("Again", clientEmail.toUpperCase(Locale.ROOT),
                ZONE.getId(), "es", null, false)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.messageKey()).isEqualTo("client.exists");
                });
        TestUsers.signInAs(client);
        assertThat(clientService.me().id()).isEqualTo(clientId);
    }

    // ------------------------------------------------------------------ the plan and the client's day

    @Test
    void the_plan_made_in_session_is_kept_and_the_client_sees_it_due_now_rationale_first() {
        UUID assignment = assignThoughtRecord();

        AssignmentPlan kept = homework.plan(assignment);
        assertThat(kept.rationale()).isEqualTo(RATIONALE);
        assertThat(kept.what()).isEqualTo("One thought record after a stressful moment");
        assertThat(kept.when()).isEqualTo("After dinner");
        assertThat(kept.where()).isEqualTo("At the kitchen table");
        assertThat(kept.obstacles()).containsExactlyInAnyOrder(Obstacle.FORGETTING, Obstacle.NO_TIME);
        assertThat(kept.backupPlan()).isEqualTo("If I forget, I do it before bed");
        assertThat(kept.confidence()).isEqualTo(5);
        assertThat(kept.confidencePrompted()).isTrue();
        assertThat(kept.planChanged()).isTrue();
        assertThat(kept.schedule().zone()).isEqualTo(ZONE);
        assertThat(homework.assignments(clientId)).singleElement().satisfies(a -> {
            assertThat(a.total()).isEqualTo(7);
            assertThat(a.upcoming()).isEqualTo(7);
            assertThat(a.status()).isEqualTo(AssignmentStatus.ACTIVE);
        });

        TestUsers.signInAs(client);
        TodayPage today = todayService.today();

        LocalDate day = today(ZONE);
        assertThat(today.dueNow()).singleElement().satisfies(card -> {
            assertThat(card.assignmentId()).isEqualTo(assignment);
            assertThat(card.title()).isEqualTo("Thought record");
            assertThat(card.rationale()).isEqualTo(RATIONALE);
            assertThat(card.what()).isEqualTo("One thought record after a stressful moment");
            assertThat(card.backupPlan()).isEqualTo("If I forget, I do it before bed");
            assertThat(card.due()).isEqualTo(ZonedDateTime.of(day, LATE, ZONE));
            assertThat(card.state()).isEqualTo(OccurrenceState.DUE);
            assertThat(card.entryState()).isNull();
        });
        assertThat(today.overdue()).isEmpty();
        // a daily plan shows its next occurrence in "coming up", not one card per day
        assertThat(today.comingUp()).singleElement().satisfies(card -> {
            assertThat(card.state()).isEqualTo(OccurrenceState.UPCOMING);
            assertThat(card.due().toLocalDate()).isEqualTo(today.dueNow().getFirst().due().toLocalDate().plusDays(1));
        });

        OpenEntry opened = entryService.open(today.dueNow().getFirst().occurrenceId());
        assertThat(opened.document().title()).isEqualTo("Thought record");
        assertThat(opened.document().fields()).extracting(f -> f.key()).contains("records");
        assertThat(opened.answers()).isEmpty();
        assertThat(opened.lock()).isNull();
        assertThat(opened.card().rationale()).isEqualTo(RATIONALE);
    }

    // ------------------------------------------------------------------ drafts

    @Test
    void drafts_follow_the_lock_chain_and_a_stale_lock_is_refused_without_losing_answers() {
        assignThoughtRecord();
        TestUsers.signInAs(client);
        UUID occurrence = dueNow();

        SavedDraft first = entryService.saveDraft(occurrence, partialRecord("On the bus"), null);
        SavedDraft second = entryService.saveDraft(occurrence, partialRecord("On the bus, going to work"), first.lock());

        assertThat(second.lock()).isNotEqualTo(first.lock());
        assertThatThrownBy(() -> entryService.saveDraft(occurrence, partialRecord("Another tab's text"), first.lock()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("entry.changed-elsewhere"));
        assertThatThrownBy(() -> entryService.saveDraft(occurrence, partialRecord("A tab opened before any save"), null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("entry.changed-elsewhere"));

        OpenEntry opened = entryService.open(occurrence);
        assertThat(opened.answers()).isEqualTo(partialRecord("On the bus, going to work"));
        assertThat(opened.lock()).isEqualTo(second.lock());
        assertThat(opened.state()).isEqualTo(EntryState.DRAFT);
        assertThat(opened.card().entryState()).isEqualTo(EntryState.DRAFT);
        SavedDraft third = entryService.saveDraft(occurrence, fullRecord(), opened.lock());
        assertThat(entryService.open(occurrence).lock()).isEqualTo(third.lock());
    }

    @Test
    void submitting_with_required_answers_missing_lists_them_and_keeps_the_draft() {
        assignThoughtRecord();
        TestUsers.signInAs(client);
        UUID occurrence = dueNow();
        SavedDraft draft = entryService.saveDraft(occurrence, partialRecord("On the bus"), null);

        AnswerProblems missingCells = catchThrowableOfType(AnswerProblems.class,
                () -> entryService.submit(occurrence, partialRecord("On the bus"), draft.lock()));
        AnswerProblems noRows = catchThrowableOfType(AnswerProblems.class,
                () -> entryService.submit(occurrence, Map.of(), draft.lock()));

        assertThat(missingCells.problems()).extracting(FieldProblem::fieldKey, FieldProblem::messageKey)
                .containsExactly(Tuple.tuple("records/0/feelings", "worksheet.answer.required"));
        assertThat(noRows.problems()).extracting(FieldProblem::fieldKey, FieldProblem::messageKey)
                .containsExactly(Tuple.tuple("records", "worksheet.answer.rows-required"));
        OpenEntry opened = entryService.open(occurrence);
        assertThat(opened.state()).isEqualTo(EntryState.DRAFT);
        assertThat(opened.lock()).isEqualTo(draft.lock());
        assertThat(opened.answers()).isEqualTo(partialRecord("On the bus"));
        assertThat(opened.card().state()).isEqualTo(OccurrenceState.DUE);
    }

    // ------------------------------------------------------------------ submitting and reflecting

    @Test
    void submitting_completes_the_occurrence_and_a_half_done_reflection_makes_it_partial() {
        assignThoughtRecord();
        TestUsers.signInAs(client);
        UUID occurrence = dueNow();
        SavedDraft draft = entryService.saveDraft(occurrence, partialRecord("On the bus"), null);

        Submitted submitted = entryService.submit(occurrence, fullRecord(), draft.lock());

        assertThat(submitted.alerted()).isFalse();
        assertThat(submitted.crisisMessage()).isNull();
        assertThat(entryService.open(occurrence).card().state()).isEqualTo(OccurrenceState.DONE);
        assertThat(entryService.open(occurrence).state()).isEqualTo(EntryState.SUBMITTED);
        assertThatThrownBy(() -> entryService.saveDraft(occurrence, fullRecord(), submitted.lock()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("entry.already-submitted"));

        entryService.reflect(occurrence, new Reflection(50, 6, 8, Set.of(Obstacle.NO_TIME), "Only did half"));

        OpenEntry opened = entryService.open(occurrence);
        assertThat(opened.card().state()).isEqualTo(OccurrenceState.PARTIAL);
        assertThat(opened.reflection()).isEqualTo(new Reflection(50, 6, 8, Set.of(Obstacle.NO_TIME), "Only did half"));
        assertThat(todayService.today().dueNow()).singleElement()
                .satisfies(card -> assertThat(card.state()).isEqualTo(OccurrenceState.PARTIAL));
        List<PastEntry> history = progressService.history();
        assertThat(history).singleElement().satisfies(past -> {
            assertThat(past.occurrenceId()).isEqualTo(occurrence);
            assertThat(past.title()).isEqualTo("Thought record");
            assertThat(past.percentDone()).isEqualTo(50);
            assertThat(past.hasFeedback()).isFalse();
            assertThat(past.submittedAt().getZone()).isEqualTo(ZONE);
        });
        therapist.signIn();
        assertThat(homework.assignments(clientId)).singleElement().satisfies(a -> {
            assertThat(a.partial()).isEqualTo(1);
            assertThat(a.upcoming()).isEqualTo(6);
        });
    }

    @Test
    void a_reflection_before_submitting_is_refused() {
        assignThoughtRecord();
        TestUsers.signInAs(client);
        UUID occurrence = dueNow();
        entryService.saveDraft(occurrence, partialRecord("On the bus"), null);

        assertThatThrownBy(() -> entryService.reflect(occurrence, new Reflection(100, null, null, null, null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("entry.not-submitted"));
        assertThat(entryService.open(occurrence).card().state()).isEqualTo(OccurrenceState.DUE);
    }

    @Test
    void asking_for_a_change_reaches_the_therapists_client_page() {
        UUID assignment = assignThoughtRecord();
        TestUsers.signInAs(client);

        entryService.requestChange(assignment, ChangeReason.TOO_HARD, "Seven columns are a lot after work");
        assertThatThrownBy(() -> entryService.requestChange(assignment, ChangeReason.OTHER, " "))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("note"));

        therapist.signIn();
        assertThat(reviews.changeRequests(clientId)).singleElement().satisfies(r -> {
            assertThat(r.assignmentId()).isEqualTo(assignment);
            assertThat(r.assignmentTitle()).isEqualTo("Thought record");
            assertThat(r.reason()).isEqualTo(ChangeReason.TOO_HARD);
            assertThat(r.note()).isEqualTo("Seven columns are a lot after work");
            assertThat(r.resolvedAt()).isNull();
        });
        assertThat(homework.assignments(clientId)).singleElement()
                .satisfies(a -> assertThat(a.openChangeRequests()).isEqualTo(1));

        reviews.resolveChangeRequest(reviews.changeRequests(clientId).getFirst().id());
        assertThat(reviews.changeRequests(clientId).getFirst().resolvedAt()).isNotNull();
        assertThat(homework.assignments(clientId).getFirst().openChangeRequests()).isZero();
    }

    // ------------------------------------------------------------------ review

    @Test
    void the_therapist_reviews_entries_oldest_first_and_the_client_sees_the_feedback() {
        assignThoughtRecord();
        UUID moodLog = homework.assign(clientId, "mood-log", plan("Mood log", Schedule.once(today(ZONE), LATE, ZONE)));
        TestUsers.signInAs(client);
        UUID thoughtOccurrence = dueNow("Thought record");
        UUID moodOccurrence = dueNow("Mood log");
        entryService.submit(thoughtOccurrence, fullRecord(), null);
        entryService.reflect(thoughtOccurrence, new Reflection(50, 6, 8, Set.of(Obstacle.NO_TIME), "Only did half"));
        pause();
        entryService.submit(moodOccurrence, Map.of("date", today(ZONE).toString(), "mood", 6), null);

        therapist.signIn();
        List<ReviewItem> queue = reviews.reviewQueue();

        assertThat(queue).extracting(ReviewItem::title).containsExactly("Thought record", "Mood log");
        assertThat(queue).allSatisfy(item -> {
            assertThat(item.clientId()).isEqualTo(clientId);
            assertThat(item.clientName()).isEqualTo(clientName);
        });
        assertThat(queue.getFirst().submittedAt()).isBefore(queue.getLast().submittedAt());
        assertThat(queue.getFirst().percentDone()).isEqualTo(50);
        assertThat(reviews.entriesOf(clientId)).extracting(ReviewItem::title).containsExactly("Mood log", "Thought record");
        assertThat(caseloads.caseload(null, false, false, 0, 50)).filteredOn(r -> r.client().id().equals(clientId))
                .singleElement().satisfies(row -> {
                    assertThat(row.unreviewed()).isEqualTo(2);
                    assertThat(row.openAlerts()).isZero();
                });

        UUID entryId = queue.getFirst().entryId();
        EntryDetail detail = reviews.entry(entryId);
        assertThat(detail.clientId()).isEqualTo(clientId);
        assertThat(detail.title()).isEqualTo("Thought record");
        assertThat(detail.answers()).isEqualTo(fullRecord());
        assertThat(detail.reflection()).isEqualTo(new Reflection(50, 6, 8, Set.of(Obstacle.NO_TIME), "Only did half"));
        assertThat(detail.reviewedAt()).isNull();
        assertThat(detail.document().title()).isEqualTo("Thought record");

        reviews.review(entryId, "Lovely balanced thought.", Map.of("records", "Great evidence column"));

        assertThat(reviews.reviewQueue()).extracting(ReviewItem::entryId).doesNotContain(entryId)
                .hasSize(1);
        EntryDetail reviewed = reviews.entry(entryId);
        assertThat(reviewed.reviewedAt()).isNotNull();
        assertThat(reviewed.feedback()).isEqualTo("Lovely balanced thought.");
        assertThat(reviewed.answerFeedback()).containsExactly(Map.entry("records", "Great evidence column"));

        TestUsers.signInAs(client);
        OpenEntry opened = entryService.open(thoughtOccurrence);
        assertThat(opened.feedback()).isEqualTo("Lovely balanced thought.");
        assertThat(opened.answerFeedback()).containsExactly(Map.entry("records", "Great evidence column"));
        assertThat(entryService.open(moodOccurrence).feedback()).isNull();
        assertThat(progressService.history()).filteredOn(p -> p.occurrenceId().equals(thoughtOccurrence)).singleElement()
                .satisfies(p -> assertThat(p.hasFeedback()).isTrue());
        assertThat(moodLog).isNotNull();
    }

    @Test
    void feedback_written_in_paragraphs_reaches_the_client_without_words_run_together() {
        assignThoughtRecord();
        TestUsers.signInAs(client);
        UUID occurrence = dueNow();
        entryService.submit(occurrence, fullRecord(), null);
        entryService.reflect(occurrence, new Reflection(100, null, null, null, "It went well.\nI felt calmer after."));
        therapist.signIn();
        UUID entryId = reviews.entriesOf(clientId).getFirst().entryId();

        reviews.review(entryId, "Well done.\nNext time, add the evidence against.", Map.of());

        TestUsers.signInAs(client);
        OpenEntry opened = entryService.open(occurrence);
        assertThat(opened.feedback()).contains("Well done.").contains("Next time").doesNotContain("done.Next");
        assertThat(opened.reflection().note()).doesNotContain("well.I");
    }

    // ------------------------------------------------------------------ safety alerts

    @Test
    void a_phq9_self_harm_answer_raises_an_alert_queues_a_discreet_email_and_needs_a_noted_acknowledgement() {
        homework.assign(clientId, "phq-9", plan("Mood check-in", Schedule.once(today(ZONE), LATE, ZONE)));
        TestUsers.signInAs(client);
        UUID occurrence = dueNow();

        AnswerProblems missing = catchThrowableOfType(AnswerProblems.class,
                () -> entryService.submit(occurrence, Map.of("item9", "several-days"), null));
        assertThat(missing.problems()).extracting(FieldProblem::fieldKey)
                .containsExactly("item1", "item2", "item3", "item4", "item5", "item6", "item7", "item8");

        Submitted submitted = entryService.submit(occurrence, phq9("several-days"), null);

        assertThat(submitted.alerted()).isTrue();
        therapist.signIn();
        List<AlertSummary> open = safetyAlerts.openAlerts();
        assertThat(open).singleElement().satisfies(alert -> {
            assertThat(alert.clientId()).isEqualTo(clientId);
            assertThat(alert.clientName()).isEqualTo(clientName);
            assertThat(alert.value()).isEqualTo(1);
            assertThat(alert.acknowledgedAt()).isNull();
        });
        assertThat(reviews.reviewQueue()).singleElement().satisfies(item -> {
            assertThat(item.alerts()).isEqualTo(1);
            assertThat(item.score()).isEqualTo(1);
            assertThat(item.band()).isEqualTo("Minimal");
        });
        assertThat(caseloads.caseload(null, false, false, 0, 50)).filteredOn(r -> r.client().id().equals(clientId))
                .singleElement().satisfies(row -> assertThat(row.openAlerts()).isEqualTo(1));

        // "a client needs your attention" is in the outbox, written with the alert; its delivery and its
        // wording (nothing clinical) are ReminderDeliveryTest's
        assertThat(jdbc.queryForList("select kind from reminder where clinic_id = ? and account_id = ? and state = 'PENDING'",
                String.class, clinic.id().toString(), therapist.id().toString())).containsExactly("ALERT");

        UUID alertId = open.getFirst().id();
        assertThatThrownBy(() -> safetyAlerts.acknowledge(alertId, "  "))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("note");
                    assertThat(e.messageKey()).isEqualTo("validation.required");
                });
        assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::id).contains(alertId);

        safetyAlerts.acknowledge(alertId, "Called the client; safety plan reviewed.");

        assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::id).doesNotContain(alertId);
        assertThat(safetyAlerts.alertsOf(clientId)).singleElement().satisfies(alert -> {
            assertThat(alert.acknowledgedAt()).isNotNull();
            assertThat(alert.note()).isEqualTo("Called the client; safety plan reviewed.");
        });
        assertThatThrownBy(() -> safetyAlerts.acknowledge(alertId, "again"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("alert.already-acknowledged"));
    }

    @Test
    void a_phq9_without_self_harm_thoughts_raises_no_alert() {
        homework.assign(clientId, "phq-9", plan("Mood check-in", Schedule.once(today(ZONE), LATE, ZONE)));
        TestUsers.signInAs(client);

        Submitted submitted = entryService.submit(dueNow(), phq9("not-at-all"), null);

        assertThat(submitted.alerted()).isFalse();
        assertThat(submitted.crisisMessage()).isNull();
        therapist.signIn();
        assertThat(safetyAlerts.alertsOf(clientId)).isEmpty();
    }

    // ------------------------------------------------------------------ changing and ending plans

    @Test
    void replanning_keeps_a_started_occurrence_and_does_not_double_its_day() {
        LocalDate tomorrow = today(ZONE).plusDays(1);
        UUID assignment = homework.assign(clientId, "thought-record",
                plan("Thought record", new Schedule(Schedule.Kind.DAILY, tomorrow, null, 3, LocalTime.of(20, 0), null, null, ZONE)));
        TestUsers.signInAs(client);
        UUID started = todayService.today().comingUp().stream().filter(c -> c.due().toLocalDate().equals(tomorrow))
                .findFirst().orElseThrow().occurrenceId();
        entryService.saveDraft(started, partialRecord("Started early"), null);

        therapist.signIn();
        homework.replan(assignment, plan("Thought record (shorter)",
                new Schedule(Schedule.Kind.DAILY, tomorrow, null, 3, LocalTime.of(20, 0), null, null, ZONE)));

        assertThat(homework.assignments(clientId)).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Thought record (shorter)");
            assertThat(a.total()).as("one occurrence per day of the plan").isEqualTo(3);
        });
        TestUsers.signInAs(client);
        List<HomeworkCard> tomorrowsCards = todayService.today().comingUp().stream()
                .filter(c -> c.due().toLocalDate().equals(tomorrow)).toList();
        assertThat(tomorrowsCards).extracting(HomeworkCard::occurrenceId).containsExactly(started);
        assertThat(entryService.open(started).answers()).isEqualTo(partialRecord("Started early"));
    }

    @Test
    void ending_an_assignment_removes_what_is_still_to_come_and_keeps_history() {
        UUID assignment = assignThoughtRecord();
        TestUsers.signInAs(client);
        UUID today = dueNow();
        entryService.submit(today, fullRecord(), null);

        therapist.signIn();
        homework.end(assignment);

        assertThat(homework.assignments(clientId)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AssignmentStatus.ENDED);
            assertThat(a.total()).isEqualTo(1);
            assertThat(a.done()).isEqualTo(1);
        });
        assertThatThrownBy(() -> homework.end(assignment))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("assignment.ended"));
        TestUsers.signInAs(client);
        assertThat(todayService.today().comingUp()).isEmpty();
        assertThat(progressService.history()).extracting(PastEntry::occurrenceId).containsExactly(today);
    }

    // ------------------------------------------------------------------ helpers

    private UUID assignThoughtRecord() {
        therapist.signIn();
        Schedule daily = new Schedule(Schedule.Kind.DAILY, today(ZONE), null, 7, LATE, null, null, ZONE);
        return homework.assign(clientId, "thought-record", plan("Thought record", daily));
    }

    static AssignmentPlan plan(String title, Schedule schedule) {
        return new AssignmentPlan(title, RATIONALE, "One thought record after a stressful moment", "After dinner",
                "At the kitchen table", schedule, Set.of(Obstacle.FORGETTING, Obstacle.NO_TIME), "",
                "If I forget, I do it before bed", 5, true, true, 2, null);
    }

    private UUID dueNow() {
        return todayService.today().dueNow().getFirst().occurrenceId();
    }

    private UUID dueNow(String title) {
        return todayService.today().dueNow().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow()
                .occurrenceId();
    }

    static Map<String, Object> partialRecord(String situation) {
        return Map.of("records", List.of(Map.of("situation", situation)));
    }

    static Map<String, Object> fullRecord() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("situation", "On the bus, going to work");
        row.put("feelings", "Anxious 70");
        row.put("thought", "Everyone is looking at me");
        row.put("for", "Someone glanced at me");
        row.put("against", "Most people were on their phones");
        row.put("balanced", "People are busy with their own lives");
        row.put("after", 40);
        return Map.of("records", List.of(row));
    }

    public static Map<String, Object> phq9(String item9) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put("item" + i, "not-at-all");
        }
        answers.put("item9", item9);
        return answers;
    }

    /** Waits for the client's invitation and accepts it as they would: signed out, with the emailed token. */
    private HomewardUser accept(ClinicBranding at, String email, String name) {
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).as("invitation to " + email).isNotEmpty();
        String token = Mails.token(Mails.text(mails.getLast()), at.slug(), "invite");
        TestUsers.signOut();
        return invitations.accept(at.slug(), token, name, "a-long-passphrase-" + TestClinics.random(8));
    }

    /**
     * Lets the clock pass the next whole second: on MariaDB, Connector/J reads the server version as
     * "5.5.5-10.11" and drops fractional seconds, so two events in the same second would tie.
     */
    static void pause() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
