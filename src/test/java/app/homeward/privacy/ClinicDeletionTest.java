package app.homeward.privacy;

import app.homeward.IntegrationTest;
import app.homeward.base.ClinicData;
import app.homeward.base.DomainException;
import app.homeward.platform.PlatformService;
import app.homeward.privacy.DataRightsFixture.Clinic;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicDirectory;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import app.homeward.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform operator deletes a whole clinic: afterwards no row with its id is left in any table that has
 * a clinic_id column — the tables are read from the database's INFORMATION_SCHEMA, not from a list — except
 * the audit trail, whose records carry ids only and are kept by design; db-scheduler's rows for the clinic
 * go too. Another clinic keeps every row.
 */
class ClinicDeletionTest extends IntegrationTest {

    /** The one table whose rows of a deleted clinic stay (decision 0029): ids only, kept for accountability. */
    static final String AUDIT = "audit_record";

    @Autowired AuditTrail auditTrail;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired DataRightsFixture fixture;
    @Autowired ExportFixture exports;
    @Autowired PlatformService platform;
    @Autowired ClinicDirectory clinics;
    @Autowired List<ClinicData> owners;
    @Autowired JdbcTemplate jdbc;

    @Test
    void every_tenant_table_in_the_schema_has_a_feature_that_exports_erases_and_deletes_it() {
        Set<String> tenantTables = Schema.tablesWithColumn(jdbc, "clinic_id");
        Set<String> owned = owners.stream().flatMap(o -> o.tables().stream()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(tenantTables).as("read from the schema").hasSizeGreaterThan(15);
        assertThat(owned).as("no feature claims a table that does not exist").isSubsetOf(tenantTables);
        TreeSet<String> unowned = new TreeSet<>(tenantTables);
        unowned.removeAll(owned);
        assertThat(unowned).as("tenant tables no ClinicData bean owns: only the audit trail").containsExactly(AUDIT);
    }

    @Test
    void deleting_a_clinic_leaves_no_row_with_its_id_except_the_audit_trails_and_touches_no_other_clinic() {
        Clinic doomed = fullClinic();
        Clinic other = fullClinic();
        auditTrail.flush(); // views and downloads of the fixture are queued: count them before, not during
        Set<String> tables = Schema.tablesWithColumn(jdbc, "clinic_id");
        Map<String, Long> before = counts(tables, doomed);
        Map<String, Long> otherBefore = counts(tables, other);
        assertThat(before.entrySet().stream().filter(e -> e.getValue() == 0 && !e.getKey().equals(AUDIT))
                .map(Map.Entry::getKey).toList())
                .as("the fixture puts rows of the clinic in every tenant table, so the deletion is really tried on each")
                .isEmpty();
        assertThat(tasks(doomed)).as("db-scheduler rows named by the clinic's id").isPositive();

        TestUsers.signInAs(TestUsers.operator());
        platform.suspend(doomed.clinicId());
        assertThatThrownBy(() -> platform.delete(doomed.clinicId(), other.world().clinic().slug()))
                .isInstanceOf(DomainException.class).hasMessageContaining("platform.delete.slug-mismatch");
        platform.delete(doomed.clinicId(), "  " + doomed.world().clinic().slug().toUpperCase() + " ");

        Map<String, Long> after = counts(tables, doomed);
        Map<String, Long> left = new TreeMap<>(after);
        left.values().removeIf(n -> n == 0);
        assertThat(left.keySet()).as("tables with rows of the deleted clinic").containsExactly(AUDIT);
        assertThat(after.get(AUDIT)).as("the clinic's own trail is kept as it was").isEqualTo(before.get(AUDIT));
        auditTrail.flush();
        assertThat(jdbc.queryForObject("select count(*) from audit_record where clinic_id = ? and action = 'clinic.deleted'"
                        + " and object_id = ?", Long.class, AuditTrail.PLATFORM.toString(), doomed.clinicId().toString()))
                .as("the deletion is on the platform's trail").isEqualTo(1);
        assertThat(Schema.count(jdbc, "clinic", "id", doomed.clinicId())).isZero();
        assertThat(clinics.findById(doomed.clinicId())).isEmpty();
        assertThat(tasks(doomed)).as("db-scheduler rows of the clinic").isZero();
        assertThat(counts(tables, other)).as("the other clinic keeps every row").isEqualTo(otherBefore);
        assertThat(tasks(other)).isPositive();
    }

    @Test
    void only_a_suspended_clinic_is_deleted_and_only_after_its_slug_is_typed() {
        Clinic clinic = fixture.people(greenMail, "en");
        TestUsers.signInAs(TestUsers.operator());

        assertThatThrownBy(() -> platform.delete(clinic.clinicId(), clinic.world().clinic().slug()))
                .isInstanceOf(DomainException.class).hasMessageContaining("platform.delete.suspend-first");
        platform.suspend(clinic.clinicId());
        assertThatThrownBy(() -> platform.delete(clinic.clinicId(), ""))
                .isInstanceOf(DomainException.class).hasMessageContaining("platform.delete.slug-mismatch");
        assertThat(clinics.findById(clinic.clinicId())).isPresent();
        clinic.admin().signIn();
        assertThatThrownBy(() -> platform.delete(clinic.clinicId(), clinic.world().clinic().slug()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(clinics.findById(clinic.clinicId())).isPresent();
    }

    private Clinic fullClinic() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        exports.finished(clinic);
        fixture.clinicRows(clinic);
        return clinic;
    }

    private Map<String, Long> counts(Set<String> tables, Clinic clinic) {
        Map<String, Long> counts = new TreeMap<>();
        tables.forEach(t -> counts.put(t, Schema.count(jdbc, t, "clinic_id", clinic.clinicId())));
        return counts;
    }

    private long tasks(Clinic clinic) {
        return Schema.count(jdbc, "scheduled_tasks", "task_instance", clinic.clinicId());
    }
}
