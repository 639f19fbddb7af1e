package app.homeward.architecture;

import app.homeward.Application;
import app.homeward.architecture.planted.PlantedParts;
import app.homeward.base.AppClock;
import app.homeward.base.TenantScopedEntity;
import app.homeward.client.ui.ClientView;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.tenancy.TenantContext;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        slices().assignedFrom(MODULES).should().beFreeOfCycles().check(classes);
    }

    /**
     * A slice per application module as Spring Modulith sees them: each top-level feature package, and each
     * package inside one that is annotated as a module of its own (the client pages, which sit above the
     * features that show a client: {@code client.ui}).
     */
    static final SliceAssignment MODULES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String root = "app.homeward.";
            if (!type.getPackageName().startsWith(root)) {
                return SliceIdentifier.ignore();
            }
            for (JavaPackage p = type.getPackage(); p.getName().length() > root.length(); p = p.getParent().orElseThrow()) {
                if (p.getName().indexOf('.', root.length()) > 0 && p.isAnnotatedWith(ApplicationModule.class)) {
                    return SliceIdentifier.of(p.getName().substring(root.length()));
                }
            }
            return SliceIdentifier.of(type.getPackageName().substring(root.length()).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "application modules (top-level feature packages and the modules nested in them)";
        }
    };

    @Test
    void spring_modulith_finds_no_cycles_or_internal_access_between_modules() {
        ApplicationModules.of(Application.class).verify();
    }

    /**
     * The client pages sit above the features whose parts they show (decision 0011): nothing outside
     * {@code client.ui} uses them, and a lower feature's view links to them by address ({@code PageLinks}).
     */
    static ArchRule clientPagesAreOnTop() {
        return noClasses().that().resideOutsideOfPackage("app.homeward.client.ui..")
                .should().dependOnClassesThat().resideInAPackage("app.homeward.client.ui..")
                .because("the client pages are a module above homework, adherence and audit: link to them by address");
    }

    @Test
    void nothing_below_the_client_pages_uses_them() {
        clientPagesAreOnTop().check(classes);
    }

    @Test
    void the_client_pages_rule_sees_a_lower_view_linking_by_class() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedClientLink.class);
        assertThatThrownBy(() -> clientPagesAreOnTop().check(planted))
                .hasMessageContaining(PlantedClientLink.class.getName())
                .hasMessageContaining("app.homeward.client.ui.ClientView");
    }

    /** A homework view's link to the client page by class, the way the layout forbids. */
    @SuppressWarnings("unused")
    static final class PlantedClientLink {
        RouterLink link(UUID clientId) {
            return new RouterLink("client", ClientView.class, new RouteParameters("id", clientId.toString()));
        }
    }

    /**
     * A module's entities and repositories are its own: other modules go through its services and records.
     * Java cannot say "public inside the module only", and homework's parts (plan, portal, review, adherence)
     * share one model in sub-packages, so its entities and repositories are public: this rule keeps them in.
     */
    static ArchRule modelStaysInItsModule() {
        return classes().that().resideInAPackage("app.homeward..").should(new ArchCondition<>(
                "use the entities and repositories of their own module only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String module = topLevelModule(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    boolean model = target.isAnnotatedWith(Entity.class)
                            || (target.isAssignableTo(Repository.class) && !target.getPackageName().startsWith("org.springframework"));
                    if (model && target.getPackageName().startsWith("app.homeward.") && !topLevelModule(target).equals(module)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).because("a module's data is reached through its services; its tables are nobody else's business");
    }

    private static String topLevelModule(JavaClass type) {
        String name = type.getPackageName();
        return name.startsWith("app.homeward.") ? name.substring("app.homeward.".length()).split("\\.")[0] : name;
    }

    @Test
    void entities_and_repositories_stay_in_their_module() {
        modelStaysInItsModule().check(classes);
    }

    @Test
    void the_model_rule_sees_another_module_reading_homework_tables() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedModelUse.class);
        assertThatThrownBy(() -> modelStaysInItsModule().check(planted))
                .hasMessageContaining("app.homeward.homework.OccurrenceRepository")
                .hasMessageContaining("app.homeward.homework.Occurrence.getDueAt()");
    }

    /** A feature outside homework reading its occurrences straight from the repository, the way the layout forbids. */
    @SuppressWarnings("unused")
    static final class PlantedModelUse {
        Instant firstDue(OccurrenceRepository occurrences, UUID assignment) {
            return occurrences.findByAssignmentIdOrderByDueAt(assignment).getFirst().getDueAt();
        }
    }

    /**
     * The parts of homework (decision 0011): each sub-package of one concern ({@code plan}, {@code portal},
     * {@code review}, {@code adherence}, each with its {@code ui}) builds on the shared model in the root
     * ({@code homework}, {@code homework.ui}); the root knows none of them, and a part uses another only where
     * {@link #HOMEWORK_PARTS_MAY_USE} says so.
     */
    static final Map<String, Set<String>> HOMEWORK_PARTS_MAY_USE = Map.of();

    static ArchRule partsOf(String module, Map<String, Set<String>> allowed) {
        return classes().that().resideInAPackage(module + "..").should(new ArchCondition<>(
                "use the shared model and only the parts of " + module + " they are allowed to") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = part(module, origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    if (!target.getPackageName().startsWith(module + ".") && !target.getPackageName().equals(module)) {
                        continue;
                    }
                    String to = part(module, target);
                    if (to.isEmpty() || to.equals(from)) {
                        continue; // the shared model, or inside one part
                    }
                    if (from.isEmpty() || !allowed.getOrDefault(from, Set.of()).contains(to)) {
                        events.add(SimpleConditionEvent.violated(d, (from.isEmpty() ? "the shared model" : from)
                                + " uses " + to + ": " + d.getDescription()));
                    }
                }
            }
        });
    }

    /** The part a class belongs to: the first package below the module, "" for the shared model (root and root ui). */
    private static String part(String module, JavaClass type) {
        String rest = type.getPackageName().equals(module) ? "" : type.getPackageName().substring(module.length() + 1);
        String first = rest.split("\\.")[0];
        return first.equals("ui") ? "" : first;
    }

    @Test
    void the_parts_of_homework_use_the_shared_model_and_not_each_other() {
        partsOf("app.homeward.homework", HOMEWORK_PARTS_MAY_USE).check(classes);
    }

    @Test
    void the_parts_rule_sees_a_part_using_another_and_the_model_using_a_part() {
        String module = PlantedParts.class.getPackageName();
        JavaClasses planted = new ClassFileImporter().importPackages(module);
        assertThatThrownBy(() -> partsOf(module, Map.of()).check(planted))
                .hasMessageContaining("portal uses review")
                .hasMessageContaining("the shared model uses portal")
                .hasMessageNotContaining("review uses");
        // declared, the same use passes
        partsOf(module, Map.of("portal", Set.of("review"))).check(
                new ClassFileImporter().importPackages(module + ".portal", module + ".review"));
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
        NativeSql.rule().check(classes);
    }

    @Test
    void the_native_sql_rule_sees_every_way_of_writing_native_sql() {
        JavaClasses planted = new ClassFileImporter().importClasses(NativeSql.Planted.class, NativeSql.Planted.Queries.class);
        assertThatThrownBy(() -> NativeSql.rule().check(planted))
                .hasMessageContaining("Planted.createNativeQuery(")
                .hasMessageContaining("Planted.createTypedNativeQuery(")
                .hasMessageContaining("Planted.jdbcTemplate(")
                .hasMessageContaining("Queries.annotatedNativeQuery()")
                .hasMessageContaining("Queries.queryMarkedNative()")
                .hasMessageNotContaining("jpqlQuery");
    }

    /**
     * Hand-written SQL only in {@code security.SharedLimitStore}, {@code base.SharedBuckets} and the JDBC helper
     * they share, {@code base.PlatformTable}, on the two
     * platform tables without a clinic (decision 0027; {@code SharedLimitStoreTest} checks the tables):
     * everything else goes through Hibernate, whose tenant filter sees every statement.
     */
    @Test
    void only_the_shared_limit_store_writes_sql_by_hand() {
        // H2's trigger interface hands the audit trail's append-only trigger a Connection it never uses
        DescribedPredicate<JavaClass> h2Trigger = DescribedPredicate.describe("the audit trail's H2 trigger",
                c -> c.getName().equals("app.homeward.audit.AppendOnlyTrigger"));
        handWrittenSql(DescribedPredicate.not(DescribedPredicate.or(sharedLimitStore(), h2Trigger)))
                .because("no SQL that Hibernate's tenant filter cannot see, but for the platform's limit tables")
                .check(classes);
    }

    @Test
    void the_hand_written_sql_rule_sees_the_shared_limit_store() {
        assertThatThrownBy(() -> handWrittenSql(DescribedPredicate.alwaysTrue()).check(classes))
                .hasMessageContaining(SHARED_LIMIT_STORE).hasMessageContaining(SHARED_BUCKETS)
                .hasMessageContaining(PLATFORM_TABLE);
    }

    private static final String SHARED_LIMIT_STORE = "app.homeward.security.SharedLimitStore";
    private static final String SHARED_BUCKETS = "app.homeward.base.SharedBuckets";
    private static final String PLATFORM_TABLE = "app.homeward.base.PlatformTable";

    private static ArchRule handWrittenSql(DescribedPredicate<? super JavaClass> checked) {
        return noClasses().that(checked).should().dependOnClassesThat().areAssignableTo(Connection.class)
                .orShould().dependOnClassesThat().areAssignableTo(Statement.class)
                .orShould().dependOnClassesThat().areAssignableTo(ResultSet.class);
    }

    /** The store, the bucket table, and their nested classes. */
    private static DescribedPredicate<JavaClass> sharedLimitStore() {
        return DescribedPredicate.describe("SharedLimitStore, SharedBuckets or PlatformTable",
                c -> Stream.of(SHARED_LIMIT_STORE, SHARED_BUCKETS, PLATFORM_TABLE)
                        .anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$")));
    }

    /**
     * "Now" comes from the injected {@link java.time.Clock} (the application's {@link app.homeward.base.AppClock})
     * everywhere, so a moved clock moves every decision and every date shown together, and tests can fix it.
     */
    @Test
    void production_code_reads_the_time_only_from_the_application_clock() {
        noClasses().that().doNotHaveFullyQualifiedName(AppClock.class.getName())
                .should(WallClock.READ).because("production code takes now from the injected Clock").check(classes);
    }

    /** A test that reads the wall clock passes or fails by the hour it runs at: tests use the application's clock. */
    @Test
    void tests_never_read_the_wall_clock() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("app.homeward");
        noClasses().that().doNotBelongToAnyOf(WallClock.Planted.class).should(WallClock.READ)
                .because("tests fix the application's clock (TestTime); waiting uses System.nanoTime")
                .check(tests);
    }

    @Test
    void the_wall_clock_rule_sees_every_way_of_reading_the_time() {
        JavaClasses planted = new ClassFileImporter().importClasses(WallClock.Planted.class);
        assertThatThrownBy(() -> noClasses().should(WallClock.READ).check(planted))
                .hasMessageContaining("Instant.now()")
                .hasMessageContaining("LocalDate.now(java.time.ZoneId)")
                .hasMessageContaining("ZonedDateTime.now()")
                .hasMessageContaining("Clock.systemUTC()")
                .hasMessageContaining("System.currentTimeMillis()")
                .hasMessageContaining("Date.<init>()")
                .hasMessageNotContaining("LocalDate.now(java.time.Clock)");
    }

    @Test
    void only_the_platform_and_clinic_links_act_across_clinics() {
        noClasses().that().resideOutsideOfPackages("app.homeward.platform..", "app.homeward.tenancy..")
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("ClinicLinks")))
                .should().callMethod(TenantContext.class, "callAsRoot", Callable.class)
                .check(classes);
    }

    @Test
    void tenant_owned_entities_extend_tenant_scoped_entity() {
        classes().that().areAnnotatedWith(Entity.class)
                .and().doNotHaveSimpleName("Clinic")
                .and().doNotHaveSimpleName("PlatformOperator")
                // shipped with Homeward, the same for every clinic
                .and().doNotHaveSimpleName("BuiltInWorksheet")
                .should().beAssignableTo(TenantScopedEntity.class)
                .because("every row that belongs to a clinic is filtered by Hibernate's @TenantId")
                .check(classes);
    }

    /** Conventions a newcomer can rely on, checked so they stay true (issue 12). */
    static ArchRule routesAreViews() {
        return classes().that().areAnnotatedWith(Route.class)
                .should().haveSimpleNameEndingWith("View")
                .andShould().resideInAPackage("..ui..")
                .because("a page is found by its name: every route is a *View in its feature's ui package");
    }

    @Test
    void every_route_is_a_view_in_a_ui_package() {
        routesAreViews().check(classes);
    }

    @Test
    void the_route_rule_sees_a_route_that_is_not_called_a_view() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedRoute.class);
        assertThatThrownBy(() -> routesAreViews().check(planted)).hasMessageContaining(PlantedRoute.class.getName());
    }

    @Route("planted")
    static class PlantedRoute extends Div {
    }

    /**
     * The security boundary is the service: every public method of a feature's service says who may call
     * it, so a new method cannot be reachable by anyone by accident. What is meant for people who are not
     * signed in (sign-in, signup, links from emails) or for the system (imports, events, delivery) says so
     * with {@code permitAll()}. Left out: the four directories and trails below every feature, which only
     * services call, on behalf of a caller those services have already checked.
     */
    static final Set<String> BELOW_THE_SERVICES = Set.of(
            "app.homeward.audit.AuditTrail", "app.homeward.mail.MailService",
            "app.homeward.security.AccountDirectory", "app.homeward.tenancy.ClinicDirectory");

    static ArchRule servicesSayWhoMayCallThem() {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().areDeclaredInClassesThat(DescribedPredicate.describe("not below the services",
                        (JavaClass c) -> !BELOW_THE_SERVICES.contains(c.getName())))
                .and().arePublic().and().areNotStatic()
                .should().beAnnotatedWith(PreAuthorize.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(PreAuthorize.class)
                .because("services are the security boundary (DESIGN.md): each public operation names who may call it");
    }

    @Test
    void every_public_service_operation_says_who_may_call_it() {
        servicesSayWhoMayCallThem().check(classes);
    }

    @Test
    void the_service_rule_sees_an_operation_without_a_rule() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedService.class);
        assertThatThrownBy(() -> servicesSayWhoMayCallThem().check(planted))
                .hasMessageContaining("PlantedService.open");
    }

    @Service
    static class PlantedService {
        public String open(UUID id) {
            return id.toString();
        }
    }

    @Test
    void the_clinic_module_depends_on_no_feature_above_it() {
        noClasses().that().resideInAPackage("app.homeward.clinic..")
                .should().dependOnClassesThat().resideInAnyPackage("app.homeward.homework..", "app.homeward.reminder..",
                        "app.homeward.client..", "app.homeward.worksheet..", "app.homeward.privacy..",
                        "app.homeward.staff..", "app.homeward.safety..", "app.homeward.portal..", "app.homeward.tenants..")
                .because("features contribute their settings through base.ui.ClinicSettingsSection and the tenants "
                        + "import seeds them from above (decision 0011)")
                .check(classes);
    }

    /**
     * Settings are {@code @ConfigurationProperties} records next to their feature, validated at start-up
     * (decision 0034): a {@code @Value} would read a property nobody documents, with a default of its own and
     * no check, and a typo in its name would pass silently.
     */
    static ArchRule settingsAreConfigurationProperties() {
        return classes().should(new ArchCondition<JavaClass>("not inject properties with @Value") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getFields().stream().filter(field -> field.isAnnotatedWith(Value.class))
                        .forEach(field -> events.add(SimpleConditionEvent.violated(field,
                                field.getFullName() + " is injected with @Value")));
                for (var codeUnit : javaClass.getCodeUnits()) {
                    boolean annotated = codeUnit.isAnnotatedWith(Value.class)
                            || codeUnit.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(Value.class));
                    if (annotated) {
                        events.add(SimpleConditionEvent.violated(codeUnit,
                                codeUnit.getFullName() + " is injected with @Value"));
                    }
                }
            }
        }).because("each feature's settings are one validated @ConfigurationProperties(\"homeward.<feature>\") record");
    }

    @Test
    void production_code_reads_settings_only_through_configuration_properties() {
        settingsAreConfigurationProperties().check(classes);
    }

    @Test
    void the_settings_rule_sees_a_value_on_a_field_and_on_a_constructor_parameter() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedSetting.class);
        assertThatThrownBy(() -> settingsAreConfigurationProperties().check(planted))
                .hasMessageContaining(PlantedSetting.class.getName() + ".limit")
                .hasMessageContaining(PlantedSetting.class.getName() + ".<init>(int)");
    }

    static class PlantedSetting {
        @Value("${homeward.planted.limit:1}")
        int limit;

        PlantedSetting(@Value("${homeward.planted.size:2}") int size) {
            this.limit = size;
        }
    }
}
