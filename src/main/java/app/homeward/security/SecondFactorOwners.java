package app.homeward.security;

import app.homeward.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one place that loads whoever owns a second factor, a clinic account or the platform operator,
 * in a transaction bound to the right clinic, with the row locked (so two requests never both use one
 * code or one recovery code).
 */
@Component
class SecondFactorOwners {

    private final AccountRepository accounts;
    private final PlatformOperatorRepository operators;
    private final TransactionTemplate tx;

    SecondFactorOwners(AccountRepository accounts, PlatformOperatorRepository operators, TransactionTemplate tx) {
        this.accounts = accounts;
        this.operators = operators;
        this.tx = tx;
    }

    /** Whoever has a second factor, as the checks see them. */
    record Owner(UUID id, UUID clinicId, String email, Role role, AccountStatus status, SecondFactor factor,
                 Runnable endSessions) {

        /** Staff and the operator must have an authenticator; for clients it is their choice. */
        boolean required() {
            return role != Role.CLIENT;
        }
    }

    /** Runs the work on the locked owner in a new transaction; empty when the owner no longer exists. */
    <T> Optional<T> locked(HomewardUser user, Function<Owner, T> work) {
        if (user.isOperator()) {
            return Optional.ofNullable(tx.execute(status -> operators.lockById(user.accountId())
                    .map(SecondFactorOwners::of).map(work).orElse(null)));
        }
        return Optional.ofNullable(TenantContext.callAs(user.clinicId(), () -> tx.execute(status ->
                accounts.lockById(user.accountId()).map(SecondFactorOwners::of).map(work).orElse(null))));
    }

    /** Runs the work on a locked account of the clinic already in scope (an admin's own clinic, or one bound). */
    <T> Optional<T> lockedAccount(UUID accountId, Function<Owner, T> work) {
        return Optional.ofNullable(tx.execute(status ->
                accounts.lockById(accountId).map(SecondFactorOwners::of).map(work).orElse(null)));
    }

    /** What a sign-in with a right password must do next; empty: nothing, it is complete. */
    Optional<PendingSignIn.Step> stepFor(HomewardUser user) {
        return locked(user, owner -> owner.factor().isOn() ? PendingSignIn.Step.CODE
                : owner.required() ? PendingSignIn.Step.ENROL : null)
                .or(() -> user.isOperator() || user.role() != Role.CLIENT
                        ? Optional.of(PendingSignIn.Step.ENROL) : Optional.empty());
    }

    private static Owner of(Account a) {
        return new Owner(a.getId(), a.getClinicId(), a.getEmail(), a.getRole(), a.getStatus(), a.secondFactor(),
                a::endSessions);
    }

    private static Owner of(PlatformOperator o) {
        return new Owner(o.getId(), null, o.getEmail(), Role.PLATFORM_OPERATOR, AccountStatus.ACTIVE, o.secondFactor(),
                () -> { });
    }
}
