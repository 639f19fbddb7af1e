package app.homeward.reminder;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface ClinicReminderSettingsRepository extends JpaRepository<ClinicReminderSettings, UUID> {

    /** The clinic's row, if it saved its rules; the tenant filter also keeps it to the bound clinic. */
    Optional<ClinicReminderSettings> findByClinicId(UUID clinicId);
}
