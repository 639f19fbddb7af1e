package app.homeward.homework;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.UUID;

/**
 * The clinic's homework rules as every part of the loop reads them (plans, the portal, review, adherence)
 * and the reminder planner (the grace period). Below the services: its callers have already checked who
 * is asking, and the tenant filter keeps the read to the bound clinic. A clinic that never saved its rules
 * gets the defaults.
 */
@Component
public class HomeworkSettingsLookup {

    private final ClinicHomeworkSettingsRepository settings;

    HomeworkSettingsLookup(ClinicHomeworkSettingsRepository settings) {
        this.settings = settings;
    }

    /** One read of the clinic's row (pages keep within their query budget, issue 15). */
    @Transactional(readOnly = true)
    public HomeworkSettings of(UUID clinicId) {
        return settings.findByClinicId(clinicId)
                .map(s -> new HomeworkSettings(s.getConfidenceThreshold(), s.getGraceHours()))
                .orElse(new HomeworkSettings(HomeworkSettings.DEFAULT_CONFIDENCE_THRESHOLD,
                        HomeworkSettings.DEFAULT_GRACE_HOURS));
    }

    /** How long after its due time an occurrence may still be done before it counts as missed. */
    @Transactional(readOnly = true)
    public Duration grace(UUID clinicId) {
        return of(clinicId).grace();
    }
}
