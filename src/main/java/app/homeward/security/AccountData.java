package app.homeward.security;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables.Spec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Accounts, their single-use tokens and invitations, and the clinic's sign-out limits, for data rights: exported without password hashes,
 * session stamps or token hashes; a client's account, tokens and invitations go when the client is erased.
 */
@Component
class AccountData extends ClinicTables {

    private static final List<Spec> TABLES = List.of(
            Spec.of("account", "Account", "id", "email", "display_name=displayName", "role", "status", "language",
                    "time_zone=timeZone", "digest_time=digestTime", "created_at=createdAt", "last_sign_in_at=lastSignInAt"),
            Spec.of("account_token", "AccountToken", "id", "account_id=accountId", "purpose", "created_at=createdAt",
                    "expires_at=expiresAt", "used_at=usedAt"),
            Spec.of("invitation", "Invitation", "id", "email", "display_name=displayName", "role",
                    "invited_by=invitedBy", "created_at=createdAt", "expires_at=expiresAt", "accepted_at=acceptedAt",
                    "revoked_at=revokedAt"),
            Spec.of("session_policy", "SessionPolicy", "id", "idle_minutes=idleMinutes",
                    "absolute_minutes=absoluteMinutes", "updated_at=updatedAt"));

    AccountData() {
        super(900, TABLES);
    }

    @Override
    @Transactional
    public void eraseClient(ErasedClient client) {
        if (client.accountId() != null) {
            em.createQuery("delete from AccountToken t where t.accountId = :account")
                    .setParameter("account", client.accountId()).executeUpdate();
            em.createQuery("delete from Account a where a.id = :account and a.role = :role")
                    .setParameter("account", client.accountId()).setParameter("role", Role.CLIENT).executeUpdate();
        }
        if (client.email() != null) {
            // the client's invitation (resending keeps the same row) and any other one to them as a client
            em.createQuery("delete from Invitation i where i.email = :email and i.role = :role")
                    .setParameter("email", Account.normalise(client.email())).setParameter("role", Role.CLIENT)
                    .executeUpdate();
        }
    }
}
