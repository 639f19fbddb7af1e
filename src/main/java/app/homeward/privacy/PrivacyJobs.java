package app.homeward.privacy;

import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the clinic's data-rights task does when it runs (and what tests call after moving the clock):
 * erases the clients whose confirmed erasure is due, each in its own transaction, and removes the files
 * of expired exports. Answers when there is next something to do (null: nothing).
 */
@Component
public class PrivacyJobs {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyJobs.class);

    private final ErasureRequestRepository requests;
    private final ClinicExportRepository exports;
    private final ClinicExportFileRepository files;
    private final Erasures erasures;
    private final TransactionTemplate tx;
    private final Clock clock;

    PrivacyJobs(ErasureRequestRepository requests, ClinicExportRepository exports, ClinicExportFileRepository files,
                Erasures erasures, PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.exports = exports;
        this.files = files;
        this.erasures = erasures;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Instant runDue(UUID clinicId) {
        return TenantContext.callAs(clinicId, () -> {
            MDC.put("clinic", clinicId.toString());
            try {
                Instant now = clock.instant();
                List<UUID> due = tx.execute(s -> requests.findDue(now).stream().map(ErasureRequest::getId).toList());
                for (UUID request : due) {
                    try {
                        erasures.erase(request, null);
                    } catch (RuntimeException e) {
                        // the others still go; this one is tried again at the next run
                        LOG.error("erasure failed clinic={} request={} cause={}", clinicId, request,
                                e.getClass().getSimpleName());
                    }
                }
                tx.executeWithoutResult(s -> {
                    for (ClinicExport export : exports.findExpired(clock.instant())) {
                        files.deleteByExport(export.getId());
                        export.expired(clock.instant());
                        LOG.info("clinic export expired clinic={} export={}", clinicId, export.getId());
                    }
                });
                return tx.execute(s -> earliest(requests.nextDue(), exports.nextExpiry()));
            } finally {
                MDC.remove("clinic");
            }
        });
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
