package app.homeward.reminder;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

/** Tenant-filtered by Hibernate: sees only the current clinic's row, if it has one. */
interface AlertPolicyRepository extends JpaRepository<AlertPolicy, UUID> {

    @Query("select p from AlertPolicy p")
    Optional<AlertPolicy> current();
}
