package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.LinkTokens;
import app.homeward.base.NotFoundException;
import app.homeward.base.TenantScopedEntity;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A clinic can never read, change or delete another clinic's rows, whether the clinic comes from an
 * explicitly bound scope (jobs, anonymous flows) or from the signed-in principal; with neither, nothing
 * is visible and nothing can be written (fail closed). Every tenant-owned entity is covered.
 */
class CrossClinicIsolationTest extends IntegrationTest {

    /** How clinic B is identified to Hibernate. */
    enum AsClinicB { BOUND_SCOPE, SIGNED_IN_PRINCIPAL }

    /** The tenant-owned entities and a harmless bulk update of each. */
    enum Owned {
        ACCOUNT("update Account e set e.displayName = 'changed by another clinic' where e.id = :id"),
        ACCOUNT_TOKEN("update AccountToken e set e.usedAt = :now where e.id = :id"),
        INVITATION("update Invitation e set e.revokedAt = :now where e.id = :id");

        final String update;

        Owned(String update) {
            this.update = update;
        }
    }

    @Autowired AccountRepository accounts;
    @Autowired AccountTokenRepository tokens;
    @Autowired InvitationRepository invitations;
    @Autowired AccountDirectory directory;
    @Autowired AccountService accountService;
    @Autowired InvitationService invitationService;
    @Autowired TransactionTemplate tx;
    @Autowired EntityManager entityManager;

    ClinicBranding clinicA;
    ClinicBranding clinicB;
    TestAccount therapistA;
    TestAccount therapistB;
    TestAccount adminB;
    UUID tokenA;
    UUID tokenB;
    UUID invitationA;
    UUID invitationB;
    String invitationTokenA;

    @BeforeEach
    void twoClinicsWithAnAccountATokenAndAnInvitationEach() {
        clinicA = testClinics.clinic();
        clinicB = testClinics.clinic();
        therapistA = testClinics.account(clinicA, Role.THERAPIST);
        therapistB = testClinics.account(clinicB, Role.THERAPIST);
        adminB = testClinics.account(clinicB, Role.CLINIC_ADMIN);
        tokenA = tokenOf(therapistA);
        tokenB = tokenOf(therapistB);
        invitationTokenA = LinkTokens.newToken();
        invitationA = invitationIn(clinicA, invitationTokenA);
        invitationB = invitationIn(clinicB, LinkTokens.newToken());
    }

    static Stream<Arguments> everyEntityEitherWay() {
        return Arrays.stream(Owned.values())
                .flatMap(owned -> Arrays.stream(AsClinicB.values()).map(as -> Arguments.of(owned, as)));
    }

    @ParameterizedTest(name = "{0} as clinic B via {1}")
    @MethodSource("everyEntityEitherWay")
    void clinic_b_cannot_find_clinic_a_row_by_id(Owned owned, AsClinicB as) {
        Optional<?> found = asClinicB(as, () -> repository(owned).findById(rowOfA(owned)));
        Optional<?> own = asClinicB(as, () -> repository(owned).findById(rowOfB(owned)));

        assertThat(found).isEmpty();
        assertThat(own).as("clinic B still finds its own row").isPresent();
    }

    @ParameterizedTest(name = "{0} as clinic B via {1}")
    @MethodSource("everyEntityEitherWay")
    void clinic_b_lists_never_contain_clinic_a_rows(Owned owned, AsClinicB as) {
        List<UUID> ids = asClinicB(as, () -> idsOf(repository(owned).findAll()));

        assertThat(ids).contains(rowOfB(owned)).doesNotContain(rowOfA(owned));
    }

    @ParameterizedTest(name = "{0} as clinic B via {1}")
    @MethodSource("everyEntityEitherWay")
    void clinic_b_bulk_update_of_clinic_a_row_changes_nothing(Owned owned, AsClinicB as) {
        int changedOfA = asClinicB(as, () -> bulkUpdate(owned, rowOfA(owned)));
        int changedOfB = asClinicB(as, () -> bulkUpdate(owned, rowOfB(owned)));

        assertThat(changedOfA).isZero();
        assertThat(changedOfB).as("the same statement does change clinic B's own row").isEqualTo(1);
        assertRowOfAUnchanged(owned);
    }

    @ParameterizedTest(name = "{0} as clinic B via {1}")
    @MethodSource("everyEntityEitherWay")
    void clinic_b_cannot_delete_clinic_a_row(Owned owned, AsClinicB as) {
        asClinicB(as, () -> {
            repository(owned).deleteById(rowOfA(owned));
            return null;
        });
        int bulkDeleted = asClinicB(as, () -> entityManager
                .createQuery("delete from " + entityName(owned) + " e where e.id = :id")
                .setParameter("id", rowOfA(owned)).executeUpdate());

        assertThat(bulkDeleted).isZero();
        assertThat(asClinicA(() -> repository(owned).findById(rowOfA(owned)))).isPresent();
    }

    @Test
    void with_no_clinic_bound_and_nobody_signed_in_queries_find_nothing() {
        for (Owned owned : Owned.values()) {
            Optional<?> byId = tx.execute(s -> repository(owned).findById(rowOfA(owned)));
            List<?> all = tx.execute(s -> repository(owned).findAll());

            assertThat(byId).as(owned + " by id").isEmpty();
            assertThat(all).as(owned + " list").isEmpty();
        }
        assertThat(unbound(() -> accounts.findByEmail(therapistA.email()))).isEmpty();
        assertThat(unbound(() -> invitations.findByTokenHash(LinkTokens.hash(invitationTokenA)))).isEmpty();
        assertThat(asClinicA(() -> accounts.findByEmail(therapistA.email())))
                .as("the same look-up does find it as clinic A").isPresent();
    }

    @Test
    void with_no_clinic_bound_and_nobody_signed_in_bulk_updates_change_nothing() {
        for (Owned owned : Owned.values()) {
            Integer changed = tx.execute(s -> bulkUpdate(owned, rowOfA(owned)));

            assertThat(changed).as(owned.name()).isZero();
            assertRowOfAUnchanged(owned);
        }
    }

    @Test
    void inserting_an_account_with_no_clinic_bound_fails() {
        String email = TestClinics.randomEmail();

        assertThatThrownBy(() -> tx.execute(s -> accounts.saveAndFlush(
                new Account(email, "Nobody's", Role.THERAPIST, AccountStatus.ACTIVE, null, clock.instant()))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(asRoot(() -> accounts.findAllByEmail(email))).isEmpty();
    }

    @Test
    void inserting_an_invitation_or_a_token_with_no_clinic_bound_fails() {
        String invitationHash = LinkTokens.hash(LinkTokens.newToken());
        String tokenHash = LinkTokens.hash(LinkTokens.newToken());

        assertThatThrownBy(() -> tx.execute(s -> invitations.saveAndFlush(new Invitation(
                TestClinics.randomEmail(), "Nobody's", Role.THERAPIST, null, invitationHash, clock.instant()))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> tx.execute(s -> tokens.saveAndFlush(new AccountToken(
                therapistA.id(), TokenPurpose.PASSWORD_RESET, tokenHash, clock.instant()))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(asRoot(() -> invitations.findByTokenHash(invitationHash)))
                .isEmpty();
        assertThat(asRoot(() -> tokens.findByTokenHash(tokenHash))).isEmpty();
    }

    @Test
    void signed_in_principal_of_clinic_b_inserts_into_clinic_b_only() {
        adminB.signIn();
        String hash = LinkTokens.hash(LinkTokens.newToken());

        UUID id = tx.execute(s -> invitations.saveAndFlush(new Invitation(TestClinics.randomEmail(), "New",
                Role.THERAPIST, adminB.id(), hash, clock.instant())).getId());
        TestUsers.signOut();

        assertThat(asClinicB(AsClinicB.BOUND_SCOPE, () -> invitations.findById(id)))
                .get().extracting(Invitation::getClinicId).isEqualTo(clinicB.id());
        assertThat(asClinicA(() -> invitations.findById(id))).isEmpty();
    }

    @Test
    void clinic_b_admin_cannot_deactivate_a_clinic_a_account() {
        adminB.signIn();

        assertThatThrownBy(() -> accountService.deactivate(therapistA.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accountService.reactivate(therapistA.id())).isInstanceOf(NotFoundException.class);

        Account a = asClinicA(() -> accounts.findById(therapistA.id())).orElseThrow();
        assertThat(a.getStatus()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(a.getSessionStamp()).isZero();
        assertThat(accountService.deactivate(therapistB.id()).status())
                .as("the same call works on clinic B's own therapist").isEqualTo(AccountStatus.DEACTIVATED);
    }

    @Test
    void clinic_b_admin_cannot_revoke_or_resend_a_clinic_a_invitation() {
        Instant expiresBefore = asClinicA(() -> invitations.findById(invitationA)).orElseThrow().getExpiresAt();
        adminB.signIn();

        assertThatThrownBy(() -> invitationService.revoke(invitationA)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invitationService.resend(invitationA)).isInstanceOf(NotFoundException.class);

        Invitation a = asClinicA(() -> invitations.findByTokenHash(LinkTokens.hash(invitationTokenA)))
                .orElseThrow(() -> new AssertionError("clinic A's invitation link was renewed or removed"));
        assertThat(a.getId()).isEqualTo(invitationA);
        assertThat(a.isOpen()).isTrue();
        assertThat(a.getExpiresAt()).isEqualTo(expiresBefore);
        invitationService.revoke(invitationB);
        assertThat(asClinicB(AsClinicB.BOUND_SCOPE, () -> invitations.findById(invitationB)).orElseThrow().isOpen())
                .as("the same call works on clinic B's own invitation").isFalse();
    }

    @Test
    void clinic_b_admin_lists_show_no_clinic_a_staff_or_invitations() {
        adminB.signIn();

        assertThat(accountService.staff()).extracting(AccountSummary::id)
                .contains(therapistB.id(), adminB.id()).doesNotContain(therapistA.id());
        assertThat(invitationService.openStaffInvitations()).extracting(InvitationService.InvitationSummary::id)
                .contains(invitationB).doesNotContain(invitationA);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private <T> T asClinicB(AsClinicB as, Supplier<T> work) {
        return switch (as) {
            case BOUND_SCOPE -> TenantContext.callAs(clinicB.id(), () -> tx.execute(s -> work.get()));
            case SIGNED_IN_PRINCIPAL -> {
                assertThat(TenantContext.isBound()).isFalse();
                var previous = SecurityContextHolder.getContext();
                adminB.signIn();
                try {
                    yield tx.execute(s -> work.get());
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            }
        };
    }

    private <T> T asRoot(Supplier<T> work) {
        return TenantContext.callAsRoot(() -> tx.execute(s -> work.get()));
    }

    /** Nothing bound; whoever is in the SecurityContext (normally nobody). */
    private <T> T unbound(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    private <T> T asClinicA(Supplier<T> work) {
        return TenantContext.callAs(clinicA.id(), () -> tx.execute(s -> work.get()));
    }

    @SuppressWarnings("unchecked")
    private JpaRepository<Object, UUID> repository(Owned owned) {
        return (JpaRepository<Object, UUID>) (JpaRepository<?, UUID>) switch (owned) {
            case ACCOUNT -> accounts;
            case ACCOUNT_TOKEN -> tokens;
            case INVITATION -> invitations;
        };
    }

    private static String entityName(Owned owned) {
        return switch (owned) {
            case ACCOUNT -> "Account";
            case ACCOUNT_TOKEN -> "AccountToken";
            case INVITATION -> "Invitation";
        };
    }

    private UUID rowOfA(Owned owned) {
        return switch (owned) {
            case ACCOUNT -> therapistA.id();
            case ACCOUNT_TOKEN -> tokenA;
            case INVITATION -> invitationA;
        };
    }

    private UUID rowOfB(Owned owned) {
        return switch (owned) {
            case ACCOUNT -> therapistB.id();
            case ACCOUNT_TOKEN -> tokenB;
            case INVITATION -> invitationB;
        };
    }

    private int bulkUpdate(Owned owned, UUID id) {
        var query = entityManager.createQuery(owned.update).setParameter("id", id);
        if (owned.update.contains(":now")) {
            query.setParameter("now", clock.instant());
        }
        return query.executeUpdate();
    }

    private void assertRowOfAUnchanged(Owned owned) {
        asClinicA(() -> {
            switch (owned) {
                case ACCOUNT -> assertThat(accounts.findById(therapistA.id()).orElseThrow().getDisplayName())
                        .isEqualTo(therapistA.displayName());
                case ACCOUNT_TOKEN -> assertThat(tokens.findById(tokenA).orElseThrow()
                        .usable(TokenPurpose.PASSWORD_RESET, clock.instant())).as("token A still unused").isTrue();
                case INVITATION -> assertThat(invitations.findById(invitationA).orElseThrow().isOpen())
                        .as("invitation A still open").isTrue();
            }
            return null;
        });
    }

    private static List<UUID> idsOf(List<?> rows) {
        return rows.stream().map(r -> ((TenantScopedEntity) r).getId()).toList();
    }

    private UUID tokenOf(TestAccount account) {
        String raw = TenantContext.callAs(account.clinicId(),
                () -> directory.issueToken(account.id(), TokenPurpose.PASSWORD_RESET));
        return TenantContext.callAs(account.clinicId(),
                () -> tx.execute(s -> tokens.findByTokenHash(LinkTokens.hash(raw)).orElseThrow().getId()));
    }

    private UUID invitationIn(ClinicBranding clinic, String rawToken) {
        return TenantContext.callAs(clinic.id(), () -> tx.execute(s -> invitations.saveAndFlush(new Invitation(
                TestClinics.randomEmail(), "Invited person", Role.THERAPIST, null, LinkTokens.hash(rawToken),
                clock.instant())).getId()));
    }
}
