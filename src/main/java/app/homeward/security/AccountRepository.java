package app.homeward.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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

    /** The session stamp of an active account of an active clinic; empty when either is not. */
    @Query("""
            select a.sessionStamp from Account a
            where a.id = :id and a.status = app.homeward.security.AccountStatus.ACTIVE
              and exists (select c.id from Clinic c where c.id = a.clinicId
                          and c.status = app.homeward.tenancy.ClinicStatus.ACTIVE)
            """)
    Optional<Integer> activeSessionStamp(@Param("id") UUID id);

    /** Email facts of the active ones among these accounts, as values (reminder delivery reads hundreds at a time). */
    @Query("""
            select new app.homeward.security.AccountRepository$ContactRow(a.id, a.email, a.displayName, a.language)
            from Account a where a.id in :ids and a.status = app.homeward.security.AccountStatus.ACTIVE""")
    List<ContactRow> findActiveContacts(@Param("ids") java.util.Collection<UUID> ids);

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
