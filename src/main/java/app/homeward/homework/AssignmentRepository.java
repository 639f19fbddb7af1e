package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface AssignmentRepository extends JpaRepository<Assignment, UUID> {

    List<Assignment> findByClientIdOrderByCreatedAtDesc(UUID clientId);

    List<Assignment> findByIdIn(Collection<UUID> ids);
}
