package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface AssignmentRepository extends JpaRepository<Assignment, UUID> {

    List<Assignment> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    List<Assignment> findByIdIn(Collection<UUID> ids);

    /** The steps of a step ladder, first step first (a carried-over step appears twice, oldest first). */
    List<Assignment> findByLadderIdOrderByLadderStepAscCreatedAtAsc(UUID ladderId);

    List<Assignment> findByClientIdAndStatusOrderByCreatedAt(UUID clientId, AssignmentStatus status);
}
