package app.homeward.reminder;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ReminderPreferenceRepository extends JpaRepository<ReminderPreference, UUID> {

    Optional<ReminderPreference> findByClientId(UUID clientId);

    List<ReminderPreference> findByClientIdIn(Collection<UUID> clientIds);

    /** The client whose pre-version-6 unsubscribe secret has this hash. */
    Optional<ReminderPreference> findByLegacyUnsubscribeHash(String hash);
}
