package app.homeward.clinic;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.base.Regions;
import app.homeward.security.CurrentUser;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.Contrast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.UUID;

/** A clinic admin's settings for their own clinic: name, branding, time zone, default language. */
@Service
public class ClinicSettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicSettingsService.class);
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    private final ClinicDirectory clinics;
    private final AuditTrail audit;

    ClinicSettingsService(ClinicDirectory clinics, AuditTrail audit) {
        this.clinics = clinics;
        this.audit = audit;
    }

    /** {@code country}: ISO 3166 two letters for date and time formats, blank to follow the time zone (decision 0031). */
    public record Settings(String name, String accentColor, String timeZone, String defaultLanguage, String country) {

        public Settings(String name, String accentColor, String timeZone, String defaultLanguage) {
            this(name, accentColor, timeZone, defaultLanguage, "");
        }
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST','CLIENT')")
    public ClinicBranding current() {
        return clinics.findById(myClinic()).orElseThrow(NotFoundException::new);
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public ClinicBranding update(Settings settings) {
        String name = SignupService.requireClinicName(settings.name());
        String accent = settings.accentColor() == null ? "" : settings.accentColor().strip().toLowerCase(Locale.ROOT);
        if (!Contrast.isHexColour(accent)) {
            throw new DomainException("accentColor", "settings.colour-format");
        }
        var zone = SignupService.zone(settings.timeZone());
        if (Messages.SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(settings.defaultLanguage()))) {
            throw new DomainException("defaultLanguage", "validation.choose");
        }
        String country = Regions.country(settings.country());
        if (settings.country() != null && !settings.country().isBlank() && country.isEmpty()) {
            throw new DomainException("country", "validation.choose");
        }
        ClinicBranding updated = clinics.changeSettings(myClinic(), name, accent, zone, settings.defaultLanguage(),
                country);
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("general"));
        LOG.info("clinic settings changed clinic={}", updated.id());
        return updated;
    }

    /** What the settings page shows of the clinic itself, read once for the whole form. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public ClinicBranding page() {
        return clinics.findById(myClinic()).orElseThrow(NotFoundException::new);
    }

    /** PNG, JPEG or WebP, recognised by content (not by name or declared type), at most 512 KB. Never SVG. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public ClinicBranding changeLogo(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new DomainException("logo", "settings.logo-type");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new DomainException("logo", "settings.logo-size", MAX_LOGO_BYTES / 1024);
        }
        String type = imageType(bytes);
        if (type == null) {
            throw new DomainException("logo", "settings.logo-type");
        }
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("logo"));
        return clinics.changeLogo(myClinic(), bytes.clone(), type);
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public ClinicBranding removeLogo() {
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("logo"));
        return clinics.changeLogo(myClinic(), null, null);
    }

    static String imageType(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static UUID myClinic() {
        return CurrentUser.require().clinicId();
    }
}
