package app.homeward.homework;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface ClinicHomeworkSettingsRepository extends JpaRepository<ClinicHomeworkSettings, UUID> {

    /** The clinic's row, if it saved its rules; the tenant filter also keeps it to the bound clinic. */
    Optional<ClinicHomeworkSettings> findByClinicId(UUID clinicId);
}
