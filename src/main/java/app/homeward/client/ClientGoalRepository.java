package app.homeward.client;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface ClientGoalRepository extends JpaRepository<ClientGoal, UUID> {

    List<ClientGoal> findByClientIdOrderByCreatedAt(UUID clientId);
}
