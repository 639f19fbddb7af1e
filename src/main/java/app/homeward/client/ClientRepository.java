package app.homeward.client;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ClientRepository extends JpaRepository<Client, UUID> {

    /** What reminder delivery needs of clients, as values: it reads hundreds at a time and changes none. */
    @Query("""
            select new app.homeward.client.ClientDirectory$ClientContact(c.id, c.accountId, c.therapistId,
                   c.displayName, c.email, c.language, c.timeZone, c.simplified, c.status)
            from Client c where c.id in :ids""")
    List<ClientDirectory.ClientContact> findContacts(@Param("ids") Collection<UUID> ids);

    Optional<Client> findByAccountId(UUID accountId);

    Optional<Client> findByInvitationId(UUID invitationId);

    boolean existsByEmail(String email);

    /** One page of the caseload: a therapist's (or, with therapist null, the clinic's) clients. */
    @Query("""
            select c from Client c
            where (:therapist is null or c.therapistId = :therapist)
              and (:archived = true or c.status <> app.homeward.client.ClientStatus.ARCHIVED)
              and (:text is null or lower(c.displayName) like :text escape '!' or lower(c.email) like :text escape '!')""")
    List<Client> findCaseload(UUID therapist, boolean archived, String text, Pageable page);

    @Query("""
            select count(c) from Client c
            where (:therapist is null or c.therapistId = :therapist)
              and (:archived = true or c.status <> app.homeward.client.ClientStatus.ARCHIVED)
              and (:text is null or lower(c.displayName) like :text escape '!' or lower(c.email) like :text escape '!')""")
    long countCaseload(UUID therapist, boolean archived, String text);

    @Query("select c.id from Client c where c.therapistId = :therapist")
    List<UUID> findIdsByTherapist(UUID therapist);

    @Query("select c.id from Client c where c.status = :status")
    List<UUID> findIdsByStatus(ClientStatus status);
}
