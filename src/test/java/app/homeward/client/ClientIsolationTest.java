package app.homeward.client;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.NotFoundException;
import app.homeward.base.TenantScopedEntity;
import app.homeward.security.InvitationService.InvitationAccepted;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Clients and their goals belong to one clinic: bound to clinic B (or signed in there), the
 * repositories find, list, count, change and delete nothing of clinic A's, and with no clinic at all
 * they find nothing and cannot insert.
 */
class ClientIsolationTest extends IntegrationTest {

    @Autowired ClientRepository clients;
    @Autowired ClientGoalRepository goals;
    @Autowired ClientService clientService;
    @Autowired TransactionTemplate tx;
    @Autowired EntityManager entityManager;

    ClinicBranding clinicA;
    ClinicBranding clinicB;
    TestAccount therapistA;
    TestAccount therapistB;
    TestAccount adminB;
    UUID clientA;
    UUID clientB;
    UUID accountA;
    UUID goalA;
    UUID goalB;
    String emailA;

    @BeforeEach
    void aJoinedClientWithAGoalInEachOfTwoClinics() {
        clinicA = testClinics.clinic();
        clinicB = testClinics.clinic();
        therapistA = testClinics.account(clinicA, Role.THERAPIST);
        therapistB = testClinics.account(clinicB, Role.THERAPIST);
        adminB = testClinics.account(clinicB, Role.CLINIC_ADMIN);
        emailA = TestClinics.randomEmail();

        therapistA.signIn();
        clientA = clientService.add(new NewClient("Client of A", emailA, "Europe/Madrid", "en", null, false)).id();
        goalA = clientService.addGoal(clientA, "Walk every morning").id();
        therapistB.signIn();
        clientB = clientService.add(new NewClient("Client of B", TestClinics.randomEmail(), "Europe/Madrid", "en", null, false)).id();
        goalB = clientService.addGoal(clientB, "Sleep by eleven").id();
        TestUsers.signOut();

        accountA = testClinics.account(clinicA, Role.CLIENT).id();
        UUID invitationA = asA(() -> clients.findById(clientA).orElseThrow().getInvitationId());
        TenantContext.runAs(clinicA.id(),
                () -> clientService.onInvitationAccepted(new InvitationAccepted(clinicA.id(), invitationA, accountA, Role.CLIENT)));
    }

    @Test
    void clinic_b_finds_no_client_or_goal_of_clinic_a_by_id_or_in_lists() {
        assertThat(asA(() -> clients.findById(clientA))).get().extracting(Client::getAccountId).isEqualTo(accountA);

        assertThat(asB(() -> clients.findById(clientA))).isEmpty();
        assertThat(asB(() -> clients.findById(clientB))).as("B finds its own").isPresent();
        assertThat(asB(() -> ids(clients.findAll()))).contains(clientB).doesNotContain(clientA);
        assertThat(asB(() -> clients.findAllById(List.of(clientA)))).isEmpty();
        assertThat(asB(() -> clients.findByAccountId(accountA))).isEmpty();
        UUID invitationA = asA(() -> clients.findById(clientA).orElseThrow().getInvitationId());
        assertThat(asB(() -> clients.findByInvitationId(invitationA))).isEmpty();
        assertThat(asB(() -> clients.existsByEmail(emailA))).isFalse();
        assertThat(asB(() -> ids(clients.findCaseload(null, true, null, PageRequest.of(0, 500))))).contains(clientB)
                .doesNotContain(clientA);
        assertThat(asB(() -> ids(clients.findCaseload(therapistA.id(), true, null, PageRequest.of(0, 500))))).isEmpty();
        assertThat(asB(() -> clients.countCaseload(therapistA.id(), true, null))).isZero();
        assertThat(asB(() -> clients.count())).isEqualTo(asB(() -> (long) clients.findAll().size()));

        assertThat(asB(() -> goals.findById(goalA))).isEmpty();
        assertThat(asB(() -> goals.findById(goalB))).isPresent();
        assertThat(asB(() -> ids(goals.findAll()))).contains(goalB).doesNotContain(goalA);
        assertThat(asB(() -> goals.findByClientIdOrderByCreatedAt(clientA))).isEmpty();
    }

    @Test
    void signed_in_at_clinic_b_nothing_of_clinic_a_is_found() {
        adminB.signIn();

        assertThat(inTransaction(() -> clients.findById(clientA))).isEmpty();
        assertThat(inTransaction(() -> clients.findByAccountId(accountA))).isEmpty();
        assertThat(inTransaction(() -> goals.findById(goalA))).isEmpty();
        assertThatThrownBy(() -> clientService.profile(clientA)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> clientService.goals(clientA)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> clientService.changeGoal(goalA, "Taken over", GoalStatus.DROPPED))
                .isInstanceOf(NotFoundException.class);
        assertThat(clientService.caseload(null, true, false, 0, 500)).extracting(ClientProfile::id)
                .contains(clientB).doesNotContain(clientA);
        assertThat(clientService.countCaseload("client of a", true, false)).isZero();
        assertThat(clientService.accessibleAmong(List.of(clientA, clientB))).extracting(ClientProfile::id)
                .containsExactly(clientB);
    }

    @Test
    void clinic_b_bulk_updates_and_deletes_change_nothing_of_clinic_a() {
        int renamed = asB(() -> entityManager.createQuery("update Client c set c.displayName = 'taken' where c.id = :id")
                .setParameter("id", clientA).executeUpdate());
        int moved = asB(() -> entityManager.createQuery("update Client c set c.therapistId = :t where c.id = :id")
                .setParameter("t", therapistB.id()).setParameter("id", clientA).executeUpdate());
        int goalChanged = asB(() -> entityManager.createQuery("update ClientGoal g set g.text = 'taken' where g.id = :id")
                .setParameter("id", goalA).executeUpdate());
        asB(() -> {
            goals.deleteById(goalA);
            clients.deleteById(clientA);
            return null;
        });
        int goalsDeleted = asB(() -> entityManager.createQuery("delete from ClientGoal g where g.clientId = :c")
                .setParameter("c", clientA).executeUpdate());
        int ownRenamed = asB(() -> entityManager.createQuery("update Client c set c.displayName = 'B renamed' where c.id = :id")
                .setParameter("id", clientB).executeUpdate());

        assertThat(renamed).isZero();
        assertThat(moved).isZero();
        assertThat(goalChanged).isZero();
        assertThat(goalsDeleted).isZero();
        assertThat(ownRenamed).as("the same statement changes B's own client").isEqualTo(1);
        Client a = asA(() -> clients.findById(clientA)).orElseThrow();
        assertThat(a.getDisplayName()).isEqualTo("Client of A");
        assertThat(a.getTherapistId()).isEqualTo(therapistA.id());
        assertThat(asA(() -> goals.findById(goalA))).get().extracting(ClientGoal::getText).isEqualTo("Walk every morning");
    }

    @Test
    void with_no_clinic_nothing_is_found_and_nothing_can_be_inserted() {
        assertThat(inTransaction(() -> clients.findById(clientA))).isEmpty();
        assertThat(inTransaction(() -> clients.findAll())).isEmpty();
        assertThat(inTransaction(() -> goals.findAll())).isEmpty();
        assertThat(inTransaction(() -> clients.findByAccountId(accountA))).isEmpty();

        assertThatThrownBy(() -> tx.execute(s -> clients.saveAndFlush(new Client(therapistA.id(), "Nobody's",
                TestClinics.randomEmail(), ZoneId.of("UTC"), "en", clock.instant()))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void an_invitation_accepted_at_clinic_b_does_not_link_a_clinic_a_client() {
        UUID invitationA = asA(() -> clients.findById(clientA).orElseThrow().getInvitationId());
        UUID intruder = testClinics.account(clinicB, Role.CLIENT).id();

        TenantContext.runAs(clinicB.id(),
                () -> clientService.onInvitationAccepted(new InvitationAccepted(clinicB.id(), invitationA, intruder, Role.CLIENT)));

        assertThat(asA(() -> clients.findById(clientA))).get().extracting(Client::getAccountId).isEqualTo(accountA);
    }

    private <T> T asA(Supplier<T> work) {
        return TenantContext.callAs(clinicA.id(), () -> tx.execute(s -> work.get()));
    }

    private <T> T asB(Supplier<T> work) {
        return TenantContext.callAs(clinicB.id(), () -> tx.execute(s -> work.get()));
    }

    /** Whoever is signed in (or nobody), no clinic bound. */
    private <T> T inTransaction(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    private static List<UUID> ids(List<? extends TenantScopedEntity> rows) {
        return rows.stream().map(TenantScopedEntity::getId).toList();
    }
}
