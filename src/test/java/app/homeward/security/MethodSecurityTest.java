package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.TestClinics.TestAccount;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The third layer of security: @PreAuthorize on services refuses callers whatever the view shows. */
class MethodSecurityTest extends IntegrationTest {

    @Autowired AccountService accountService;
    @Autowired InvitationService invitationService;
    @Autowired AccountDirectory accountDirectory;
    @Autowired InvitationRepository invitations;
    @Autowired TransactionTemplate tx;

    ClinicBranding clinic;
    TestAccount admin;
    TestAccount therapist;
    TestAccount client;

    @BeforeEach
    void aClinicWithOnePersonOfEachRole() {
        clinic = testClinics.clinic();
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        therapist = testClinics.account(clinic, Role.THERAPIST);
        client = testClinics.account(clinic, Role.CLIENT);
    }

    @Test
    void nobody_signed_in_is_refused_by_every_protected_service_method() {
        // no Authentication at all: Spring Security refuses before the method runs
        assertRefusedUnauthenticated(() -> accountService.staff());
        assertRefusedUnauthenticated(() -> invitationService.inviteStaff(TestClinics.randomEmail(), "Ana", Role.THERAPIST));
        assertRefusedUnauthenticated(() -> accountDirectory.countsPerClinic());
        assertRefusedUnauthenticated(() -> accountService.me());
    }

    @Test
    void nobody_signed_in_is_refused_even_with_the_clinic_bound() {
        TenantContext.runAs(clinic.id(), () -> {
            assertRefusedUnauthenticated(() -> accountService.staff());
            assertRefusedUnauthenticated(() -> invitationService.inviteStaff(TestClinics.randomEmail(), "Ana", Role.THERAPIST));
        });
    }

    @Test
    void anonymous_visitor_of_a_page_is_refused_by_every_protected_service_method() {
        // what a request that reached a public view carries: Spring Security's anonymous token
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("test", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);

        assertDenied(() -> accountService.staff());
        assertDenied(() -> invitationService.inviteStaff(TestClinics.randomEmail(), "Ana", Role.THERAPIST));
        assertDenied(() -> accountDirectory.countsPerClinic());
        assertDenied(() -> accountService.me());
    }

    @Test
    void therapist_is_refused_the_admin_only_methods() {
        therapist.signIn();
        String email = TestClinics.randomEmail();

        assertDenied(() -> accountService.staff());
        assertDenied(() -> accountService.deactivate(client.id()));
        assertDenied(() -> invitationService.inviteStaff(email, "Ana", Role.THERAPIST));
        assertDenied(() -> invitationService.openStaffInvitations());
        assertDenied(() -> accountDirectory.countsPerClinic());

        List<Invitation> created = TenantContext.callAs(clinic.id(), () -> tx.execute(s ->
                invitations.findByEmailAndAcceptedAtIsNullAndRevokedAtIsNull(email)));
        assertThat(created).as("no invitation created").isEmpty();
        assertThat(accountService.me().id()).as("but may read their own account").isEqualTo(therapist.id());
    }

    @Test
    void client_is_refused_the_staff_and_operator_methods() {
        client.signIn();

        assertDenied(() -> accountService.staff());
        assertDenied(() -> accountService.reactivate(therapist.id()));
        assertDenied(() -> invitationService.inviteStaff(TestClinics.randomEmail(), "Ana", Role.THERAPIST));
        assertDenied(() -> invitationService.revoke(UUID.randomUUID()));
        assertDenied(() -> accountDirectory.countsPerClinic());
    }

    @Test
    void clinic_admin_may_list_staff_but_not_read_platform_headcounts() {
        admin.signIn();

        assertThat(accountService.staff()).extracting(AccountSummary::id).contains(admin.id(), therapist.id())
                .doesNotContain(client.id());
        assertDenied(() -> accountDirectory.countsPerClinic());
    }

    @Test
    void platform_operator_may_read_headcounts_but_not_clinic_staff_methods() {
        TestUsers.signInAs(TestUsers.operator());

        assertThatCode(() -> TenantContext.callAsRoot(() -> accountDirectory.countsPerClinic())).doesNotThrowAnyException();
        assertThat(TenantContext.callAsRoot(() -> accountDirectory.countsPerClinic()))
                .extractingByKey(clinic.id())
                .satisfies(counts -> assertThat(counts).containsEntry(Role.CLINIC_ADMIN, 1L)
                        .containsEntry(Role.THERAPIST, 1L).containsEntry(Role.CLIENT, 1L));
        assertDenied(() -> accountService.staff());
        assertDenied(() -> accountService.me());
    }

    private static void assertDenied(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(AuthorizationDeniedException.class)
                .isInstanceOf(AccessDeniedException.class);
    }

    private static void assertRefusedUnauthenticated(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
