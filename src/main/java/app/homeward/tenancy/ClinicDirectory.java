package app.homeward.tenancy;

import app.homeward.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The clinic table, for the features that build on it. Public look-ups answer only with what a
 * clinic's public page shows; changes are made by the clinic and platform features, which carry
 * their own authorisation.
 */
@Service
public class ClinicDirectory {

    private final ClinicRepository clinics;
    private final Clock clock;

    ClinicDirectory(ClinicRepository clinics, Clock clock) {
        this.clinics = clinics;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ClinicBranding> findBySlug(String slug) {
        if (slug == null || slug.length() > 64) {
            return Optional.empty();
        }
        return clinics.findBySlug(slug.toLowerCase(java.util.Locale.ROOT)).map(ClinicBranding::of);
    }

    /** Only clinics that are open for sign-in; unknown, unverified and suspended look the same. */
    @Transactional(readOnly = true)
    public Optional<ClinicBranding> findActiveBySlug(String slug) {
        return findBySlug(slug).filter(ClinicBranding::active);
    }

    @Transactional(readOnly = true)
    public Optional<ClinicBranding> findById(UUID id) {
        return clinics.findById(id).map(ClinicBranding::of);
    }

    @Transactional(readOnly = true)
    public boolean slugTaken(String slug) {
        return clinics.existsBySlug(slug);
    }

    @Transactional(readOnly = true)
    public Optional<Logo> logo(UUID clinicId) {
        return clinics.findById(clinicId)
                .filter(c -> c.getLogo() != null)
                .map(c -> new Logo(c.getLogo(), c.getLogoContentType()));
    }

    @Transactional(readOnly = true)
    public List<ClinicBranding> all() {
        return clinics.findAll().stream().map(ClinicBranding::of).toList();
    }

    /**
     * Creates a clinic with an id chosen by the caller, so the caller can bind that id as the tenant
     * before the transaction starts and create the clinic's first accounts in the same transaction.
     */
    @Transactional
    public ClinicBranding create(UUID id, String slug, String name, ZoneId zone, String language, ClinicStatus status) {
        Clinic clinic = new Clinic(id, slug, name, zone, language, clock.instant());
        if (status == ClinicStatus.ACTIVE) {
            clinic.activate();
        }
        return ClinicBranding.of(clinics.saveAndFlush(clinic));
    }

    @Transactional
    public ClinicBranding update(UUID clinicId, java.util.function.Consumer<Clinic> change) {
        Clinic clinic = clinics.findById(clinicId).orElseThrow(NotFoundException::new);
        change.accept(clinic);
        return ClinicBranding.of(clinics.saveAndFlush(clinic));
    }

    /**
     * Removes the clinic row itself, once every feature has deleted its rows of the clinic (the platform
     * operator's deletion of a clinic; see {@code ClinicData}).
     */
    @Transactional
    public void delete(UUID clinicId) {
        clinics.delete(clinics.findById(clinicId).orElseThrow(NotFoundException::new));
        clinics.flush();
    }

    /**
     * The time zone of the clinic the current code runs for (the signed-in staff member's): staff pages
     * show every date and time in it, whatever the server's zone. UTC where there is no clinic (the
     * platform operator).
     */
    @Transactional(readOnly = true)
    public ZoneId currentTimeZone() {
        return CurrentClinic.id().flatMap(clinics::findById).map(Clinic::getTimeZone).orElse(java.time.ZoneOffset.UTC);
    }

    /** The clinic's rules for the homework loop: confidence threshold and grace period (crisis lines: safety). */
    public Optional<HomeworkSettings> homeworkSettings(UUID clinicId) {
        return clinics.findById(clinicId).map(c -> new HomeworkSettings(c.getConfidenceThreshold(), c.getGraceHours(),
                c.getTimeZone()));
    }

    /** The clinic's reminder rules, with its status and look for the emails. */
    @Transactional(readOnly = true)
    public Optional<ReminderRules> reminderRules(UUID clinicId) {
        return clinics.findById(clinicId).map(c -> new ReminderRules(ClinicBranding.of(c), c.isRemindersDefaultOn(),
                c.getDefaultQuietStart(), c.getDefaultQuietEnd(), c.getDueSoonHours(), c.getOverdueHours(),
                c.getGraceHours(), c.isWeeklySummary()));
    }

    public record ReminderRules(ClinicBranding clinic, boolean remindersDefaultOn, java.time.LocalTime quietStart,
                                java.time.LocalTime quietEnd, int dueSoonHours, int overdueHours, int graceHours,
                                boolean weeklySummary) {
    }

    public record HomeworkSettings(int confidenceThreshold, int graceHours, java.time.ZoneId timeZone) {
    }

    public record Logo(byte[] bytes, String contentType) {
    }
}
