package app.homeward.tenancy;

import app.homeward.base.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The clinic table, for the features that build on it. Public look-ups answer only with what a
 * clinic's public page shows. Changes are named for what they do; the features that make them (clinic
 * settings, signup, the platform operator, the tenants import) decide who may. Features keep their
 * own settings in their own tables, keyed by clinic (decision 0041), not on this row.
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
        return clinics.findBySlug(slug.toLowerCase(Locale.ROOT)).map(ClinicBranding::of);
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

    /**
     * The clinic's name, look and locale as its admin sets them (the clinic feature checks the values and who
     * asks). {@code country}: blank to follow the time zone.
     */
    @Transactional
    public ClinicBranding changeSettings(UUID clinicId, String name, String accentColor, ZoneId zone, String language,
                                         String country) {
        return change(clinicId, clinic -> {
            clinic.rename(name);
            clinic.changeAccentColor(accentColor);
            clinic.changeTimeZone(zone);
            clinic.changeDefaultLanguage(language);
            clinic.changeCountry(country);
        });
    }

    /** The accent colour alone: what the tenants import sets on a clinic it creates. */
    @Transactional
    public ClinicBranding changeAccentColor(UUID clinicId, String accentColor) {
        return change(clinicId, clinic -> clinic.changeAccentColor(accentColor));
    }

    /** A checked image and its type, or null and null to remove the logo. */
    @Transactional
    public ClinicBranding changeLogo(UUID clinicId, byte[] bytes, String contentType) {
        return change(clinicId, clinic -> clinic.changeLogo(bytes, contentType));
    }

    /** Open for sign-in: a verified signup, or the platform operator lifting a suspension. */
    @Transactional
    public ClinicBranding activate(UUID clinicId) {
        return change(clinicId, Clinic::activate);
    }

    /** Closed for sign-in by the platform operator; nothing of the clinic is removed. */
    @Transactional
    public ClinicBranding suspend(UUID clinicId) {
        return change(clinicId, Clinic::suspend);
    }

    private ClinicBranding change(UUID clinicId, Consumer<Clinic> change) {
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
        return CurrentClinic.id().flatMap(clinics::findById).map(Clinic::getTimeZone).orElse(ZoneOffset.UTC);
    }

    public record Logo(byte[] bytes, String contentType) {
    }
}
