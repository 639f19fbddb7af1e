package app.homeward.safety;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface ScorePolicyRepository extends JpaRepository<ScorePolicy, UUID> {

    /** The current clinic's policy, if it chose one (the tenant filter adds the clinic). */
    Optional<ScorePolicy> findFirstBy();
}
