package app.homeward.tenancy;

import app.homeward.base.Regions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** What a page needs to look like the clinic: safe to show to anyone who has the clinic's address. */
public record ClinicBranding(UUID id, String slug, String name, String accentColor, boolean hasLogo,
                             long logoVersion, ZoneId timeZone, String defaultLanguage, ClinicStatus status,
                             Instant createdAt, String countrySetting) {

    static ClinicBranding of(Clinic clinic) {
        return new ClinicBranding(clinic.getId(), clinic.getSlug(), clinic.getName(), clinic.getAccentColor(),
                clinic.getLogoContentType() != null, clinic.getVersion(), clinic.getTimeZone(),
                clinic.getDefaultLanguage(), clinic.getStatus(), clinic.getCreatedAt(), clinic.getCountry());
    }

    /**
     * The country whose date and time conventions the clinic's people read when their browser does not
     * say: the clinic's setting, else the one its time zone suggests ({@link app.homeward.base.Regions}); "" if none.
     */
    public String country() {
        return countrySetting != null && !countrySetting.isBlank() ? countrySetting
                : Regions.fromTimeZone(timeZone);
    }

    public boolean active() {
        return status == ClinicStatus.ACTIVE;
    }
}
