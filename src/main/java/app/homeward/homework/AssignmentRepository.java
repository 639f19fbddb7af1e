package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface AssignmentRepository extends JpaRepository<Assignment, UUID> {

    public List<Assignment> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    public List<Assignment> findByIdIn(Collection<UUID> ids);

    /** The steps of a step ladder, first step first (a carried-over step appears twice, oldest first). */
    public List<Assignment> findByLadderIdOrderByLadderStepAscCreatedAtAsc(UUID ladderId);

    public List<Assignment> findByClientIdAndStatusOrderByCreatedAt(UUID clientId, AssignmentStatus status);
}
