package app.homeward.privacy;

import app.homeward.base.ClinicData;
import app.homeward.base.EntityTables;
import app.homeward.base.EntityTables.Spec;
import app.homeward.base.TableSink;
import app.homeward.tenancy.CurrentClinic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * This feature's own rows. Erasing a client keeps their erasure request (ids and dates: the record that
 * it was done) and discards the clinic's stored exports, which were made before and would still contain
 * them. Exports are listed without their token hashes and files.
 */
@Component
class PrivacyData implements ClinicData {

    private static final List<Spec> TABLES = List.of(
            Spec.of("data_retention", "DataRetention", "id", "keep_days=keepDays", "updated_at=updatedAt"),
            Spec.of("erasure_request", "ErasureRequest", "id", "client_id=clientId", "requested_by=requestedBy",
                    "requested_at=requestedAt", "state", "confirmed_by=confirmedBy", "confirmed_at=confirmedAt",
                    "keep_days=keepDays", "erase_at=eraseAt", "erased_at=erasedAt", "withdrawn_at=withdrawnAt"),
            Spec.of("clinic_export", "ClinicExport", "id", "requested_by=requestedBy", "state", "progress",
                    "size_bytes=sizeBytes", "started_at=startedAt", "finished_at=finishedAt", "expires_at=expiresAt"),
            Spec.of("clinic_export_file", "ClinicExportFile", "id", "export_id=exportId"));

    private final PrivacyWakeUp wakeUp;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    PrivacyData(PrivacyWakeUp wakeUp, Clock clock) {
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<String> tables() {
        return TABLES.stream().map(Spec::table).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public void export(TableSink out) {
        TABLES.forEach(spec -> EntityTables.export(em, out, spec));
    }

    @Override
    @Transactional
    public void eraseClient(ErasedClient client) {
        EntityTables.deleteAll(em, "ClinicExportFile");
        em.createQuery("update ClinicExport e set e.state = :expired, e.updatedAt = :now, e.version = e.version + 1"
                        + " where e.state = :ready")
                .setParameter("expired", ExportState.EXPIRED).setParameter("ready", ExportState.READY)
                .setParameter("now", clock.instant()).executeUpdate();
        // an export being written now started before the erasure: it is abandoned rather than stored
        em.createQuery("update ClinicExport e set e.state = :failed, e.updatedAt = :now, e.version = e.version + 1"
                        + " where e.state = :running")
                .setParameter("failed", ExportState.FAILED).setParameter("running", ExportState.RUNNING)
                .setParameter("now", clock.instant()).executeUpdate();
    }

    @Override
    @Transactional
    public void deleteAll() {
        for (String entity : List.of("ClinicExportFile", "ClinicExport", "ErasureRequest", "DataRetention")) {
            EntityTables.deleteAll(em, entity);
        }
        UUID clinicId = CurrentClinic.id().orElseThrow();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp.cancel(clinicId);
            }
        });
    }
}
