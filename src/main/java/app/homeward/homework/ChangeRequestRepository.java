package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface ChangeRequestRepository extends JpaRepository<ChangeRequest, UUID> {

    public List<ChangeRequest> findByClientIdOrderByCreatedAtDesc(UUID clientId);
}
