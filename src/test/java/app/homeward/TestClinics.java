package app.homeward;

import app.homeward.client.ClientProfile;
import app.homeward.security.AccountDirectory;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * Test data through the real services: clinics with random slugs and accounts in them, so tests never
 * depend on (or collide with) what else is in the database. A component under {@code app.homeward}
 * in the test sources, so every {@code @SpringBootTest} picks it up.
 */
@Component
public class TestClinics {

    /** The platform operator every test context bootstraps (on every profile: see IntegrationTest). */
    public static final String OPERATOR_EMAIL = "operator@tests.homeward.test";
    public static final String OPERATOR_PASSWORD = "operator-tests-passphrase-2026";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClinicDirectory clinics;
    private final AccountDirectory accounts;
    private final JdbcTemplate jdbc;

    TestClinics(ClinicDirectory clinics, AccountDirectory accounts, JdbcTemplate jdbc) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /**
     * A client just added as joined, without going through the invitation email: the record is made active
     * with a fresh account id, and the principal that account would sign in as is returned.
     */
    public HomewardUser joined(ClinicBranding clinic, ClientProfile profile) {
        UUID account = UUID.randomUUID();
        if (jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                account.toString(), profile.id().toString(), clinic.id().toString()) != 1) {
            throw new IllegalStateException("no such client in the clinic: " + profile.id());
        }
        return TestUsers.principal(account, clinic.id(), clinic.slug(), profile.email(),
                profile.displayName(), Role.CLIENT, 0);
    }

    /** An active clinic with slug "t-" + 8 random letters and an English default language. */
    public ClinicBranding clinic() {
        String slug = randomSlug();
        return clinics.create(UUID.randomUUID(), slug, "Clinic " + slug, ZoneId.of("Europe/Madrid"), "en", ClinicStatus.ACTIVE);
    }

    public ClinicBranding clinic(String name) {
        return clinics.create(UUID.randomUUID(), randomSlug(), name, ZoneId.of("Europe/Madrid"), "en", ClinicStatus.ACTIVE);
    }

    /** An active account with a random email and password in the clinic. */
    public TestAccount account(ClinicBranding clinic, Role role) {
        return account(clinic, role, randomEmail());
    }

    public TestAccount account(ClinicBranding clinic, Role role, String email) {
        String password = "a-long-passphrase-" + random(10);
        String name = role.name().toLowerCase(Locale.ROOT) + " " + random(5);
        UUID id = TenantContext.callAs(clinic.id(),
                () -> accounts.provision(email, name, role, true, password));
        return new TestAccount(id, clinic, email, name, role, password);
    }

    public static String randomSlug() {
        return "t-" + random(8);
    }

    public static String randomEmail() {
        return "u-" + random(10) + "@example.test";
    }

    /** A random private address, so the per-IP sign-in throttle and rate limits of one test never hit another. */
    public static String randomIp() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    public static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    /** An account created by a test, with the password it was created with. */
    public record TestAccount(UUID id, ClinicBranding clinic, String email, String displayName, Role role,
                              String password) {

        public UUID clinicId() {
            return clinic.id();
        }

        /** The principal a fresh sign-in would produce (session stamp 0: the account was never reset). */
        public HomewardUser principal() {
            return TestUsers.principal(id, clinic.id(), clinic.slug(), email, displayName, role, 0);
        }

        /** Puts this account into the SecurityContext, as a signed-in session does. */
        public HomewardUser signIn() {
            return TestUsers.signInAs(principal());
        }
    }
}
