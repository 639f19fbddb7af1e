package app.homeward.tenancy;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** The tenant. Not itself tenant-scoped: it is what the others are scoped to. */
@Entity
@Table(name = "clinic")
class Clinic {

    public static final String DEFAULT_ACCENT = "#2f6f73";

    @Id
    @Column(length = 36)
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, unique = true, length = 40)
    private String slug;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private ClinicStatus status = ClinicStatus.PENDING_VERIFICATION;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "default_language", nullable = false, length = 8)
    private String defaultLanguage = "en";

    /** ISO 3166 country for date and time formats; null: the one the time zone suggests (decision 0031). */
    @Column(name = "country", length = 2)
    private String country;

    @Column(name = "accent_color", nullable = false, length = 7)
    private String accentColor = DEFAULT_ACCENT;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "logo", length = 524_288)
    private byte[] logo;

    @Column(name = "logo_content_type", length = 32)
    private String logoContentType;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Null until first saved, so Spring Data persists (not merges) a new clinic. */
    @Version
    private Long version;

    protected Clinic() {
    }

    Clinic(UUID id, String slug, String name, ZoneId timeZone, String defaultLanguage, Instant createdAt) {
        this.createdAt = createdAt;
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.timeZone = timeZone.getId();
        this.defaultLanguage = defaultLanguage;
    }

    public UUID getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public ClinicStatus getStatus() { return status; }
    public ZoneId getTimeZone() { return ZoneId.of(timeZone); }
    public String getDefaultLanguage() { return defaultLanguage; }
    public String getAccentColor() { return accentColor; }
    /** The clinic's own choice of country, "" when it follows its time zone. */
    public String getCountry() { return country == null ? "" : country; }
    public byte[] getLogo() { return logo; }
    public String getLogoContentType() { return logoContentType; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version == null ? 0 : version; }
    void rename(String name) { this.name = name; }
    void changeTimeZone(ZoneId zone) { this.timeZone = zone.getId(); }
    void changeDefaultLanguage(String language) { this.defaultLanguage = language; }
    /** Blank: follow the time zone. Changes go through {@link ClinicDirectory}, named for what they do. */
    void changeCountry(String country) { this.country = country == null || country.isBlank() ? null : country; }
    void changeAccentColor(String color) { this.accentColor = color; }

    void changeLogo(byte[] bytes, String contentType) {
        this.logo = bytes;
        this.logoContentType = contentType;
    }

    void activate() { this.status = ClinicStatus.ACTIVE; }
    void suspend() { this.status = ClinicStatus.SUSPENDED; }
}
