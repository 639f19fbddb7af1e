package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface ChangeRequestRepository extends JpaRepository<ChangeRequest, UUID> {

    public List<ChangeRequest> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    /** Requests not yet resolved, of these clients or (null) the whole clinic. */
    @org.springframework.data.jpa.repository.Query(
            "select count(r) from ChangeRequest r where r.resolvedAt is null and (:clients is null or r.clientId in :clients)")
    public long countUnresolved(java.util.Collection<UUID> clients);
}
