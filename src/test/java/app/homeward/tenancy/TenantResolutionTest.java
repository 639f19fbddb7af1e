package app.homeward.tenancy;

import org.hibernate.cfg.MultiTenancySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which clinic Hibernate's tenant filter uses: a clinic bound with {@link TenantContext} first, then the
 * signed-in person's clinic, else a clinic that matches no row, so that forgetting to say which clinic
 * finds nothing rather than everything.
 */
class TenantResolutionTest {

    private static final UUID CLINIC_A = UUID.fromString("0a0a0a0a-0000-4000-8000-00000000000a");
    private static final UUID CLINIC_B = UUID.fromString("0b0b0b0b-0000-4000-8000-00000000000b");

    private final ClinicTenantResolver resolver = new ClinicTenantResolver();

    /** A signed-in principal as the security feature makes them: a clinic's member, or the operator (no clinic). */
    private record Member(UUID clinicId) implements ClinicPrincipal {
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signInTo(UUID clinicId) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Member(clinicId), null, AuthorityUtils.createAuthorityList("ROLE_THERAPIST")));
    }

    @Test
    void with_nothing_bound_and_nobody_signed_in_the_tenant_is_the_clinic_that_matches_no_row() {
        assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(TenantContext.NO_CLINIC);
        assertThat(CurrentClinic.id()).isEmpty();
        assertThat(TenantContext.isBound()).isFalse();
    }

    @Test
    void a_signed_in_member_works_in_their_own_clinic() {
        signInTo(CLINIC_A);

        assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(CLINIC_A);
        assertThat(CurrentClinic.id()).contains(CLINIC_A);
    }

    @Test
    void the_platform_operator_signed_in_without_a_clinic_sees_no_clinic_until_root_is_bound() {
        signInTo(null);

        assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(TenantContext.NO_CLINIC);
        assertThat(TenantContext.callAsRoot(resolver::resolveCurrentTenantIdentifier)).isEqualTo(TenantContext.ROOT);
    }

    @Test
    void a_principal_that_belongs_to_no_clinic_model_sees_no_clinic() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, AuthorityUtils.createAuthorityList("ROLE_THERAPIST")));

        assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(TenantContext.NO_CLINIC);
    }

    @Test
    void a_bound_clinic_wins_over_the_signed_in_members_clinic_and_only_while_the_work_runs() {
        signInTo(CLINIC_A);

        UUID during = TenantContext.callAs(CLINIC_B, resolver::resolveCurrentTenantIdentifier);

        assertThat(during).isEqualTo(CLINIC_B);
        assertThat(resolver.resolveCurrentTenantIdentifier()).as("after the work").isEqualTo(CLINIC_A);
        assertThat(TenantContext.isBound()).isFalse();
    }

    @Test
    void a_binding_inside_another_lasts_for_the_inner_work_and_the_outer_clinic_comes_back() {
        AtomicReference<UUID> inner = new AtomicReference<>();
        AtomicReference<UUID> outerAfter = new AtomicReference<>();

        TenantContext.runAs(CLINIC_A, () -> {
            TenantContext.runAs(CLINIC_B, () -> inner.set(CurrentClinic.id().orElseThrow()));
            outerAfter.set(CurrentClinic.id().orElseThrow());
        });

        assertThat(inner).hasValue(CLINIC_B);
        assertThat(outerAfter).hasValue(CLINIC_A);
        assertThat(CurrentClinic.id()).isEmpty();
    }

    @Test
    void a_binding_ends_even_when_the_work_throws() {
        assertThatThrownBy(() -> TenantContext.runAs(CLINIC_A, () -> {
            throw new IllegalArgumentException("broken job");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("broken job");

        assertThat(TenantContext.isBound()).isFalse();
        assertThat(resolver.resolveCurrentTenantIdentifier()).isEqualTo(TenantContext.NO_CLINIC);
    }

    @Test
    void a_checked_exception_of_the_work_arrives_wrapped_with_its_cause() {
        IOException cause = new IOException("disk full");

        assertThatThrownBy(() -> TenantContext.callAs(CLINIC_A, () -> {
            throw cause;
        })).isInstanceOf(IllegalStateException.class).hasCause(cause);
    }

    @Test
    void binding_no_clinic_at_all_is_refused_rather_than_read_as_every_clinic() {
        assertThatThrownBy(() -> TenantContext.runAs(null, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void root_is_a_tenant_that_sees_every_clinic_and_is_not_a_clinic_of_its_own() {
        assertThat(resolver.isRoot(TenantContext.ROOT)).isTrue();
        assertThat(resolver.isRoot(CLINIC_A)).isFalse();
        assertThat(resolver.isRoot(TenantContext.NO_CLINIC)).isFalse();
        assertThat(TenantContext.callAsRoot(CurrentClinic::id)).isEmpty();
        assertThat(TenantContext.callAsRoot(TenantContext::isBound)).isTrue();
    }

    @Test
    void the_resolver_is_what_hibernate_asks_and_sessions_are_checked_against_it() {
        var properties = new HashMap<String, Object>();

        resolver.customize(properties);

        assertThat(properties).containsEntry(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                resolver);
        assertThat(resolver.validateExistingCurrentSessions()).isTrue();
    }
}
