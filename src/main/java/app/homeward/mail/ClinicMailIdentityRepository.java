package app.homeward.mail;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ClinicMailIdentityRepository extends JpaRepository<ClinicMailIdentity, UUID> {

    @Query("select i from ClinicMailIdentity i where i.clinicId = :clinicId")
    Optional<ClinicMailIdentity> findByClinic(@Param("clinicId") UUID clinicId);

    @Query("select i from ClinicMailIdentity i where i.clinicId in :clinicIds")
    List<ClinicMailIdentity> findByClinics(@Param("clinicIds") Collection<UUID> clinicIds);
}
