package app.homeward.audit;

import app.homeward.IntegrationTest;
import app.homeward.tenancy.ClinicBranding;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trail is append-only three times over: the application has no way to change or delete a record (a
 * repository that only inserts and reads, an immutable entity without setters, checked here and by ArchUnit),
 * and the database itself refuses UPDATE and DELETE on the table (triggers, V10_1), whoever sends them.
 * CI runs this on MariaDB too, where the triggers are MySQL's.
 */
class AuditAppendOnlyTest extends IntegrationTest {

    private static JavaClasses production;

    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.homeward");
    }

    // ------------------------------------------------------------------ no code path changes a record

    @Test
    void the_repository_can_only_insert_and_read() {
        Class<?> repository = AuditRecordRepository.class;

        assertThat(Repository.class).isAssignableFrom(repository);
        assertThat(List.of(CrudRepository.class, ListCrudRepository.class, PagingAndSortingRepository.class,
                JpaRepository.class))
                .as("no repository base type with delete or flush-and-change methods")
                .noneMatch(base -> base.isAssignableFrom(repository));
        List<Method> methods = Arrays.asList(repository.getMethods());
        assertThat(methods).extracting(Method::getName)
                .allMatch(name -> name.startsWith("save") || name.startsWith("search") || name.startsWith("count")
                        || name.startsWith("find"), "only save, search, count and find methods");
        assertThat(methods).noneMatch(m -> m.isAnnotationPresent(Modifying.class));
    }

    @Test
    void an_audit_record_is_immutable_and_has_no_setters() {
        assertThat(AuditRecord.class.isAnnotationPresent(Immutable.class)).isTrue();
        assertThat(Arrays.stream(AuditRecord.class.getDeclaredMethods()))
                .noneMatch(m -> m.getName().startsWith("set") && !Modifier.isPrivate(m.getModifiers()));
    }

    @Test
    void only_the_trail_itself_writes_records_and_views_never_record() {
        noClasses().that().resideOutsideOfPackage("app.homeward.audit")
                .should().dependOnClassesThat().haveSimpleName("AuditRecordRepository")
                .because("records are written by AuditTrail alone, and never changed")
                .check(production);
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(AuditTrail.class)
                .because("the services record (they are the security boundary and know the client), not the views")
                .check(production);
        noClasses().should().callMethod(EntityManager.class, "remove", Object.class)
                .orShould().callMethod(EntityManager.class, "merge", Object.class)
                .because("nothing removes or merges an entity by hand, an audit record least of all")
                .allowEmptyShould(true)
                .check(production.that(JavaClass.Predicates.resideInAPackage("app.homeward.audit..")));
    }

    @Test
    void only_the_append_only_trigger_uses_h2() {
        noClasses().that().resideInAPackage("app.homeward..").and().doNotHaveSimpleName("AppendOnlyTrigger")
                .should().dependOnClassesThat().resideInAPackage("org.h2..")
                .because("H2 is on the compile class path only for the trigger that guards the trail")
                .check(production);
    }

    // ------------------------------------------------------------------ the database refuses

    @Test
    void the_database_refuses_to_update_or_delete_an_audit_record() {
        ClinicBranding clinic = testClinics.clinic();
        UUID client = UUID.randomUUID();
        trail.record(AuditEntry.of(AuditAction.CLIENT_VIEWED).clinic(clinic.id()).client(client)
                .object(AuditObject.CLIENT, client).actor(UUID.randomUUID(), "THERAPIST"));
        trail.flush();
        Map<String, Object> before = jdbc.queryForMap("select * from audit_record where clinic_id = ?", clinic.id().toString());
        String id = (String) before.get("id");

        assertThatThrownBy(() -> jdbc.update("update audit_record set action = 'nothing.happened' where id = ?", id))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_record set client_id = null where clinic_id = ?",
                clinic.id().toString()))
                .as("erasing a client never needs to touch the trail, and could not").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_record where id = ?", id))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_record where clinic_id = ?", clinic.id().toString()))
                .as("nor can a whole clinic's trail be deleted").isInstanceOf(DataAccessException.class);

        assertThat(jdbc.queryForMap("select * from audit_record where id = ?", id)).isEqualTo(before);
    }

    @Test
    void the_database_still_takes_new_records() {
        ClinicBranding clinic = testClinics.clinic();

        int inserted = jdbc.update("""
                insert into audit_record (id, clinic_id, occurred_at, action, outcome, version)
                values (?, ?, ?, 'sign-in', 'FAILED', 0)""", UUID.randomUUID().toString(), clinic.id().toString(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));

        assertThat(inserted).isEqualTo(1);
    }
}
