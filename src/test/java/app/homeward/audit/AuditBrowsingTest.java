package app.homeward.audit;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.platform.PlatformService;
import app.homeward.security.Role;
import app.homeward.security.SignInService;
import app.homeward.security.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A clinic admin reads their clinic's trail: filtered by staff member, client, action and days of the
 * clinic's calendar, names looked up when read ("Erased client", "Former staff member" when gone), as CSV
 * safe to open in a spreadsheet, and "who opened this record" for one client. Nobody reads another clinic's
 * trail; the operator reads the platform's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBrowsingTest extends IntegrationTest {

    @Autowired AuditTrail trail;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired SafetyAlerts safetyAlerts;
    @Autowired ReviewService reviews;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired SignInService signIn;
    @Autowired PlatformService platform;

    AuditWorld a;
    AuditWorld b;

    @BeforeAll
    void twoClinics() {
        a = AuditWorld.create(testClinics, clients, homework, reviews, safetyAlerts, todayService, entryService,
                jdbc, today(AuditWorld.ZONE));
        b = AuditWorld.create(testClinics, clients, homework, reviews, safetyAlerts, todayService, entryService,
                jdbc, today(AuditWorld.ZONE));
        a.therapist().signIn();
        clients.open(a.clientId());
        a.admin().signIn();
        reviews.entry(a.entryId());
        b.therapist().signIn();
        clients.open(b.clientId());
        b.admin().signIn();
        reviews.entry(b.entryId());
        trail.flush();
    }

    // ------------------------------------------------------------------ filters

    @Test
    void the_admin_reads_the_clinics_trail_newest_first_with_names_looked_up_now() {
        a.admin().signIn();

        List<AuditRow> rows = audit.search(AuditFilter.all(), 0, 500);

        assertThat(rows).isSortedAccordingTo((x, y) -> y.occurredAt().compareTo(x.occurredAt()));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.action()).contains(AuditAction.CLIENT_VIEWED);
            assertThat(r.actorName()).isEqualTo(a.therapist().displayName());
            assertThat(r.clientName()).isEqualTo(a.clientName());
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.action()).contains(AuditAction.ENTRY_SUBMITTED);
            assertThat(r.actorRole()).isEqualTo("CLIENT");
        });
        assertThat(audit.count(AuditFilter.all())).isEqualTo(rows.size());
    }

    @Test
    void filtering_by_staff_member_client_and_action_narrows_the_trail() {
        b.admin().signIn();

        List<AuditRow> byTherapist = audit.search(new AuditFilter(b.therapist().id(), null, Set.of(), null, null), 0, 500);
        List<AuditRow> viewsOfTheClient = audit.search(new AuditFilter(null, b.clientId(),
                AuditAction.Kind.VIEW.actions(), null, null), 0, 500);
        List<AuditRow> entryViews = audit.search(new AuditFilter(null, null, Set.of(AuditAction.ENTRY_VIEWED), null, null), 0, 500);

        assertThat(byTherapist).isNotEmpty().allSatisfy(r -> assertThat(r.actorId()).isEqualTo(b.therapist().id()));
        assertThat(byTherapist).extracting(r -> r.action().orElseThrow())
                .contains(AuditAction.CLIENT_ADDED, AuditAction.ASSIGNMENT_CREATED, AuditAction.CLIENT_VIEWED);
        assertThat(viewsOfTheClient).extracting(r -> r.action().orElseThrow())
                .containsExactlyInAnyOrder(AuditAction.CLIENT_VIEWED, AuditAction.ENTRY_VIEWED);
        assertThat(entryViews).singleElement().satisfies(r -> {
            assertThat(r.actorId()).isEqualTo(b.admin().id());
            assertThat(r.objectId()).isEqualTo(b.entryId());
        });
        assertThat(audit.count(new AuditFilter(null, b.clientId(), AuditAction.Kind.VIEW.actions(), null, null)))
                .isEqualTo(2);
        assertThat(audit.count(new AuditFilter(b.therapist().id(), b.clientId(), Set.of(AuditAction.ENTRY_VIEWED), null, null)))
                .as("every filter at once").isZero();
    }

    @Test
    void the_date_filter_takes_whole_days_of_the_clinics_calendar() {
        a.admin().signIn();
        // 23:30 in Madrid is already tomorrow in UTC: the record belongs to the clinic's day
        LocalDate day = today(AuditWorld.ZONE).plusDays(5);
        Instant lateEvening = day.atTime(23, 30).atZone(AuditWorld.ZONE).toInstant();
        clock.moveTo(lateEvening);
        a.therapist().signIn();
        clients.open(a.clientId());
        trail.flush();
        a.admin().signIn();

        assertThat(audit.search(new AuditFilter(null, null, Set.of(), day, day), 0, 50))
                .singleElement().satisfies(r -> assertThat(r.occurredAt()).isAfterOrEqualTo(lateEvening));
        assertThat(audit.search(new AuditFilter(null, null, Set.of(), day.plusDays(1), null), 0, 50)).isEmpty();
        assertThat(audit.search(new AuditFilter(null, null, Set.of(), null, day.minusDays(1)), 0, 50))
                .noneMatch(r -> !r.occurredAt().isBefore(lateEvening));
    }

    @Test
    void a_gone_person_shows_as_what_they_were_and_an_unknown_email_by_its_hash() {
        UUID goneTherapist = UUID.randomUUID();
        UUID erasedClient = UUID.randomUUID();
        trail.record(AuditEntry.of(AuditAction.CLIENT_VIEWED).clinic(a.clinic().id()).actor(goneTherapist, "THERAPIST")
                .client(erasedClient).object(AuditObject.CLIENT, erasedClient));
        trail.record(AuditEntry.of(AuditAction.ENTRY_SUBMITTED).clinic(a.clinic().id()).actor(erasedClient, "CLIENT")
                .client(erasedClient).object(AuditObject.ENTRY, UUID.randomUUID()));
        signIn.signIn(a.clinic().slug(), "nobody-" + TestClinics.random(5) + "@example.test", "a wrong password", "10.9.8.7");
        trail.flush();
        a.admin().signIn();
        AuditLabels labels = new AuditLabels((key, args) -> new Messages().getTranslation(key, Locale.ENGLISH, args));

        List<AuditRow> rows = audit.search(AuditFilter.all(), 0, 10);

        assertThat(rows).filteredOn(r -> goneTherapist.equals(r.actorId())).singleElement().satisfies(r -> {
            assertThat(labels.actor(r)).isEqualTo("Former staff member");
            assertThat(labels.client(r)).isEqualTo("Erased client");
        });
        assertThat(rows).filteredOn(r -> erasedClient.equals(r.actorId())).singleElement()
                .satisfies(r -> assertThat(labels.actor(r)).isEqualTo("Erased client"));
        assertThat(rows).filteredOn(r -> r.subjectHash() != null).first().satisfies(r -> {
            assertThat(labels.actor(r)).startsWith("Unknown email (#").doesNotContain("@");
            assertThat(labels.detail(r)).isEqualTo("No account with this email");
            assertThat(labels.outcome(r)).isEqualTo("Failed");
        });
    }

    // ------------------------------------------------------------------ CSV

    @Test
    void the_csv_export_is_the_filtered_trail_safe_to_open_in_a_spreadsheet_and_is_itself_recorded() {
        a.therapist().signIn();
        UUID hostile = clients.add(new NewClient("=HYPERLINK(\"http://evil.example\")", TestClinics.randomEmail(),
                AuditWorld.ZONE.getId(), "en", null, false)).id();
        clients.open(hostile);
        trail.flush();
        a.admin().signIn();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        audit.exportCsv(new AuditFilter(null, hostile, Set.of(), null, null), out, Locale.ENGLISH);

        String csv = out.toString(StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(csv.replace("\uFEFF", "").split("\r\n"));
        assertThat(lines.getFirst()).startsWith("\"Time (clinic time zone)\",\"Who\",\"Role\",\"What\"");
        assertThat(lines).hasSize(3); // header, added, opened
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"")
                .doesNotContain(",\"=HYPERLINK")
                .contains("\"Opened the client's record\"").contains("\"Added a client\"")
                .contains(a.therapist().displayName()).contains("\"Therapist\"");
        assertThat(lines.get(1)).as("times in the clinic's zone, with its offset").matches("^\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0[12]:00\".*");

        trail.flush();
        assertThat(audit.search(new AuditFilter(a.admin().id(), hostile, Set.of(AuditAction.AUDIT_EXPORTED), null, null), 0, 5))
                .as("the export is itself in the trail").hasSize(1);
    }

    @Test
    void the_csv_export_speaks_the_admins_language() {
        a.admin().signIn();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        audit.exportCsv(new AuditFilter(null, a.clientId(), Set.of(AuditAction.CLIENT_VIEWED), null, null), out,
                Locale.forLanguageTag("es"));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"Hora (zona horaria de la clínica)\"")
                .contains("\"Abrió el expediente del cliente\"").contains("\"Terapeuta\"");
    }

    // ------------------------------------------------------------------ who opened this record

    @Test
    void who_opened_this_record_lists_the_latest_views_with_the_last_90_days_to_look_further() {
        clock.moveBy(Duration.ofMinutes(5));
        a.otherTherapist().signIn();
        try {
            clients.open(a.clientId());
        } catch (NotFoundException refused) {
            // not their client: a refusal, which the list shows too
        }
        a.admin().signIn();
        reviews.beforeSession(a.clientId(), clock.instant().minus(Duration.ofDays(28)));
        trail.flush();

        AuditService.RecordAccess access = audit.recentViews(a.clientId(), 10);

        assertThat(access.views()).allSatisfy(r -> assertThat(r.action().orElseThrow().kind()).isEqualTo(AuditAction.Kind.VIEW));
        assertThat(access.views().getFirst().action()).contains(AuditAction.BEFORE_SESSION_VIEWED);
        assertThat(access.views()).anySatisfy(r -> {
            assertThat(r.actorId()).isEqualTo(a.therapist().id());
            assertThat(r.action()).contains(AuditAction.CLIENT_VIEWED);
        });
        assertThat(access.views()).anySatisfy(r -> {
            assertThat(r.actorId()).isEqualTo(a.otherTherapist().id());
            assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
        });
        assertThat(access.to()).isEqualTo(today(AuditWorld.ZONE));
        assertThat(access.from()).isEqualTo(today(AuditWorld.ZONE).minusDays(90));
        assertThat(audit.recentViews(a.clientId(), 1).views()).hasSize(1);
    }

    // ------------------------------------------------------------------ who may read

    @Test
    void only_clinic_admins_read_the_clinics_trail() {
        for (TestAccount someone : List.of(a.therapist(), a.client())) {
            someone.signIn();
            assertThatThrownBy(() -> audit.search(AuditFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.count(AuditFilter.all())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.recentViews(a.clientId(), 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> audit.exportCsv(AuditFilter.all(), new ByteArrayOutputStream(), Locale.ENGLISH))
                    .isInstanceOf(AccessDeniedException.class);
        }
        a.admin().signIn();
        assertThatThrownBy(() -> audit.platformEvents(10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_never_sees_another_clinics_records_even_by_its_ids() {
        b.admin().signIn();

        List<AuditRow> rows = audit.search(AuditFilter.all(), 0, 500);
        List<UUID> ids = rows.stream().map(AuditRow::id).toList();

        assertThat(rows).isNotEmpty().noneMatch(r -> a.clientId().equals(r.clientId()) || a.therapist().id().equals(r.actorId()));
        assertThat(audit.search(new AuditFilter(null, a.clientId(), Set.of(), null, null), 0, 50)).isEmpty();
        assertThat(audit.count(new AuditFilter(a.therapist().id(), null, Set.of(), null, null))).isZero();
        assertThat(audit.recentViews(a.clientId(), 10).views()).isEmpty();
        assertThat(audit.client(a.clientId())).isEmpty();
        assertThat(audit.clients(null, 0, 50)).extracting(AuditPeople.Person::id).containsExactly(b.clientId());
        assertThat(audit.staff()).extracting(AuditPeople.Person::id)
                .containsExactlyInAnyOrder(b.admin().id(), b.therapist().id(), b.otherTherapist().id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportCsv(AuditFilter.all(), out, Locale.ENGLISH);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(a.clientId().toString())
                .doesNotContain(a.clientName()).doesNotContain(a.therapist().id().toString());
        a.admin().signIn();
        assertThat(audit.search(AuditFilter.all(), 0, 500)).extracting(AuditRow::id).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void the_operator_reads_the_platform_trail_and_no_clinics_records() {
        signIn.signInOperator(TestClinics.OPERATOR_EMAIL, TestClinics.OPERATOR_PASSWORD, "10.1.2.3");
        TestUsers.signInAs(TestUsers.operator());
        platform.suspend(b.clinic().id());
        platform.reactivate(b.clinic().id());
        trail.flush();

        List<AuditRow> events = audit.platformEvents(50);

        assertThat(events).anySatisfy(r -> {
            assertThat(r.action()).contains(AuditAction.SIGN_IN);
            assertThat(r.actorName()).as("the operator's name, looked up").isNotNull();
            assertThat(r.ip()).isEqualTo("10.1.2.3");
        });
        assertThat(events).anySatisfy(r -> {
            assertThat(r.action()).contains(AuditAction.CLINIC_SUSPENDED);
            assertThat(r.objectId()).isEqualTo(b.clinic().id());
            assertThat(r.objectName()).isEqualTo(b.clinic().name());
        });
        assertThat(events).noneMatch(r -> r.clientId() != null)
                .noneMatch(r -> r.action().map(x -> x.kind() == AuditAction.Kind.VIEW).orElse(false));
        assertThatThrownBy(() -> audit.search(AuditFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
