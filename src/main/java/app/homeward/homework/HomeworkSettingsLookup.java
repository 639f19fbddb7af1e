package app.homeward.homework;

import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.ZoneId;
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
    private final ClinicDirectory clinics;

    HomeworkSettingsLookup(ClinicHomeworkSettingsRepository settings, ClinicDirectory clinics) {
        this.settings = settings;
        this.clinics = clinics;
    }

    @Transactional(readOnly = true)
    public HomeworkSettings of(UUID clinicId) {
        ZoneId zone = clinics.findById(clinicId).map(ClinicBranding::timeZone).orElse(ZoneId.of("UTC"));
        return settings.findByClinicId(clinicId)
                .map(s -> new HomeworkSettings(s.getConfidenceThreshold(), s.getGraceHours(), zone))
                .orElse(new HomeworkSettings(HomeworkSettings.DEFAULT_CONFIDENCE_THRESHOLD,
                        HomeworkSettings.DEFAULT_GRACE_HOURS, zone));
    }

    /** How long after its due time an occurrence may still be done before it counts as missed. */
    @Transactional(readOnly = true)
    public Duration grace(UUID clinicId) {
        return Duration.ofHours(settings.findByClinicId(clinicId).map(ClinicHomeworkSettings::getGraceHours)
                .orElse(HomeworkSettings.DEFAULT_GRACE_HOURS));
    }
}
