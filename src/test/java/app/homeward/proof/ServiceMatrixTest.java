package app.homeward.proof;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics.TestAccount;
import app.homeward.audit.AuditTrail;
import app.homeward.client.ClientService;
import app.homeward.privacy.DataRightsFixture;
import app.homeward.privacy.DataRightsFixture.Clinic;
import app.homeward.reminder.AlertEscalation;
import app.homeward.reminder.ReminderFixture;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicDirectory;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clinic B's people call every service operation that takes an id, with each kind of clinic A's objects: a
 * clinic with a row in every tenant table (the data-rights fixture) gives one id per table, and every public
 * method with a {@code UUID} parameter of every application bean outside the views is called with it, as
 * clinic B's admin, therapist and client. Whatever each call answers (mostly "not found" or "not allowed"),
 * clinic A's rows are all unchanged afterwards, nothing any call returns names one of clinic A's objects or
 * people, and nobody at clinic A got an email. The operations are found by reflection, so a new service
 * method is in the matrix without anyone adding it.
 * <p>
 * Left out, each for its reason: parameters named {@code clinicId} (background jobs' entry points, which
 * bind the clinic they are given by design and are never reachable from a page); the tenant registry
 * ({@link ClinicDirectory}, which holds the clinics themselves, public by slug); the throttle's counters
 * (keyed by ids, no tenant data, fed only with the session's own account); test-only beans.
 */
class ServiceMatrixTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final Set<String> NOT_OPERATIONS = Set.of("ClinicDirectory", "SignInThrottle");

    @Autowired ApplicationContext context;
    @Autowired DataRightsFixture fixture;
    @Autowired ReminderFixture reminders;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail auditTrail;

    @Test
    void clinic_b_calling_every_operation_with_clinic_a_ids_changes_nothing_and_learns_nothing() {
        Clinic a = fixture.people(greenMail, "en");
        fixture.history(a);
        fixture.clinicRows(a);
        TestUsers.signOut();
        Map<String, UUID> idsOfA = oneIdPerTable(a.clinicId());
        assertThat(idsOfA).as("an object of clinic A in most tenant tables").hasSizeGreaterThan(15);
        List<String> secretsOfA = new ArrayList<>(idsOfA.values().stream().map(UUID::toString).toList());
        secretsOfA.add(a.world().name());
        secretsOfA.add(a.world().email());
        secretsOfA.add(a.world().therapist().email());

        TestAccount therapistB = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        World b = reminders.join(greenMail, therapistB.clinic(), therapistB, ZoneId.of("Europe/Madrid"), "en");
        TestAccount adminB = testClinics.account(therapistB.clinic(), Role.CLINIC_ADMIN);
        Map<String, Runnable> asClinicB = new LinkedHashMap<>();
        asClinicB.put("admin", adminB::signIn);
        asClinicB.put("therapist", therapistB::signIn);
        asClinicB.put("client", () -> TestUsers.signInAs(b.client()));

        auditTrail.flush();
        Map<String, List<String>> before = TenantRows.of(jdbc, a.clinicId());
        int mailsToA = mailsTo(a);

        List<Method> operations = operations();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        for (Method operation : operations) {
            Object bean = context.getBean(operation.getDeclaringClass());
            for (Map.Entry<String, UUID> id : idsOfA.entrySet()) {
                for (Map.Entry<String, Runnable> who : asClinicB.entrySet()) {
                    who.getValue().run();
                    String what = name(operation) + "(" + id.getKey() + ") as clinic B's " + who.getKey();
                    Object result;
                    try {
                        result = operation.invoke(bean, arguments(operation, id.getValue()));
                        outcomes.merge("answered", 1, Integer::sum);
                    } catch (InvocationTargetException refused) {
                        outcomes.merge(refused.getCause().getClass().getSimpleName(), 1, Integer::sum);
                        continue;
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(what, e);
                    } finally {
                        TestUsers.signOut();
                    }
                    String answer = String.valueOf(result);
                    secretsOfA.stream().filter(answer::contains)
                            .forEach(secret -> leaks.add(what + " answered with " + secret));
                }
            }
        }
        System.out.printf("[matrix] %d operations x %d of clinic A's objects x %d roles: %s%n",
                operations.size(), idsOfA.size(), asClinicB.size(), outcomes);

        assertThat(operations).as("the operations found").hasSizeGreaterThan(80);
        assertThat(leaks).as("answers naming clinic A's objects or people").isEmpty();
        auditTrail.flush();
        assertThat(TenantRows.of(jdbc, a.clinicId())).as("clinic A's rows").isEqualTo(before);
        assertThat(mailsTo(a)).as("emails to clinic A's people").isEqualTo(mailsToA);
    }

    @Test
    void the_matrix_sees_an_answer_with_another_clinics_data_and_a_changed_row(@Autowired ClientService clients,
                                                                             @Autowired AlertEscalation escalation) {
        Clinic a = fixture.people(greenMail, "en");
        auditTrail.flush();
        Map<String, List<String>> before = TenantRows.of(jdbc, a.clinicId());
        a.admin().signIn();
        // what clinic A's own admin may do is what the matrix must catch if clinic B could
        String answer = String.valueOf(clients.profile(a.clientId()));
        escalation.change(1);
        TestUsers.signOut();
        auditTrail.flush();

        assertThat(answer).contains(a.world().name());
        assertThat(TenantRows.of(jdbc, a.clinicId())).isNotEqualTo(before);
    }

    /** Every public method taking an id of every application bean that is not a view, a test helper or left out. */
    private List<Method> operations() {
        Set<Class<?>> beans = new LinkedHashSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = AopUtils.getTargetClass(context.getBean(name));
            if (type.getName().startsWith("app.homeward.") && !type.getName().contains(".ui.")
                    && Modifier.isPublic(type.getModifiers()) && !NOT_OPERATIONS.contains(type.getSimpleName())
                    && !type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                beans.add(type);
            }
        }
        List<Method> operations = new ArrayList<>();
        for (Class<?> type : beans) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && takesAnId(method)) {
                    operations.add(method);
                }
            }
        }
        operations.sort((x, y) -> name(x).compareTo(name(y)));
        return operations;
    }

    /** An id, or a collection of ids, among the parameters; none that names the clinic to work in. */
    private static boolean takesAnId(Method method) {
        boolean id = false;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getName().toLowerCase(Locale.ROOT).startsWith("clinic")) {
                return false;
            }
            id |= parameter.getType() == UUID.class
                    || (Collection.class.isAssignableFrom(parameter.getType())
                    && parameter.getParameterizedType().getTypeName().endsWith("<java.util.UUID>"));
        }
        return id;
    }

    /** Clinic A's id for every id, a list of it for every collection, a harmless value for everything else. */
    private static Object[] arguments(Method method, UUID id) {
        Class<?>[] types = method.getParameterTypes();
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            values[i] = type == UUID.class ? id
                    : Collection.class.isAssignableFrom(type) ? (Set.class.isAssignableFrom(type) ? Set.of(id) : List.of(id))
                    : type == String.class ? "matrix"
                    : type == boolean.class ? false
                    : type == int.class ? 1
                    : type == long.class ? 1L
                    : type == double.class ? 1.0
                    : type == Locale.class ? Locale.ENGLISH
                    : type.isEnum() ? type.getEnumConstants()[0]
                    : type == Supplier.class ? (Supplier<Object>) () -> null
                    : null;
        }
        return values;
    }

    /** One id of clinic A from each tenant table that has an id column, and the client's account. */
    private Map<String, UUID> oneIdPerTable(UUID clinic) {
        Map<String, UUID> ids = new TreeMap<>();
        for (String table : TenantRows.tables(jdbc)) {
            try {
                jdbc.queryForList("select id from " + table + " where clinic_id = ? order by id", String.class,
                        clinic.toString()).stream().findFirst()
                        .ifPresent(id -> ids.put(table.toLowerCase(Locale.ROOT), UUID.fromString(id)));
            } catch (RuntimeException noIdColumn) {
                // a table keyed otherwise (none today): its rows are still in the before/after comparison
            }
        }
        return ids;
    }

    private static int mailsTo(Clinic a) {
        return Mails.to(greenMail, a.world().email()).size() + Mails.to(greenMail, a.world().therapist().email()).size()
                + Mails.to(greenMail, a.admin().email()).size();
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
