package app.homeward.homework;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.HomeworkWord;
import app.homeward.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * A clinic admin's homework rules for their clinic: confidence threshold (0–10), grace period (1–168 h) and the
 * word its clients read for homework (decision 0046).
 */
@Service
public class HomeworkSettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(HomeworkSettingsService.class);

    private final ClinicHomeworkSettingsRepository settings;
    private final HomeworkSettingsLookup lookup;
    private final AuditTrail audit;
    private final Clock clock;

    HomeworkSettingsService(ClinicHomeworkSettingsRepository settings, HomeworkSettingsLookup lookup,
                            AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.lookup = lookup;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public HomeworkSettings current() {
        return lookup.of(myClinic());
    }

    /** Changes the threshold and grace period; the clinic's word for homework stays as it is. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void change(Integer confidenceThreshold, Integer graceHours) {
        change(confidenceThreshold, graceHours, lookup.of(myClinic()).word());
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void change(Integer confidenceThreshold, Integer graceHours, HomeworkWord word) {
        if (confidenceThreshold == null || confidenceThreshold < 0 || confidenceThreshold > 10) {
            throw new DomainException("confidenceThreshold", "settings.range", 0, 10);
        }
        if (graceHours == null || graceHours < 1 || graceHours > 168) {
            throw new DomainException("graceHours", "settings.range", 1, 168);
        }
        if (word == null) {
            throw new DomainException("homeworkWord", "settings.homework-word.required");
        }
        UUID clinic = myClinic();
        settings.findByClinicId(clinic).ifPresentOrElse(
                s -> s.change(confidenceThreshold, graceHours, word, clock.instant()),
                () -> settings.save(new ClinicHomeworkSettings(confidenceThreshold, graceHours, word, clock.instant())));
        lookup.forget(clinic);
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("homework"));
        LOG.info("clinic homework settings changed clinic={}", clinic);
    }

    private static UUID myClinic() {
        return CurrentUser.require().clinicId();
    }
}
