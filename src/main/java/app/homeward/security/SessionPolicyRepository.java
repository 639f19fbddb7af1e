package app.homeward.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

/** Tenant-filtered by Hibernate: sees only the current clinic's row, if it has one. */
interface SessionPolicyRepository extends JpaRepository<SessionPolicy, UUID> {

    @Query("select p from SessionPolicy p")
    Optional<SessionPolicy> current();
}
