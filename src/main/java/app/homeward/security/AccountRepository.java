package app.homeward.security;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenant-filtered by Hibernate: every method sees only the current clinic's accounts. */
interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    List<Account> findAllByEmail(String email);

    List<Account> findByDigestTimeIsNotNull();

    List<Account> findByRoleInOrderByDisplayNameAsc(List<Role> roles);

    long countByRoleIn(List<Role> roles);

    /** The account, locked until the transaction ends (second-factor checks: two requests cannot both use one code). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> lockById(@Param("id") UUID id);

    /** Ids of the current clinic's accounts whose authenticator is on. */
    @Query("select a.id from Account a where a.secondFactor.confirmedAt is not null")
    List<UUID> findIdsWithSecondFactor();

    /**
     * Read on every request of a signed-in session: the account's session stamp and its clinic's logoff
     * limits (null when the clinic keeps the defaults); empty when the account or its clinic is not active.
     */
    @Query("""
            select new app.homeward.security.AccountRepository$SessionCheck(a.sessionStamp, p.idleMinutes, p.absoluteMinutes)
            from Account a left join SessionPolicy p on p.clinicId = a.clinicId
            where a.id = :id and a.status = app.homeward.security.AccountStatus.ACTIVE
              and exists (select c.id from Clinic c where c.id = a.clinicId
                          and c.status = app.homeward.tenancy.ClinicStatus.ACTIVE)
            """)
    Optional<SessionCheck> sessionCheck(@Param("id") UUID id);

    record SessionCheck(int stamp, Integer idleMinutes, Integer absoluteMinutes) {

        SessionLimits limits() {
            return idleMinutes == null || absoluteMinutes == null ? SessionLimits.DEFAULT
                    : new SessionLimits(Duration.ofMinutes(idleMinutes), Duration.ofMinutes(absoluteMinutes));
        }
    }

    /** Email facts of the active ones among these accounts, as values (reminder delivery reads hundreds at a time). */
    @Query("""
            select new app.homeward.security.AccountRepository$ContactRow(a.id, a.email, a.displayName, a.language)
            from Account a where a.id in :ids and a.status = app.homeward.security.AccountStatus.ACTIVE""")
    List<ContactRow> findActiveContacts(@Param("ids") Collection<UUID> ids);

    record ContactRow(UUID id, String email, String displayName, String language) {
    }

    @Query("select a.clinicId as clinicId, a.role as role, count(a) as total from Account a group by a.clinicId, a.role")
    List<RoleCount> countPerClinicAndRole();

    interface RoleCount {
        UUID getClinicId();

        Role getRole();

        long getTotal();
    }
}
