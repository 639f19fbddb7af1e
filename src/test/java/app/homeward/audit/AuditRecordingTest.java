package app.homeward.audit;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientService;
import app.homeward.clinic.ClinicSettingsService;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.HomeworkSettingsService;
import app.homeward.homework.Schedule;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.HomeworkDownloads;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.reminder.ReminderService;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.SignInThrottle;
import app.homeward.security.SignInThrottles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.homeward.audit.AuditWorld.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind of event that exists today lands in the clinic's trail with who (account and role), the client,
 * the object, what, when (the application's clock), from where and the outcome, and nothing personal: no
 * name, email or answer in any column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRecordingTest extends IntegrationTest {

    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignInService signIn;
    @Autowired SignInThrottle throttle;
    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ReviewService reviews;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired HomeworkDownloads downloads;
    @Autowired AdherenceService adherence;
    @Autowired ReminderService reminders;
    @Autowired ClinicSettingsService settings;
    @Autowired HomeworkSettingsService homeworkSettings;
    @Autowired InvitationService invitations;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher events;

    AuditWorld world;
    Instant since;
    /** The clinic's records from before this test (a test may have moved the clock forward). */
    Set<Object> before;

    @BeforeAll
    void aClinicWithAClientWhoAnsweredOnce() {
        world = AuditWorld.create(testClinics, clients, homework, reviews, safetyAlerts, todayService, entryService,
                jdbc, today(AuditWorld.ZONE));
    }

    @BeforeEach
    void from_now_on() {
        since = clock.instant();
        before = AuditWorld.records(jdbc, trail, world.clinic().id(), Instant.EPOCH).stream().map(r -> r.get("id"))
                .collect(Collectors.toSet());
    }

    @AfterEach
    void throttleBackToNormal() {
        SignInThrottles.reset(throttle);
    }

    // ------------------------------------------------------------------ sign-in

    @Test
    void a_sign_in_records_the_account_its_role_the_clinic_and_the_address() {
        String ip = TestClinics.randomIp();

        assertThat(signIn.signIn(world.clinic().slug(), world.therapist().email(), world.therapist().password(), ip))
                .isInstanceOf(SignInOutcome.Success.class);

        assertThat(of(records(), AuditAction.SIGN_IN)).singleElement().satisfies(r -> {
            assertThat(r.get("actor_id")).isEqualTo(world.therapist().id().toString());
            assertThat(r.get("actor_role")).isEqualTo("THERAPIST");
            assertThat(r.get("clinic_id")).isEqualTo(world.clinic().id().toString());
            assertThat(r.get("ip")).isEqualTo(ip);
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
            assertThat(r.get("subject_hash")).isNull();
        });
    }

    @Test
    void a_failed_sign_in_records_the_account_and_why() {
        String ip = TestClinics.randomIp();

        assertThat(signIn.signIn(world.clinic().slug(), world.admin().email(), "not the password at all", ip))
                .isInstanceOf(SignInOutcome.Failed.class);

        assertThat(of(records(), AuditAction.SIGN_IN)).singleElement().satisfies(r -> {
            assertThat(r.get("actor_id")).isEqualTo(world.admin().id().toString());
            assertThat(r.get("actor_role")).isEqualTo("CLINIC_ADMIN");
            assertThat(r.get("outcome")).isEqualTo("FAILED");
            assertThat(r.get("detail")).isEqualTo("bad-credentials");
            assertThat(r.get("ip")).isEqualTo(ip);
        });
    }

    @Test
    void a_sign_in_with_an_unknown_email_keeps_only_a_keyed_hash_of_what_was_typed() {
        String typed = "Someone.Else." + TestClinics.random(6) + "@Example.test";
        String ip = TestClinics.randomIp();

        signIn.signIn(world.clinic().slug(), typed, "a guess of a password", ip);
        signIn.signIn(world.clinic().slug(), typed.toLowerCase(Locale.ROOT), "another guess of one", ip);

        List<Map<String, Object>> attempts = of(records(), AuditAction.SIGN_IN);
        assertThat(attempts).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("actor_id")).isNull();
            assertThat(r.get("outcome")).isEqualTo("FAILED");
            assertThat(r.get("detail")).isEqualTo("unknown-account");
            assertThat((String) r.get("subject_hash")).hasSize(64).isEqualTo(trail.hash(typed))
                    .isNotEqualTo(typed).doesNotContain("@");
        });
        assertThat(attempts).extracting(r -> r.get("subject_hash")).as("the same address, however it was typed, matches")
                .containsOnly(trail.hash(typed));
        assertThat(trail.hash("other@example.test")).isNotEqualTo(trail.hash(typed));
        assertNothingPersonal();
    }

    @Test
    void a_throttled_sign_in_is_recorded_as_refused() {
        SignInThrottles.resetOnFrozenClock(throttle, clock.instant());
        String ip = TestClinics.randomIp();
        for (int i = 0; i < 4; i++) {
            signIn.signIn(world.clinic().slug(), world.therapist().email(), "wrong password " + i, ip);
        }

        assertThat(signIn.signIn(world.clinic().slug(), world.therapist().email(), world.therapist().password(), ip))
                .isInstanceOf(SignInOutcome.Throttled.class);

        assertThat(of(records(), AuditAction.SIGN_IN)).hasSize(5).last().satisfies(r -> {
            assertThat(r.get("outcome")).isEqualTo("DENIED");
            assertThat(r.get("detail")).isEqualTo("throttled");
            assertThat(r.get("ip")).isEqualTo(ip);
        });
    }

    @Test
    void an_operators_sign_in_goes_to_the_platform_trail_not_a_clinics() {
        String ip = TestClinics.randomIp();

        assertThat(signIn.signInOperator(TestClinics.OPERATOR_EMAIL, TestClinics.OPERATOR_PASSWORD, ip))
                .isInstanceOf(SignInOutcome.Success.class);

        assertThat(of(AuditWorld.records(jdbc, trail, AuditTrail.PLATFORM, since), AuditAction.SIGN_IN))
                .anySatisfy(r -> {
                    assertThat(r.get("actor_role")).isEqualTo("PLATFORM_OPERATOR");
                    assertThat(r.get("ip")).isEqualTo(ip);
                    assertThat(r.get("outcome")).isEqualTo("SUCCESS");
                });
        assertThat(of(records(), AuditAction.SIGN_IN)).isEmpty();
    }

    @Test
    void signing_out_is_recorded_for_whoever_signed_out() {
        var authentication = UsernamePasswordAuthenticationToken
                .authenticated(world.therapist().principal(), null, List.of(
                        new SimpleGrantedAuthority("ROLE_THERAPIST")));

        events.publishEvent(new LogoutSuccessEvent(authentication));

        assertThat(of(records(), AuditAction.SIGN_OUT)).singleElement().satisfies(r -> {
            assertThat(r.get("actor_id")).isEqualTo(world.therapist().id().toString());
            assertThat(r.get("actor_role")).isEqualTo("THERAPIST");
        });
    }

    // ------------------------------------------------------------------ looking at a client's record

    @Test
    void opening_a_clients_page_records_one_view_and_reading_it_again_records_none() {
        world.therapist().signIn();

        clients.open(world.clientId());
        clients.profile(world.clientId());
        homework.assignments(world.clientId());
        reviews.entriesOf(world.clientId());
        clients.goals(world.clientId());

        List<Map<String, Object>> records = records();
        assertThat(records).as("one record per page load, not one per query").hasSize(1);
        assertView(records.getFirst(), AuditAction.CLIENT_VIEWED, world.therapist().id(), "THERAPIST", "CLIENT", world.clientId());
    }

    @Test
    void opening_an_entry_records_a_view_of_that_entry() {
        world.admin().signIn();

        reviews.entry(world.entryId());

        assertView(of(records(), AuditAction.ENTRY_VIEWED).getFirst(), AuditAction.ENTRY_VIEWED, world.admin().id(),
                "CLINIC_ADMIN", "ENTRY", world.entryId());
    }

    @Test
    void the_before_session_review_records_a_view() {
        world.therapist().signIn();

        reviews.beforeSession(world.clientId(), clock.instant().minus(Duration.ofDays(28)));

        assertView(of(records(), AuditAction.BEFORE_SESSION_VIEWED).getFirst(), AuditAction.BEFORE_SESSION_VIEWED,
                world.therapist().id(), "THERAPIST", "CLIENT", world.clientId());
    }

    @Test
    void a_clients_adherence_records_a_view() {
        world.therapist().signIn();

        adherence.client(world.clientId(), 4);

        assertView(of(records(), AuditAction.ADHERENCE_VIEWED).getFirst(), AuditAction.ADHERENCE_VIEWED,
                world.therapist().id(), "THERAPIST", "CLIENT", world.clientId());
    }

    @Test
    void the_reminder_delivery_log_records_a_view() {
        world.therapist().signIn();

        reminders.overview(world.clientId());

        assertView(of(records(), AuditAction.DELIVERY_LOG_VIEWED).getFirst(), AuditAction.DELIVERY_LOG_VIEWED,
                world.therapist().id(), "THERAPIST", "CLIENT", world.clientId());
    }

    @Test
    void a_therapist_refused_another_therapists_client_is_recorded_as_refused() {
        world.otherTherapist().signIn();

        assertThatThrownBy(() -> clients.open(world.clientId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reviews.entry(world.entryId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> adherence.client(world.clientId(), 4)).isInstanceOf(NotFoundException.class);

        List<Map<String, Object>> records = records();
        assertThat(records).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("actor_id")).isEqualTo(world.otherTherapist().id().toString());
            assertThat(r.get("outcome")).isEqualTo("DENIED");
            assertThat(r.get("detail")).isEqualTo("not-in-caseload");
        });
        assertThat(of(records, AuditAction.CLIENT_VIEWED)).singleElement()
                .satisfies(r -> assertThat(r.get("client_id")).isEqualTo(world.clientId().toString()));
    }

    @Test
    void a_view_whose_transaction_rolls_back_is_not_recorded_as_seen() {
        world.therapist().signIn();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            clients.open(world.clientId());
            status.setRollbackOnly();
        });

        assertThat(records()).isEmpty();
    }

    // ------------------------------------------------------------------ downloads

    @Test
    void downloading_the_homework_card_and_the_calendar_file_records_both() {
        world.client().signIn();

        byte[] pdf = downloads.homeworkCardPdf(world.occurrenceId(), Map.of(), Map.of(), Locale.ENGLISH);
        downloads.calendar(world.assignmentId());

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        List<Map<String, Object>> records = records();
        assertThat(of(records, AuditAction.HOMEWORK_CARD_DOWNLOADED)).singleElement().satisfies(r -> {
            assertThat(r.get("actor_id")).isEqualTo(world.client().id().toString());
            assertThat(r.get("actor_role")).isEqualTo("CLIENT");
            assertThat(r.get("client_id")).isEqualTo(world.clientId().toString());
            assertThat(r.get("object_id")).isEqualTo(world.occurrenceId().toString());
        });
        assertThat(of(records, AuditAction.CALENDAR_DOWNLOADED)).singleElement()
                .satisfies(r -> assertThat(r.get("object_id")).isEqualTo(world.assignmentId().toString()));
    }

    // ------------------------------------------------------------------ changes

    @Test
    void assigning_homework_is_recorded_in_the_same_transaction() {
        world.therapist().signIn();

        UUID assignment = homework.assign(world.clientId(), "mood-log", new AssignmentPlan(
                "Mood log", "Seeing the pattern.", "", "", "", new Schedule(
                Schedule.Kind.ONCE, today(AuditWorld.ZONE).plusDays(1), null, null,
                LocalTime.NOON, null, null, AuditWorld.ZONE), Set.of(), "", "", 8, false, false, 1, null));

        // read without flushing the queue: a change is written with the change, not later
        assertThat(jdbc.queryForList("select * from audit_record where clinic_id = ? and object_id = ?",
                world.clinic().id().toString(), assignment.toString())).singleElement().satisfies(r -> {
            assertThat(r.get("action")).isEqualTo(AuditAction.ASSIGNMENT_CREATED.code());
            assertThat(r.get("actor_id")).isEqualTo(world.therapist().id().toString());
            assertThat(r.get("client_id")).isEqualTo(world.clientId().toString());
            assertThat(r.get("object_type")).isEqualTo("ASSIGNMENT");
        });
    }

    @Test
    void a_change_that_fails_leaves_no_record() {
        world.therapist().signIn();

        assertThatThrownBy(() -> reviews.review(world.entryId(), "x".repeat(5000), Map.of()))
                .isInstanceOf(DomainException.class);

        assertThat(of(records(), AuditAction.ENTRY_REVIEWED)).isEmpty();
    }

    @Test
    void reviewing_an_entry_acknowledging_an_alert_and_the_clients_own_submission_are_recorded() {
        world.therapist().signIn();
        reviews.review(world.entryId(), "Thank you for doing this honestly.", Map.of("item9", "Let us talk about this."));
        safetyAlerts.acknowledge(world.alertId(), "Called the client; safe, plan agreed.");

        List<Map<String, Object>> records = records();
        assertThat(of(records, AuditAction.ENTRY_REVIEWED)).singleElement().satisfies(r -> {
            assertThat(r.get("object_id")).isEqualTo(world.entryId().toString());
            assertThat(r.get("client_id")).isEqualTo(world.clientId().toString());
        });
        assertThat(of(records, AuditAction.ALERT_ACKNOWLEDGED)).singleElement().satisfies(r -> {
            assertThat(r.get("object_id")).isEqualTo(world.alertId().toString());
            assertThat(r.get("object_type")).isEqualTo("ALERT");
        });
        assertThat(of(AuditWorld.records(jdbc, trail, world.clinic().id(), Instant.EPOCH), AuditAction.ENTRY_SUBMITTED))
                .as("the client's own entry, when the world was made").singleElement().satisfies(r -> {
                    assertThat(r.get("actor_id")).isEqualTo(world.client().id().toString());
                    assertThat(r.get("actor_role")).isEqualTo("CLIENT");
                    assertThat(r.get("object_id")).isEqualTo(world.entryId().toString());
                });
        assertNothingPersonal();
    }

    @Test
    void changing_clinic_settings_records_which_section() {
        world.admin().signIn();

        var current = settings.current();
        settings.update(new ClinicSettingsService.Settings(current.name(), current.accentColor(),
                current.timeZone().getId(), current.defaultLanguage()));
        var homeworkRules = homeworkSettings.current();
        homeworkSettings.change(homeworkRules.confidenceThreshold(), homeworkRules.graceHours());

        assertThat(of(records(), AuditAction.SETTINGS_CHANGED)).extracting(r -> r.get("detail"))
                .containsExactlyInAnyOrder("general", "homework");
    }

    @Test
    void sending_an_invitation_records_it() {
        world.admin().signIn();

        var invitation = invitations.inviteStaff(TestClinics.randomEmail(), "New Colleague", Role.THERAPIST);

        assertThat(of(records(), AuditAction.INVITATION_SENT)).singleElement().satisfies(r -> {
            assertThat(r.get("object_type")).isEqualTo("INVITATION");
            assertThat(r.get("object_id")).isEqualTo(invitation.id().toString());
            assertThat(r.get("actor_id")).isEqualTo(world.admin().id().toString());
        });
    }

    @Test
    void each_record_is_timed_by_the_applications_clock() {
        clock.moveBy(Duration.ofDays(3));
        Instant moved = clock.instant();
        world.therapist().signIn();

        clients.open(world.clientId());

        Map<String, Object> record = records().getFirst();
        Instant at = jdbc.queryForObject("select occurred_at from audit_record where id = ?", LocalDateTime.class,
                record.get("id")).toInstant(ZoneOffset.UTC);
        assertThat(at).isBetween(moved, clock.instant());
    }

    // ------------------------------------------------------------------ helpers

    /** The records this test added, oldest first. */
    private List<Map<String, Object>> records() {
        return AuditWorld.records(jdbc, trail, world.clinic().id(), Instant.EPOCH).stream()
                .filter(r -> !before.contains(r.get("id"))).toList();
    }

    private void assertView(Map<String, Object> r, AuditAction action, UUID actor, String role, String objectType,
                            UUID objectId) {
        assertThat(r.get("action")).isEqualTo(action.code());
        assertThat(r.get("outcome")).isEqualTo("SUCCESS");
        assertThat(r.get("actor_id")).isEqualTo(actor.toString());
        assertThat(r.get("actor_role")).isEqualTo(role);
        assertThat(r.get("clinic_id")).isEqualTo(world.clinic().id().toString());
        assertThat(r.get("client_id")).isEqualTo(world.clientId().toString());
        assertThat(r.get("object_type")).isEqualTo(objectType);
        assertThat(r.get("object_id")).isEqualTo(objectId.toString());
        assertThat(r.get("occurred_at")).isNotNull();
    }

    /** No column of any of the clinic's records holds a name, an email or an answer. */
    private void assertNothingPersonal() {
        List<Map<String, Object>> all = AuditWorld.records(jdbc, trail, world.clinic().id(), Instant.EPOCH);
        assertThat(all).isNotEmpty();
        for (Map<String, Object> r : all) {
            for (Object value : r.values()) {
                String text = String.valueOf(value);
                assertThat(text).doesNotContain(world.clientName()).doesNotContain(world.clientEmail())
                        .doesNotContain(world.therapist().email()).doesNotContain(world.therapist().displayName())
                        .doesNotContain(AuditWorld.ANSWER).doesNotContain("@");
            }
        }
    }
}
