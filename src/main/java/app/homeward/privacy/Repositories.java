package app.homeward.privacy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface DataRetentionRepository extends JpaRepository<DataRetention, UUID> {

    Optional<DataRetention> findFirstBy();
}

interface ErasureRequestRepository extends JpaRepository<ErasureRequest, UUID> {

    List<ErasureRequest> findByClientIdOrderByRequestedAtDesc(UUID clientId);

    List<ErasureRequest> findAllByOrderByRequestedAtDesc();

    @Query("select r from ErasureRequest r where r.state = app.homeward.privacy.ErasureState.CONFIRMED"
            + " and r.eraseAt <= :now order by r.eraseAt")
    List<ErasureRequest> findDue(Instant now);

    @Query("select min(r.eraseAt) from ErasureRequest r where r.state = app.homeward.privacy.ErasureState.CONFIRMED")
    Instant nextDue();
}

interface ClinicExportRepository extends JpaRepository<ClinicExport, UUID> {

    Optional<ClinicExport> findByTokenHash(String tokenHash);

    List<ClinicExport> findByRequestedByOrderByStartedAtDesc(UUID requestedBy);

    List<ClinicExport> findByState(ExportState state);

    @Query("select e from ClinicExport e where e.state = app.homeward.privacy.ExportState.READY and e.expiresAt <= :now")
    List<ClinicExport> findExpired(Instant now);

    @Query("select min(e.expiresAt) from ClinicExport e where e.state = app.homeward.privacy.ExportState.READY")
    Instant nextExpiry();
}

interface ClinicExportFileRepository extends JpaRepository<ClinicExportFile, UUID> {

    Optional<ClinicExportFile> findByExportId(UUID exportId);

    @Modifying
    @Query("delete from ClinicExportFile f where f.exportId = :exportId")
    int deleteByExport(UUID exportId);
}
