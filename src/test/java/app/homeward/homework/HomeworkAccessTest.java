package app.homeward.homework;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.TestTime;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.base.TenantScopedEntity;
import app.homeward.base.Text;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.ClientStatus;
import app.homeward.client.Goal;
import app.homeward.client.GoalStatus;
import app.homeward.client.NewClient;
import app.homeward.homework.adherence.CaseloadOverview;
import app.homeward.homework.adherence.CaseloadRow;
import app.homeward.homework.plan.AssignmentSummary;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkCard;
import app.homeward.homework.portal.ProgressService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewItem;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Who may see and change which homework: a therapist only their own clients, a clinic admin every
 * client of the clinic, a client only their own occurrences, and nobody anything of another clinic,
 * down to the repositories. Archived clients are read-only; hostile text is stored as text or
 * refused with a message; impossible schedules are refused on their field.
 */
class HomeworkAccessTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final LocalTime LATE = LocalTime.of(23, 59);
    /** An upper bound for "any time": instants beyond what a database column holds would not bind. */
    static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired ClientService clientService;
    @Autowired InvitationService invitations;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ReviewService reviews;
    @Autowired CaseloadOverview caseloads;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired ProgressService progressService;
    @Autowired AssignmentRepository assignmentRepository;
    @Autowired OccurrenceRepository occurrenceRepository;
    @Autowired EntryRepository entryRepository;
    @Autowired ChangeRequestRepository changeRequestRepository;
    @Autowired SafetyAlertRepository alertRepository;
    @Autowired TransactionTemplate tx;
    @Autowired EntityManager entityManager;

    ClinicBranding clinicA;
    ClinicBranding clinicB;
    TestAccount therapist1;
    TestAccount therapist2;
    TestAccount adminA;
    TestAccount therapistB;
    TestAccount adminB;

    @BeforeEach
    void twoClinicsWithStaff() {
        clinicA = testClinics.clinic();
        clinicB = testClinics.clinic();
        therapist1 = testClinics.account(clinicA, Role.THERAPIST);
        therapist2 = testClinics.account(clinicA, Role.THERAPIST);
        adminA = testClinics.account(clinicA, Role.CLINIC_ADMIN);
        therapistB = testClinics.account(clinicB, Role.THERAPIST);
        adminB = testClinics.account(clinicB, Role.CLINIC_ADMIN);
    }

    // ------------------------------------------------------------------ therapists and admins

    @Test
    void a_therapist_cannot_see_or_change_another_therapists_client() {
        Homework a = homeworkWithAnAlert(therapist1, "Client of therapist one");
        therapist2.signIn();

        for (ThrowingCallable call : everyStaffCallOn(a)) {
            assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
        }
        assertThat(caseloads.caseload(null, true, false, 0, 500)).extracting(r -> r.client().id()).doesNotContain(a.clientId);
        assertThat(clientService.caseload(null, true, false, 0, 500)).extracting(ClientProfile::id).doesNotContain(a.clientId);
        assertThat(clientService.accessibleAmong(List.of(a.clientId))).isEmpty();
        assertThat(reviews.reviewQueue()).extracting(ReviewItem::entryId).doesNotContain(a.entryId);
        assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::id).doesNotContain(a.alertId);
        assertUntouched(therapist1, a);
    }

    @Test
    void a_clinic_admin_sees_every_client_of_the_clinic_and_can_reassign_them() {
        Homework a = homeworkWithAnAlert(therapist1, "Client of therapist one");
        adminA.signIn();

        assertThat(clientService.profile(a.clientId).therapistId()).isEqualTo(therapist1.id());
        assertThat(homework.assignments(a.clientId)).extracting(AssignmentSummary::id).containsExactly(a.assignmentId);
        assertThat(reviews.entry(a.entryId).clientId()).isEqualTo(a.clientId);
        assertThat(safetyAlerts.alertsOf(a.clientId)).extracting(AlertSummary::id).containsExactly(a.alertId);
        assertThat(reviews.changeRequests(a.clientId)).extracting(ChangeRequestSummary::id).containsExactly(a.changeRequestId);
        assertThat(caseloads.caseload(null, false, false, 0, 500)).extracting(r -> r.client().id()).contains(a.clientId);
        assertThat(caseloads.caseload(null, false, true, 0, 500)).as("the admin's own caseload only")
                .extracting(r -> r.client().id()).doesNotContain(a.clientId);
        assertThat(reviews.reviewQueue()).extracting(ReviewItem::entryId).contains(a.entryId);
        assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::id).contains(a.alertId);

        therapist1.signIn();
        assertThatThrownBy(() -> clientService.reassign(a.clientId, therapist2.id())).isInstanceOf(AccessDeniedException.class);
        adminA.signIn();
        for (UUID notATherapistHere : List.of(a.client.accountId(), therapistB.id(), UUID.randomUUID())) {
            assertThatThrownBy(() -> clientService.reassign(a.clientId, notATherapistHere))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("therapist"));
        }

        ClientProfile moved = clientService.reassign(a.clientId, therapist2.id());

        assertThat(moved.therapistId()).isEqualTo(therapist2.id());
        therapist2.signIn();
        assertThat(clientService.profile(a.clientId).therapistId()).isEqualTo(therapist2.id());
        assertThat(reviews.entry(a.entryId).clientId()).isEqualTo(a.clientId);
        assertThat(reviews.reviewQueue()).extracting(ReviewItem::entryId).contains(a.entryId);
        assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::id).contains(a.alertId);
        therapist1.signIn();
        assertThatThrownBy(() -> clientService.profile(a.clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reviews.entry(a.entryId)).isInstanceOf(NotFoundException.class);
        assertThat(reviews.reviewQueue()).extracting(ReviewItem::entryId).doesNotContain(a.entryId);
        assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::id).doesNotContain(a.alertId);
    }

    // ------------------------------------------------------------------ clients

    @Test
    void a_client_can_never_reach_another_clients_homework() {
        Homework a = homeworkWithAnAlert(therapist1, "First client");
        Homework other = homeworkWithAnAlert(therapist1, "Second client");
        UUID unsubmitted = openOccurrence(therapist1, a);
        TestUsers.signInAs(other.client);

        for (UUID occurrence : List.of(a.occurrenceId, unsubmitted)) {
            assertThatThrownBy(() -> entryService.open(occurrence)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> entryService.saveDraft(occurrence, Map.of(), null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> entryService.submit(occurrence, HomeworkLoopTest.phq9("not-at-all"), null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> entryService.reflect(occurrence, new Reflection(10, null, null, null, "mine now")))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> entryService.requestChange(a.assignmentId, ChangeReason.TOO_HARD, "not mine"))
                .isInstanceOf(NotFoundException.class);
        assertThat(todayService.today().dueNow()).extracting(HomeworkCard::assignmentId).doesNotContain(a.assignmentId);
        assertThat(progressService.history()).extracting(ProgressService.PastEntry::occurrenceId).doesNotContain(a.occurrenceId);

        TestUsers.signInAs(a.client);
        assertThat(entryService.open(a.occurrenceId).answers()).isEqualTo(HomeworkLoopTest.phq9("several-days"));
        assertThat(entryService.open(a.occurrenceId).reflection()).isNull();
        assertThat(entryService.open(unsubmitted).lock()).isNull();
        therapist1.signIn();
        assertThat(reviews.changeRequests(a.clientId)).hasSize(1);
    }

    @Test
    void clients_cannot_use_staff_services_and_staff_cannot_use_the_portal() {
        Homework a = homeworkWithAnAlert(therapist1, "A client");
        TestUsers.signInAs(a.client);

        assertThatThrownBy(() -> homework.assignments(a.clientId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.entry(a.entryId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.reviewQueue()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clientService.profile(a.clientId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clientService.caseload(null, false, false, 0, 10)).isInstanceOf(AccessDeniedException.class);

        therapist1.signIn();
        assertThatThrownBy(() -> todayService.today()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> entryService.open(a.occurrenceId)).isInstanceOf(AccessDeniedException.class);

        TestUsers.signOut();
        assertThatThrownBy(() -> todayService.today()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> safetyAlerts.openAlerts()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    // ------------------------------------------------------------------ another clinic

    @Test
    void clinic_b_staff_and_clients_see_nothing_of_clinic_a() {
        Homework a = homeworkWithAnAlert(therapist1, "Clinic A client");
        Homework b = homeworkWithAnAlert(therapistB, "Clinic B client");
        UUID unsubmitted = openOccurrence(therapist1, a);

        for (TestAccount staffB : List.of(adminB, therapistB)) {
            staffB.signIn();
            for (ThrowingCallable call : everyStaffCallOn(a)) {
                assertThatThrownBy(call).as(staffB.role().name()).isInstanceOf(NotFoundException.class);
            }
            assertThat(caseloads.caseload(null, true, false, 0, 500)).extracting(r -> r.client().id())
                    .contains(b.clientId).doesNotContain(a.clientId);
            assertThat(reviews.reviewQueue()).extracting(ReviewItem::entryId).contains(b.entryId).doesNotContain(a.entryId);
            assertThat(safetyAlerts.openAlerts()).extracting(AlertSummary::id).contains(b.alertId).doesNotContain(a.alertId);
            assertThat(clientService.accessibleAmong(List.of(a.clientId, b.clientId))).extracting(ClientProfile::id)
                    .containsExactly(b.clientId);
        }
        adminB.signIn();
        assertThatThrownBy(() -> clientService.reassign(a.clientId, therapistB.id())).isInstanceOf(NotFoundException.class);

        TestUsers.signInAs(b.client);
        for (UUID occurrence : List.of(a.occurrenceId, unsubmitted)) {
            assertThatThrownBy(() -> entryService.open(occurrence)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> entryService.saveDraft(occurrence, Map.of(), null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> entryService.submit(occurrence, HomeworkLoopTest.phq9("not-at-all"), null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> entryService.reflect(occurrence, new Reflection(10, null, null, null, null)))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> entryService.requestChange(a.assignmentId, ChangeReason.TOO_HARD, "x"))
                .isInstanceOf(NotFoundException.class);
        assertThat(todayService.today().dueNow()).extracting(HomeworkCard::assignmentId).containsExactly(b.assignmentId);

        assertUntouched(therapist1, a);
    }

    @Test
    void clinic_b_repositories_find_change_and_delete_nothing_of_clinic_a() {
        Homework a = homeworkWithAnAlert(therapist1, "Clinic A client");
        Homework b = homeworkWithAnAlert(therapistB, "Clinic B client");
        record Owned(String entity, JpaRepository<?, UUID> repository, UUID ofA, UUID ofB, String update) {
        }
        List<Owned> owned = List.of(
                new Owned("Assignment", assignmentRepository, a.assignmentId, b.assignmentId,
                        "update Assignment e set e.title = 'taken' where e.id = :id"),
                new Owned("Occurrence", occurrenceRepository, a.occurrenceId, b.occurrenceId,
                        "update Occurrence e set e.completedAt = null where e.id = :id"),
                new Owned("Entry", entryRepository, a.entryId, b.entryId,
                        "update Entry e set e.feedback = 'taken' where e.id = :id"),
                new Owned("ChangeRequest", changeRequestRepository, a.changeRequestId, b.changeRequestId,
                        "update ChangeRequest e set e.note = 'taken' where e.id = :id"),
                new Owned("SafetyAlert", alertRepository, a.alertId, b.alertId,
                        "update SafetyAlert e set e.note = 'taken' where e.id = :id"));

        for (Owned o : owned) {
            assertThat(asB(() -> o.repository.findById(o.ofA))).as(o.entity + " of A by id").isEmpty();
            assertThat(asB(() -> o.repository.findById(o.ofB))).as(o.entity + " of B by id").isPresent();
            assertThat(asB(() -> o.repository.findAll().stream().map(r -> ((TenantScopedEntity) r).getId()).toList()))
                    .as(o.entity + " list").contains(o.ofB).doesNotContain(o.ofA);
            assertThat(asB(() -> o.repository.findAllById(List.of(o.ofA)))).as(o.entity + " by ids").isEmpty();
            assertThat(asB(() -> entityManager.createQuery(o.update).setParameter("id", o.ofA).executeUpdate()))
                    .as(o.entity + " bulk update").isZero();
            asB(() -> {
                o.repository.deleteById(o.ofA);
                return null;
            });
            assertThat(asB(() -> entityManager.createQuery("delete from " + o.entity + " e where e.id = :id")
                    .setParameter("id", o.ofA).executeUpdate())).as(o.entity + " bulk delete").isZero();
            assertThat(asA(() -> o.repository.findById(o.ofA))).as(o.entity + " of A still there").isPresent();
        }
        List<UUID> clientsOfA = List.of(a.clientId);
        assertThat(asB(() -> assignmentRepository.findByClientIdOrderByCreatedAtDesc(a.clientId))).isEmpty();
        assertThat(asB(() -> assignmentRepository.findByIdIn(List.of(a.assignmentId)))).isEmpty();
        assertThat(asB(() -> occurrenceRepository.findByClientIdOrderByDueAt(a.clientId))).isEmpty();
        assertThat(asB(() -> occurrenceRepository.findByAssignmentIdOrderByDueAt(a.assignmentId))).isEmpty();
        assertThat(asB(() -> occurrenceRepository.findForAdherence(clientsOfA, Instant.EPOCH, FAR_FUTURE))).isEmpty();
        assertThat(asB(() -> occurrenceRepository.findByClientIdAndDueAtBetweenOrderByDueAt(a.clientId, Instant.EPOCH,
                FAR_FUTURE))).isEmpty();
        assertThat(asB(() -> entryRepository.findByOccurrenceId(a.occurrenceId))).isEmpty();
        assertThat(asB(() -> entryRepository.findByOccurrenceIdIn(List.of(a.occurrenceId)))).isEmpty();
        assertThat(asB(() -> entryRepository.findByClientIdAndStateOrderBySubmittedAtDesc(a.clientId, EntryState.SUBMITTED))).isEmpty();
        assertThat(asB(() -> entryRepository.findUnreviewed(clientsOfA))).isEmpty();
        assertThat(asB(() -> entryRepository.findUnreviewed(null))).extracting(Entry::getId)
                .contains(b.entryId).doesNotContain(a.entryId);
        assertThat(asB(() -> entryRepository.countUnreviewed(clientsOfA))).isEmpty();
        assertThat(asB(() -> changeRequestRepository.findByClientIdOrderByCreatedAtDesc(a.clientId))).isEmpty();
        assertThat(asB(() -> alertRepository.findByClientIdOrderByRaisedAtDesc(a.clientId))).isEmpty();
        assertThat(asB(() -> alertRepository.countOpen(clientsOfA))).isEmpty();
        assertThat(asB(() -> alertRepository.findByAcknowledgedAtIsNullOrderByRaisedAt())).extracting(SafetyAlert::getId)
                .contains(b.alertId).doesNotContain(a.alertId);

        adminB.signIn();
        assertThat(inTransaction(() -> assignmentRepository.findById(a.assignmentId))).as("as B's signed-in admin").isEmpty();
        assertThat(inTransaction(() -> entryRepository.findById(a.entryId))).as("as B's signed-in admin").isEmpty();
        TestUsers.signOut();
        assertThat(inTransaction(() -> alertRepository.findById(a.alertId))).as("with no clinic at all").isEmpty();
        assertUntouched(therapist1, a);
    }

    // ------------------------------------------------------------------ archived clients

    @Test
    void archived_clients_are_read_only_until_restored() {
        Homework a = homeworkWithAnAlert(therapist1, "Archived client");
        therapist1.signIn();
        Goal goal = clientService.addGoal(a.clientId, "Sleep before midnight");
        clientService.archive(a.clientId);

        assertThat(clientService.profile(a.clientId).status()).isEqualTo(ClientStatus.ARCHIVED);
        List<ThrowingCallable> writes = List.of(
                () -> homework.assign(a.clientId, "thought-record", plan("Thought record", onceToday())),
                () -> homework.replan(a.assignmentId, plan("Changed while archived", onceToday())),
                () -> clientService.update(a.clientId, "New name", ZONE.getId(), "en", null, false),
                () -> clientService.addGoal(a.clientId, "Another goal"),
                () -> clientService.changeGoal(goal.id(), "Changed goal", GoalStatus.ACHIEVED),
                () -> clientService.archive(a.clientId));
        List<String> refused = new ArrayList<>();
        for (ThrowingCallable write : writes) {
            try {
                write.call();
                refused.add("accepted");
            } catch (DomainException e) {
                refused.add(e.messageKey());
            } catch (Throwable e) {
                refused.add(e.getClass().getSimpleName());
            }
        }
        assertThat(refused).as("assign, replan, update, addGoal, changeGoal, archive").containsOnly("client.archived");
        assertThat(homework.assignments(a.clientId)).singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("Mood check-in"));
        assertThat(clientService.goals(a.clientId)).extracting(Goal::text).containsExactly("Sleep before midnight");
        assertThat(caseloads.caseload(null, false, false, 0, 500)).extracting(r -> r.client().id()).doesNotContain(a.clientId);
        assertThat(caseloads.caseload(null, true, false, 0, 500)).extracting(r -> r.client().id()).contains(a.clientId);

        assertThat(clientService.restore(a.clientId).status()).isEqualTo(ClientStatus.ACTIVE);
        UUID again = homework.assign(a.clientId, "thought-record", plan("Thought record", onceToday()));
        assertThat(homework.assignments(a.clientId)).extracting(AssignmentSummary::id).contains(again);
    }

    // ------------------------------------------------------------------ hostile text

    static Stream<Named<String>> hostileStrings() {
        return Stream.of(
                Named.of("script tag", "<script>alert(1)</script>"),
                Named.of("attribute breakout", "\"><img src=x onerror=alert(1)>"),
                Named.of("SQL injection", "' OR '1'='1'; DROP TABLE client; --"),
                Named.of("10,000 characters", "x".repeat(10_000)),
                Named.of("NUL, BEL and escape", "a\u0000b\u0007c\u001B[31m"),
                Named.of("only control characters", "\u0000\u0001\u0002"),
                Named.of("emoji", "🙂🏳️‍🌈 ok"),
                Named.of("right-to-left override", "abc\u202Edcba"),
                Named.of("Arabic and Hebrew", "مرحبا שלום"),
                Named.of("combining accent", "Jose\u0301"),
                Named.of("line breaks", "first line\r\nsecond line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileStrings")
    void hostile_text_in_names_goals_plans_and_notes_is_stored_as_text_or_refused_with_a_message(String hostile) {
        Homework a = homeworkWithAnAlert(therapist1, "Hostile text client");
        therapist1.signIn();
        List<String> problems = new ArrayList<>();

        storedOrRefused(problems, "new client's name", hostile, "name",
                () -> clientService.add(new NewClient(hostile, TestClinics.randomEmail(), ZONE.getId(), "en", null, false)).id(),
                id -> clientService.profile(id).displayName());
        storedOrRefused(problems, "changed name", hostile, "name",
                () -> clientService.update(a.clientId, hostile, ZONE.getId(), "en", null, false).id(),
                id -> clientService.profile(id).displayName());
        storedOrRefused(problems, "goal", hostile, "goal",
                () -> clientService.addGoal(a.clientId, hostile).id(),
                id -> clientService.goals(a.clientId).stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow().text());
        for (String field : List.of("title", "rationale", "what", "when", "where", "obstacleOther", "backupPlan")) {
            storedOrRefused(problems, "plan " + field, hostile, field,
                    () -> homework.assign(a.clientId, "thought-record", planWith(field, hostile)),
                    id -> planField(homework.plan(id), field));
        }
        storedOrRefused(problems, "review feedback", hostile, "feedback",
                () -> {
                    reviews.review(a.entryId, hostile, Map.of());
                    return a.entryId;
                },
                id -> reviews.entry(id).feedback());
        storedOrRefused(problems, "feedback on an answer", hostile, "answerFeedback",
                () -> {
                    reviews.review(a.entryId, "fine", Map.of("item9", hostile));
                    return a.entryId;
                },
                id -> reviews.entry(id).answerFeedback().getOrDefault("item9", ""));
        storedOrRefused(problems, "acknowledgement note", hostile, "note",
                () -> {
                    safetyAlerts.acknowledge(a.alertId, hostile);
                    return a.alertId;
                },
                id -> safetyAlerts.alertsOf(a.clientId).getFirst().note());

        TestUsers.signInAs(a.client);
        storedOrRefused(problems, "change request note", hostile, "note",
                () -> {
                    entryService.requestChange(a.assignmentId, ChangeReason.OTHER, hostile);
                    return a.assignmentId;
                },
                id -> {
                    therapist1.signIn();
                    try {
                        return reviews.changeRequests(a.clientId).getFirst().note();
                    } finally {
                        TestUsers.signInAs(a.client);
                    }
                });
        storedOrRefused(problems, "reflection note", hostile, "note",
                () -> {
                    entryService.reflect(a.occurrenceId, new Reflection(100, 3, 7, Set.of(Obstacle.OTHER), hostile));
                    return a.occurrenceId;
                },
                id -> entryService.open(id).reflection().note());

        assertThat(problems).isEmpty();
    }

    @Test
    void caseload_search_matches_wildcards_and_backslashes_as_plain_text() {
        therapist1.signIn();
        for (String name : List.of("Ana 100% sure", "Bea snake_case", "Cai back\\slash", "Dan Plain")) {
            clientService.add(new NewClient(name, TestClinics.randomEmail(), ZONE.getId(), "en", null, false));
        }

        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String search : List.of("%", "_", "\\", "PLAIN", "' or 1=1 --")) {
            found.put(search, names(caseloads.caseload(search, false, false, 0, 50)));
        }

        assertThat(found).containsExactly(
                Map.entry("%", List.of("Ana 100% sure")),
                Map.entry("_", List.of("Bea snake_case")),
                Map.entry("\\", List.of("Cai back\\slash")),
                Map.entry("PLAIN", List.of("Dan Plain")),
                Map.entry("' or 1=1 --", List.of()));
        assertThat(clientService.countCaseload("%", false, false)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ impossible plans

    static Stream<Arguments> impossiblePlans() {
        // a parameter source runs before the test moves the clock: the day it will be moved to
        LocalDate start = LocalDate.ofInstant(TestTime.START, ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalTime time = LocalTime.of(20, 0);
        return Stream.of(
                Arguments.of(Named.of("no schedule", (Schedule) null), "schedule"),
                Arguments.of(Named.of("no kind", new Schedule(null, start, null, 3, time, null, null, ZONE)), "schedule"),
                Arguments.of(Named.of("no start", new Schedule(Schedule.Kind.DAILY, null, null, 3, time, null, null, ZONE)), "start"),
                Arguments.of(Named.of("no time", new Schedule(Schedule.Kind.DAILY, start, null, 3, null, null, null, ZONE)), "time"),
                Arguments.of(Named.of("no zone", new Schedule(Schedule.Kind.DAILY, start, null, 3, time, null, null, null)), "timeZone"),
                Arguments.of(Named.of("daily forever", new Schedule(Schedule.Kind.DAILY, start, null, null, time, null, null, ZONE)), "end"),
                Arguments.of(Named.of("ends before it starts", new Schedule(Schedule.Kind.DAILY, start, start.minusDays(1), null, time, null, null, ZONE)), "end"),
                Arguments.of(Named.of("zero times", new Schedule(Schedule.Kind.DAILY, start, null, 0, time, null, null, ZONE)), "times"),
                Arguments.of(Named.of("negative times", new Schedule(Schedule.Kind.DAILY, start, null, -5, time, null, null, ZONE)), "times"),
                Arguments.of(Named.of("367 times", new Schedule(Schedule.Kind.DAILY, start, null, 367, time, null, null, ZONE)), "times"),
                Arguments.of(Named.of("weekdays without days", new Schedule(Schedule.Kind.WEEKDAYS, start, null, 3, time, Set.of(), null, ZONE)), "weekdays"),
                Arguments.of(Named.of("every 1 day", new Schedule(Schedule.Kind.EVERY_N_DAYS, start, null, 3, time, null, 1, ZONE)), "everyDays"),
                Arguments.of(Named.of("every 61 days", new Schedule(Schedule.Kind.EVERY_N_DAYS, start, null, 3, time, null, 61, ZONE)), "everyDays"),
                Arguments.of(Named.of("every N days without N", new Schedule(Schedule.Kind.EVERY_N_DAYS, start, null, 3, time, null, null, ZONE)), "everyDays"),
                Arguments.of(Named.of("ending in three years", new Schedule(Schedule.Kind.EVERY_N_DAYS, start, start.plusYears(3), null, time, null, 7, ZONE)), "end"),
                Arguments.of(Named.of("daily for 400 days", new Schedule(Schedule.Kind.DAILY, start, start.plusDays(399), null, time, null, null, ZONE)), "schedule"),
                Arguments.of(Named.of("Fridays between a Monday and a Tuesday", new Schedule(Schedule.Kind.WEEKDAYS, start, start.plusDays(1), null, time, Set.of(DayOfWeek.FRIDAY), null, ZONE)), "schedule"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossiblePlans")
    void impossible_schedules_are_refused_on_their_field(Schedule schedule, String field) {
        therapist1.signIn();
        UUID clientId = clientService.add(new NewClient("Schedule client", TestClinics.randomEmail(), ZONE.getId(), "en", null, false)).id();

        assertThatThrownBy(() -> homework.assign(clientId, "thought-record", plan("Thought record", schedule)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.messageKey()).isNotBlank();
                });
        assertThat(homework.assignments(clientId)).isEmpty();
    }

    @Test
    void impossible_plans_are_refused_on_their_field() {
        therapist1.signIn();
        UUID clientId = clientService.add(new NewClient("Plan client", TestClinics.randomEmail(), ZONE.getId(), "en", null, false)).id();
        UUID otherClient = clientService.add(new NewClient("Other client", TestClinics.randomEmail(), ZONE.getId(), "en", null, false)).id();
        UUID othersGoal = clientService.addGoal(otherClient, "Someone else's goal").id();
        AssignmentPlan good = plan("Thought record", onceToday());
        Map<String, AssignmentPlan> bad = Map.of(
                "title", withConfidence(good, 5, "  ", good.rationale(), 2, null),
                "rationale", withConfidence(good, 5, good.title(), "", 2, null),
                "confidence", withConfidence(good, 11, good.title(), good.rationale(), 2, null),
                "difficulty", withConfidence(good, 5, good.title(), good.rationale(), 4, null),
                "goal", withConfidence(good, 5, good.title(), good.rationale(), 2, othersGoal));

        bad.forEach((field, plan) -> assertThatThrownBy(() -> homework.assign(clientId, "thought-record", plan))
                .as(field).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo(field)));
        assertThatThrownBy(() -> homework.assign(clientId, "no-such-worksheet", good)).isInstanceOf(NotFoundException.class);
        assertThat(homework.assignments(clientId)).isEmpty();
    }

    // ------------------------------------------------------------------ fixtures

    /** A client of the therapist who joined, a PHQ-9 submitted with an alert, and a change request. */
    record Homework(UUID clientId, HomewardUser client, UUID assignmentId, UUID occurrenceId, UUID entryId,
                    UUID alertId, UUID changeRequestId) {
    }

    private Homework homeworkWithAnAlert(TestAccount therapist, String name) {
        therapist.signIn();
        String email = TestClinics.randomEmail();
        UUID clientId = clientService.add(new NewClient(name, email, ZONE.getId(), "en", null, false)).id();
        HomewardUser client = accept(therapist.clinic(), email, name);
        therapist.signIn();
        UUID assignmentId = homework.assign(clientId, "phq-9", plan("Mood check-in", Schedule.once(today(ZONE), LATE, ZONE)));
        TestUsers.signInAs(client);
        UUID occurrenceId = todayService.today().dueNow().stream().filter(c -> c.assignmentId().equals(assignmentId))
                .findFirst().orElseThrow().occurrenceId();
        assertThat(entryService.submit(occurrenceId, HomeworkLoopTest.phq9("several-days"), null).alerted()).isTrue();
        entryService.requestChange(assignmentId, ChangeReason.NOT_NOW, "Busy week");
        HomeworkLoopTest.pause(); // later requests must be newer even where timestamps have whole seconds
        therapist.signIn();
        UUID entryId = reviews.entriesOf(clientId).getFirst().entryId();
        UUID alertId = safetyAlerts.alertsOf(clientId).getFirst().id();
        UUID changeRequestId = reviews.changeRequests(clientId).getFirst().id();
        TestUsers.signOut();
        return new Homework(clientId, client, assignmentId, occurrenceId, entryId, alertId, changeRequestId);
    }

    /** A second, not yet started occurrence for the client (a thought record due today). */
    private UUID openOccurrence(TestAccount therapist, Homework h) {
        therapist.signIn();
        UUID assignment = homework.assign(h.clientId, "thought-record", plan("Thought record", onceToday()));
        TestUsers.signInAs(h.client);
        UUID occurrence = todayService.today().dueNow().stream().filter(c -> c.assignmentId().equals(assignment))
                .findFirst().orElseThrow().occurrenceId();
        TestUsers.signOut();
        return occurrence;
    }

    private List<ThrowingCallable> everyStaffCallOn(Homework a) {
        AssignmentPlan plan = plan("Taken over", onceToday());
        return List.of(
                () -> clientService.profile(a.clientId),
                () -> clientService.update(a.clientId, "Renamed", ZONE.getId(), "en", null, false),
                () -> clientService.archive(a.clientId),
                () -> clientService.restore(a.clientId),
                () -> clientService.goals(a.clientId),
                () -> clientService.addGoal(a.clientId, "A goal from elsewhere"),
                () -> clientService.resendInvitation(a.clientId),
                () -> homework.startAssigning(a.clientId, "thought-record"),
                () -> homework.assignments(a.clientId),
                () -> homework.assign(a.clientId, "thought-record", plan),
                () -> homework.replan(a.assignmentId, plan),
                () -> homework.plan(a.assignmentId),
                () -> homework.end(a.assignmentId),
                () -> reviews.entriesOf(a.clientId),
                () -> reviews.entry(a.entryId),
                () -> reviews.review(a.entryId, "Looks fine", Map.of()),
                () -> reviews.changeRequests(a.clientId),
                () -> reviews.resolveChangeRequest(a.changeRequestId),
                () -> safetyAlerts.alertsOf(a.clientId),
                () -> safetyAlerts.acknowledge(a.alertId, "Seen by someone else"));
    }

    /** Clinic A's therapist still sees everything exactly as it was. */
    private void assertUntouched(TestAccount therapist, Homework a) {
        therapist.signIn();
        ClientProfile profile = clientService.profile(a.clientId);
        assertThat(profile.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(profile.therapistId()).isEqualTo(therapist.id());
        assertThat(clientService.goals(a.clientId)).isEmpty();
        assertThat(homework.assignments(a.clientId)).filteredOn(s -> s.id().equals(a.assignmentId)).singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(AssignmentStatus.ACTIVE);
                    assertThat(s.title()).isEqualTo("Mood check-in");
                    assertThat(s.done()).isEqualTo(1);
                });
        assertThat(reviews.entry(a.entryId).reviewedAt()).isNull();
        assertThat(reviews.entry(a.entryId).feedback()).isNull();
        assertThat(safetyAlerts.alertsOf(a.clientId)).singleElement().satisfies(alert -> {
            assertThat(alert.acknowledgedAt()).isNull();
            assertThat(alert.note()).isNull();
        });
        assertThat(reviews.changeRequests(a.clientId)).singleElement().satisfies(r -> {
            assertThat(r.resolvedAt()).isNull();
            assertThat(r.note()).isEqualTo("Busy week");
        });
        TestUsers.signOut();
    }

    private HomewardUser accept(ClinicBranding at, String email, String name) {
        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).as("invitation to " + email).isNotEmpty();
        String token = Mails.token(Mails.text(mails.getLast()), at.slug(), "invite");
        TestUsers.signOut();
        return invitations.accept(at.slug(), token, name, "a-long-passphrase-" + TestClinics.random(8));
    }

    /**
     * Runs the call: either it is refused with a {@link DomainException} on the expected field, or what
     * is read back is the input as plain text (controls and direction overrides stripped). Anything else
     * (a database error, a 500) is recorded as a problem.
     */
    private <T> void storedOrRefused(List<String> problems, String what, String input, String field,
                                     Supplier<T> call, Function<T, String> readBack) {
        T result;
        try {
            result = call.get();
        } catch (DomainException e) {
            if (!field.equals(e.field())) {
                problems.add(what + ": refused on field " + e.field() + " (" + e.messageKey() + "), expected " + field);
            }
            return;
        } catch (RuntimeException e) {
            problems.add(what + ": " + e.getClass().getName() + ": " + e.getMessage());
            return;
        }
        String stored = readBack.apply(result);
        // texts written in paragraphs keep their line breaks; one-line fields lose them
        String expected = HomeworkTexts.MULTILINE.contains(field) ? Text.cleanMultiline(input) : Text.clean(input);
        if (!expected.equals(stored)) {
            problems.add(what + ": stored as «" + abbreviate(stored) + "» instead of «" + abbreviate(expected) + "»");
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }

    private Schedule onceToday() {
        return Schedule.once(today(ZONE), LATE, ZONE);
    }

    private static AssignmentPlan plan(String title, Schedule schedule) {
        return new AssignmentPlan(title, "It helps to write it down.", "One record", "After dinner", "At home", schedule,
                Set.of(Obstacle.FORGETTING), "", "Before bed instead", 8, false, false, 2, null);
    }

    private static AssignmentPlan withConfidence(AssignmentPlan p, int confidence, String title, String rationale,
                                                 int difficulty, UUID goal) {
        return new AssignmentPlan(title, rationale, p.what(), p.when(), p.where(), p.schedule(), p.obstacles(),
                p.obstacleOther(), p.backupPlan(), confidence, p.confidencePrompted(), p.planChanged(), difficulty, goal);
    }

    private AssignmentPlan planWith(String field, String value) {
        AssignmentPlan p = plan("Thought record", onceToday());
        return new AssignmentPlan(
                field.equals("title") ? value : p.title(),
                field.equals("rationale") ? value : p.rationale(),
                field.equals("what") ? value : p.what(),
                field.equals("when") ? value : p.when(),
                field.equals("where") ? value : p.where(),
                p.schedule(), Set.of(Obstacle.OTHER),
                field.equals("obstacleOther") ? value : p.obstacleOther(),
                field.equals("backupPlan") ? value : p.backupPlan(),
                p.confidence(), p.confidencePrompted(), p.planChanged(), p.difficulty(), p.goalId());
    }

    private static String planField(AssignmentPlan p, String field) {
        return switch (field) {
            case "title" -> p.title();
            case "rationale" -> p.rationale();
            case "what" -> p.what();
            case "when" -> p.when();
            case "where" -> p.where();
            case "obstacleOther" -> p.obstacleOther();
            case "backupPlan" -> p.backupPlan();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static List<String> names(List<CaseloadRow> rows) {
        return rows.stream().map(r -> r.client().displayName()).toList();
    }

    private <T> T asB(Supplier<T> work) {
        return TenantContext.callAs(clinicB.id(), () -> tx.execute(s -> work.get()));
    }

    /** Whoever is signed in (or nobody), no clinic bound. */
    private <T> T inTransaction(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    private <T> T asA(Supplier<T> work) {
        return TenantContext.callAs(clinicA.id(), () -> tx.execute(s -> work.get()));
    }
}
