package app.homeward.architecture;

import app.homeward.Application;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.transaction.annotation.Transactional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The structure DESIGN.md promises, checked on every build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.homeward");
    }

    @Test
    void feature_packages_do_not_form_cycles() {
        slices().matching("app.homeward.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void spring_modulith_finds_no_cycles_or_internal_access_between_modules() {
        ApplicationModules.of(Application.class).verify();
    }

    @Test
    void views_do_not_touch_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views call one service method per event; services own data access")
                .check(classes);
    }

    @Test
    void views_are_not_transactional() {
        noClasses().that().resideInAPackage("..ui..")
                .should().beAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Transactional.class.getName())
                .check(classes);
        methods().that().areDeclaredInClassesThat().resideInAPackage("..ui..")
                .should().notBeAnnotatedWith(Transactional.class)
                .check(classes);
    }

    @Test
    void no_native_sql_anywhere() {
        ArchRule rule = noClasses().should().callMethod(jakarta.persistence.EntityManager.class, "createNativeQuery", String.class)
                .orShould().callMethod(jakarta.persistence.EntityManager.class, "createNativeQuery", String.class, Class.class)
                .because("native SQL bypasses Hibernate's tenant filter");
        rule.check(classes);
        methods().that().areAnnotatedWith(org.springframework.data.jpa.repository.NativeQuery.class)
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.never(
                        com.tngtech.archunit.lang.conditions.ArchConditions.beDeclaredIn(Object.class)))
                .allowEmptyShould(true)
                .check(classes);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .because("no SQL that Hibernate's tenant filter cannot see")
                .check(classes);
    }

    @Test
    void only_the_platform_and_clinic_links_act_across_clinics() {
        noClasses().that().resideOutsideOfPackages("app.homeward.platform..", "app.homeward.tenancy..")
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("ClinicLinks")))
                .should().callMethod(app.homeward.tenancy.TenantContext.class, "callAsRoot", java.util.concurrent.Callable.class)
                .check(classes);
    }

    @Test
    void tenant_owned_entities_extend_tenant_scoped_entity() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .and().doNotHaveSimpleName("Clinic")
                .and().doNotHaveSimpleName("PlatformOperator")
                .and().doNotHaveSimpleName("AuditEvent")
                // shipped with Homeward, the same for every clinic
                .and().doNotHaveSimpleName("BuiltInWorksheet")
                .should().beAssignableTo(app.homeward.base.TenantScopedEntity.class)
                .because("every row that belongs to a clinic is filtered by Hibernate's @TenantId")
                .check(classes);
    }
}
