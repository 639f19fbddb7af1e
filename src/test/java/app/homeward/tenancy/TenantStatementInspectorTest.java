package app.homeward.tenancy;

import app.homeward.IntegrationTest;
import app.homeward.tenancy.TenantStatementInspector.UnrestrictedTenantStatement;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The data-layer guard that the whole test suite runs with ({@link TenantStatementGuard}): a statement on a tenant
 * table that does not restrict clinic_id fails, whatever produced it. Planted statements here, through the real
 * Hibernate of the suite's context, prove the guard is installed and bites.
 */
class TenantStatementInspectorTest extends IntegrationTest {

    @Autowired EntityManager entityManager;
    @Autowired TransactionTemplate tx;
    @Autowired DataSource dataSource;

    private final TenantStatementInspector inspector = new TenantStatementInspector(() -> Set.of("client", "entry"));

    @Test
    void tenant_tables_are_read_from_the_schema() {
        Set<String> tables = TenantStatementGuard.tenantTables(dataSource);
        assertThat(tables).contains("account", "client", "entry", "occurrence", "worksheet_template", "audit_record")
                .doesNotContain("clinic", "builtin_worksheet", "flyway_schema_history");
    }

    @Test
    void a_planted_unrestricted_select_update_or_delete_through_hibernate_fails() {
        UUID clinic = testClinics.clinic().id();
        for (String sql : new String[] {
                "select count(*) from client",
                "update client set display_name = 'x' where id = 'none'",
                "delete from entry where id = 'none'"}) {
            Throwable thrown = catchThrowable(() -> TenantContext.runAs(clinic, () -> tx.executeWithoutResult(s -> {
                var query = entityManager.createNativeQuery(sql);
                if (sql.startsWith("select")) {
                    query.getResultList();
                } else {
                    query.executeUpdate();
                }
            })));
            assertThat(Stream.iterate(thrown, Objects::nonNull, Throwable::getCause)).as(sql)
                    .anyMatch(UnrestrictedTenantStatement.class::isInstance);
        }
    }

    @Test
    void the_same_statements_restricted_to_the_clinic_pass() {
        UUID clinic = testClinics.clinic().id();
        Number count = TenantContext.callAs(clinic, () -> tx.execute(s -> (Number) entityManager
                .createNativeQuery("select count(*) from client c where c.clinic_id = ?")
                .setParameter(1, clinic.toString()).getSingleResult()));
        assertThat(count.longValue()).isZero();
    }

    @Test
    void unrestricted_statements_are_refused() {
        for (String sql : new String[] {
                "select c1_0.id,c1_0.display_name from client c1_0 where c1_0.id=?",
                "select e1_0.id from entry e1_0 join client c1_0 on c1_0.id=e1_0.client_id where e1_0.clinic_id=?",
                "update client set display_name=? where id=?",
                "update client c set display_name=? where c.id=? or clinic_id=?",
                "delete from entry where id=?",
                "delete from entry e where e.client_id in (select c.id from client c where c.clinic_id=?)",
                "SELECT * FROM Client x WHERE x.Id = ?"}) {
            assertThatThrownBy(() -> inspector.inspect(sql)).as(sql).isInstanceOf(UnrestrictedTenantStatement.class);
        }
    }

    @Test
    void restricted_statements_inserts_and_other_tables_pass() {
        for (String sql : new String[] {
                "select c1_0.id from client c1_0 where c1_0.clinic_id=? and c1_0.id=?",
                "select e1_0.id from entry e1_0 join client c1_0 on c1_0.id=e1_0.client_id and c1_0.clinic_id=? where e1_0.clinic_id=?",
                "select c1_0.id from client c1_0 where c1_0.clinic_id in (?,?)",
                "update client set display_name=? where id=? and clinic_id=?",
                "delete from entry where id=? and version=? and clinic_id=coalesce(?,clinic_id)",
                "insert into client (id,clinic_id,display_name) values (?,?,?)",
                "select c1_0.id from clinic c1_0 where c1_0.id=?"}) {
            assertThatCode(() -> inspector.inspect(sql)).as(sql).doesNotThrowAnyException();
        }
    }

    @Test
    void the_root_tenant_may_sweep_every_clinic() {
        assertThatCode(() -> TenantContext.runAs(TenantContext.ROOT, () -> inspector.inspect("select c1_0.id from client c1_0")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TenantContext.runAs(UUID.randomUUID(), () -> inspector.inspect("select c1_0.id from client c1_0")))
                .isInstanceOf(UnrestrictedTenantStatement.class);
    }
}
