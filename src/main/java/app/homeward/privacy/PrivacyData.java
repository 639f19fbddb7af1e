package app.homeward.privacy;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables;
import app.homeward.base.EntityTables.Spec;
import app.homeward.tenancy.CurrentClinic;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * This feature's own rows. Erasing a client keeps their erasure request (ids and dates: the record that
 * it was done) and discards the clinic's stored exports, which were made before and would still contain
 * them. Exports are listed without their token hashes and files.
 */
@Component
class PrivacyData extends ClinicTables {

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

    PrivacyData(PrivacyWakeUp wakeUp, Clock clock) {
        super(50, TABLES);
        this.wakeUp = wakeUp;
        this.clock = clock;
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
        super.deleteAll();
        // the task's rows are not the clinic's: they go once the deletion committed
        wakeUp.cancelAfterCommit(CurrentClinic.id().orElseThrow());
    }
}
