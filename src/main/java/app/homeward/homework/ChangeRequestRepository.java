package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface ChangeRequestRepository extends JpaRepository<ChangeRequest, UUID> {

    public List<ChangeRequest> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    /** Requests not yet resolved, of these clients or (null) the whole clinic. */
    @Query(
            "select count(r) from ChangeRequest r where r.resolvedAt is null and (:clients is null or r.clientId in :clients)")
    public long countUnresolved(Collection<UUID> clients);
}
