package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface AssignmentOptionRepository extends JpaRepository<AssignmentOption, UUID> {

    public List<AssignmentOption> findByAssignmentIdInOrderByPosition(Collection<UUID> assignmentIds);
}
