package app.homeward.client;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ClientGoalRepository extends JpaRepository<ClientGoal, UUID> {

    List<ClientGoal> findByClientIdOrderByCreatedAt(UUID clientId);

    /** Those of these goals that belong to the client whose account this is: one statement, no other's. */
    @Query("""
            select g from ClientGoal g, Client c
            where g.clientId = c.id and c.accountId = :account and g.id in :ids""")
    List<ClientGoal> findOfAccount(UUID account, Collection<UUID> ids);
}
