package app.homeward.reminder;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ReminderOverrideRepository extends JpaRepository<ReminderOverride, UUID> {

    List<ReminderOverride> findByClientId(UUID clientId);

    Optional<ReminderOverride> findByAssignmentId(UUID assignmentId);
}
