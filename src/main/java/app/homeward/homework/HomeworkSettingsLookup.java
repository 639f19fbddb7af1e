package app.homeward.homework;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic's homework rules as every part of the loop reads them (plans, the portal, review, adherence)
 * and the reminder planner (the grace period). Below the services: its callers have already checked who
 * is asking, and the tenant filter keeps the read to the bound clinic. A clinic that never saved its rules
 * gets the defaults. Read once per transaction: a page read in one call asks several parts for the grace
 * period, and each would otherwise query the row again (pages keep within their query budget, issue 15).
 */
@Component
public class HomeworkSettingsLookup {

    private static final Object READ_IN_THIS_TRANSACTION = new Object();

    private final ClinicHomeworkSettingsRepository settings;

    HomeworkSettingsLookup(ClinicHomeworkSettingsRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public HomeworkSettings of(UUID clinicId) {
        Map<UUID, HomeworkSettings> read = readInThisTransaction();
        return read == null ? read(clinicId) : read.computeIfAbsent(clinicId, this::read);
    }

    /** How long after its due time an occurrence may still be done before it counts as missed. */
    @Transactional(readOnly = true)
    public Duration grace(UUID clinicId) {
        return of(clinicId).grace();
    }

    /** After a change in this transaction, the next read sees it. */
    void forget(UUID clinicId) {
        Map<UUID, HomeworkSettings> read = readInThisTransaction();
        if (read != null) {
            read.remove(clinicId);
        }
    }

    private HomeworkSettings read(UUID clinicId) {
        return settings.findByClinicId(clinicId)
                .map(s -> new HomeworkSettings(s.getConfidenceThreshold(), s.getGraceHours(), s.getWord()))
                .orElse(new HomeworkSettings(HomeworkSettings.DEFAULT_CONFIDENCE_THRESHOLD,
                        HomeworkSettings.DEFAULT_GRACE_HOURS));
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, HomeworkSettings> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<UUID, HomeworkSettings> read =
                (Map<UUID, HomeworkSettings>) TransactionSynchronizationManager.getResource(READ_IN_THIS_TRANSACTION);
        if (read == null) {
            Map<UUID, HomeworkSettings> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(READ_IN_THIS_TRANSACTION, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READ_IN_THIS_TRANSACTION);
                }
            });
            read = fresh;
        }
        return read;
    }
}
