package app.homeward.privacy;

import app.homeward.IntegrationTest;
import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.privacy.DataRightsFixture.Clinic;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Erasure: the client asks, the clinic admin confirms, the clinic's retention period is respected (with a
 * moved clock), then the client's identity and content are gone from every table (found through the schema:
 * every column named client_id, account_id or email), the audit trail is untouched and other clients keep
 * everything.
 */
class ErasureTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired DataRightsFixture fixture;
    @Autowired ExportFixture exports;
    @Autowired PrivacyService privacy;
    @Autowired PrivacyJobs jobs;
    @Autowired ClinicExports clinicExports;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_client_asks_the_admin_confirms_and_after_the_retention_period_identity_and_content_are_gone() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        var stays = fixture.reminders.join(greenMail, clinic.world().clinic(), clinic.world().therapist(),
                DataRightsFixture.ZONE, "en");
        audit.record(AuditEntry.of(AuditAction.CLIENT_VIEWED).clinic(clinic.clinicId()).detail("before-erasure"));
        audit.flush();
        List<Map<String, Object>> auditBefore = auditRows(clinic);
        UUID accountId = clientAccount(clinic);
        clinic.admin().signIn();
        privacy.changeRetention(30);
        ClinicExports.Started export = exports.finished(clinic);

        clinic.signInClient();
        ErasureView request = privacy.requestErasure();
        Instant asked = request.requestedAt();
        assertThat(request.state()).isEqualTo(ErasureState.REQUESTED);
        assertThat(request.eraseOn()).as("shown to the client before the clinic confirms").isCloseTo(asked.plus(Duration.ofDays(30)), within(1, ChronoUnit.MILLIS));
        assertThat(privacy.mine().erasure()).hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(ErasureState.REQUESTED));
        assertThatThrownBy(privacy::requestErasure).isInstanceOf(DomainException.class)
                .hasMessageContaining("privacy.erasure.already");

        clinic.admin().signIn();
        assertThat(privacy.erasureRequests()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(request.id());
            assertThat(r.clientName()).isEqualTo(clinic.world().name());
            assertThat(r.eraseOn()).isCloseTo(asked.plus(Duration.ofDays(30)), within(1, ChronoUnit.MILLIS));
        });
        clock.moveBy(Duration.ofDays(2));
        ErasureView confirmed = privacy.confirmErasure(request.id());
        assertThat(confirmed.state()).isEqualTo(ErasureState.CONFIRMED);
        assertThat(confirmed.eraseOn()).as("30 days after the request, not after the confirmation")
                .isCloseTo(asked.plus(Duration.ofDays(30)), within(1, ChronoUnit.MILLIS));
        assertThat(jdbc.queryForObject("select status from account where id = ?", String.class, accountId.toString()))
                .as("the client's access ended").isEqualTo("DEACTIVATED");
        assertThat(jdbc.queryForObject("select status from client where id = ?", String.class, clinic.clientId().toString()))
                .as("archived: no more reminders").isEqualTo("ARCHIVED");
        assertThat(Schema.count(jdbc, "account", "id", accountId)).as("kept during the retention period").isOne();
        assertThat(Schema.count(jdbc, "entry", "client_id", clinic.clientId())).isPositive();
        assertThat(Schema.count(jdbc, "scheduled_tasks", "task_instance", clinic.clinicId())).isPositive();

        clock.moveTo(asked.plus(Duration.ofDays(30)).minusSeconds(60));
        jobs.runDue(clinic.clinicId());
        assertThat(Schema.count(jdbc, "client", "id", clinic.clientId())).as("not before its day").isOne();

        clock.moveTo(asked.plus(Duration.ofDays(30)).plusSeconds(1));
        jobs.runDue(clinic.clinicId());

        assertThat(traces(clinic.clientId(), accountId, clinic.world().email()))
                .as("rows that still name the client, their account or their email (table.column)")
                .containsOnlyKeys("erasure_request.client_id");
        assertThat(textAnywhere(clinic.clinicId(), "Harder than I thought Qz")).as("free text written by the client").isZero();
        assertThat(textAnywhere(clinic.clinicId(), "Well spotted Qz")).as("feedback written about them").isZero();
        assertThat(textAnywhere(clinic.clinicId(), "Walk to the harbour every morning")).as("their goal").isZero();
        assertThat(textAnywhere(clinic.clinicId(), "Evenings are busy Qz")).as("their change request").isZero();
        assertThat(auditRows(clinic)).as("the audit trail is untouched").containsAll(auditBefore);
        audit.flush();
        assertThat(jdbc.queryForList("select action from audit_record where clinic_id = ? and client_id = ?", String.class,
                clinic.clinicId().toString(), clinic.clientId().toString()))
                .as("the request, its confirmation and the erasure are on the trail, by id")
                .contains("erasure.requested", "erasure.confirmed", "client.erased");
        assertThat(Schema.count(jdbc, "client", "id", stays.clientId())).as("another client keeps everything").isOne();
        assertThat(Schema.count(jdbc, "clinic_export_file", "export_id", export.status().id()))
                .as("stored exports made before the erasure are discarded").isZero();
        clinic.admin().signIn();
        assertThat(privacy.erasureRequests()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(request.id());
            assertThat(r.state()).isEqualTo(ErasureState.ERASED);
            assertThat(r.clientName()).isNull();
        });
        assertThatThrownBy(() -> clinicExports.download(export.token())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void with_no_retention_period_confirming_erases_at_once() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        UUID accountId = clientAccount(clinic);
        clinic.signInClient();
        ErasureView request = privacy.requestErasure();
        assertThat(request.eraseOn()).isEqualTo(request.requestedAt());

        clinic.admin().signIn();
        ErasureView done = privacy.confirmErasure(request.id());

        assertThat(done.state()).isEqualTo(ErasureState.ERASED);
        assertThat(traces(clinic.clientId(), accountId, clinic.world().email())).containsOnlyKeys("erasure_request.client_id");
        assertThatThrownBy(() -> privacy.clientData(clinic.clientId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_client_may_withdraw_until_the_admin_confirms() {
        Clinic clinic = fixture.people(greenMail, "en");
        clinic.signInClient();
        ErasureView request = privacy.requestErasure();

        privacy.withdrawErasure();

        assertThat(privacy.mine().erasure()).hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(ErasureState.WITHDRAWN));
        clinic.admin().signIn();
        assertThatThrownBy(() -> privacy.confirmErasure(request.id())).isInstanceOf(DomainException.class)
                .hasMessageContaining("privacy.erasure.not-open");
        assertThat(Schema.count(jdbc, "client", "id", clinic.clientId())).isOne();
        clinic.signInClient();
        assertThatThrownBy(privacy::withdrawErasure).isInstanceOf(DomainException.class)
                .hasMessageContaining("privacy.erasure.none");
    }

    @Test
    void another_clinics_admin_and_a_therapist_cannot_confirm_or_see_a_request() {
        Clinic clinic = fixture.people(greenMail, "en");
        Clinic elsewhere = fixture.people(greenMail, "en");
        clinic.signInClient();
        ErasureView request = privacy.requestErasure();

        elsewhere.admin().signIn();
        assertThatThrownBy(() -> privacy.confirmErasure(request.id())).isInstanceOf(NotFoundException.class);
        assertThat(privacy.erasureRequests()).noneMatch(r -> r.id().equals(request.id()));
        clinic.world().therapist().signIn();
        assertThatThrownBy(() -> privacy.confirmErasure(request.id())).isInstanceOf(AccessDeniedException.class);
        elsewhere.signInClient();
        assertThatThrownBy(privacy::withdrawErasure).as("a client withdraws only their own")
                .isInstanceOf(DomainException.class);

        assertThat(Schema.count(jdbc, "erasure_request", "id", request.id())).isOne();
        clinic.admin().signIn();
        assertThat(privacy.erasureRequests()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(ErasureState.REQUESTED));
    }

    @Test
    void a_retention_period_outside_zero_to_ten_years_is_refused_with_a_message() {
        Clinic clinic = fixture.people(greenMail, "en");
        clinic.admin().signIn();

        for (Integer days : new Integer[]{-1, 3651, null}) {
            assertThatThrownBy(() -> privacy.changeRetention(days)).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("keepDays"))
                    .hasMessageContaining("privacy.retention.range");
        }
        assertThat(privacy.retentionDays()).isZero();
        clinic.world().therapist().signIn();
        assertThatThrownBy(() -> privacy.changeRetention(5)).isInstanceOf(AccessDeniedException.class);
    }

    private UUID clientAccount(Clinic clinic) {
        return UUID.fromString(jdbc.queryForObject("select account_id from client where id = ?", String.class,
                clinic.clientId().toString()));
    }

    /** Every (table.column) of the schema named client_id, account_id or email that still holds one of these. */
    private Map<String, Long> traces(UUID clientId, UUID accountId, String email) {
        Map<String, Long> found = new TreeMap<>();
        Map<String, Object> columns = Map.of("client_id", clientId, "account_id", accountId, "email", email);
        columns.forEach((column, value) -> {
            for (String table : Schema.tablesWithColumn(jdbc, column)) {
                long n = Schema.count(jdbc, table, column, value);
                if (n > 0 && !table.equals("audit_record")) {
                    found.put(table + "." + column, n);
                }
            }
        });
        Set<String> idColumnTables = Schema.tablesWithColumn(jdbc, "id");
        if (idColumnTables.contains("client") && Schema.count(jdbc, "client", "id", clientId) > 0) {
            found.put("client.id", 1L);
        }
        if (Schema.count(jdbc, "account", "id", accountId) > 0) {
            found.put("account.id", 1L);
        }
        return found;
    }

    /** Rows of the erased client's clinic holding the text (other tests' clinics may hold the fixture's texts). */
    private long textAnywhere(UUID clinic, String text) {
        Map<String, List<String>> columns = Map.of(
                "entry", List.of("answers", "reflection_note", "feedback", "answer_feedback"),
                "client_goal", List.of("text"),
                "change_request", List.of("note"),
                "assignment", List.of("rationale", "plan_what", "backup_plan"),
                "safety_alert", List.of("label", "note"));
        long n = 0;
        for (var table : columns.entrySet()) {
            String where = String.join(" or ", table.getValue().stream().map(c -> "x." + c + " like ?").toList());
            List<Object> args = new ArrayList<>();
            args.add(clinic.toString());
            table.getValue().forEach(c -> args.add("%" + text + "%"));
            Long hits = jdbc.queryForObject("select count(*) from " + table.getKey() + " x where x.clinic_id = ? and ("
                    + where + ")", Long.class, args.toArray());
            n += hits == null ? 0 : hits;
        }
        return n;
    }

    private List<Map<String, Object>> auditRows(Clinic clinic) {
        return jdbc.queryForList("select * from audit_record where clinic_id = ? order by id", clinic.clinicId().toString());
    }
}
