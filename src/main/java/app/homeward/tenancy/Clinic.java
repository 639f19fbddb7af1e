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
public class Clinic {

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

    /** Reminders for clients who have not chosen: on or off, and the default quiet hours (local time). */
    @Column(name = "reminders_default_on", nullable = false)
    private boolean remindersDefaultOn = true;

    @Column(name = "default_quiet_start")
    private java.time.LocalTime defaultQuietStart = java.time.LocalTime.of(21, 30);

    @Column(name = "default_quiet_end")
    private java.time.LocalTime defaultQuietEnd = java.time.LocalTime.of(8, 0);

    /** Hours before the due time for a "due soon" nudge; 0 = none. */
    @Column(name = "due_soon_hours", nullable = false)
    private int dueSoonHours;

    /** Hours after the due time for an "overdue" nudge (sent only within the grace period); 0 = none. */
    @Column(name = "overdue_hours", nullable = false)
    private int overdueHours;

    /** A short "your week ahead" email to clients with homework in the coming week, on Sundays. */
    @Column(name = "weekly_summary", nullable = false)
    private boolean weeklySummary;

    /** Below this confidence (0–10) the assign dialog suggests making the task smaller (research: 7). */
    @Column(name = "confidence_threshold", nullable = false)
    private int confidenceThreshold = 7;

    /** Hours after its due time an occurrence that is not done counts as missed. */
    @Column(name = "grace_hours", nullable = false)
    private int graceHours = 24;

    /** Null until first saved, so Spring Data persists (not merges) a new clinic. */
    @Version
    private Long version;

    protected Clinic() {
    }

    public Clinic(UUID id, String slug, String name, ZoneId timeZone, String defaultLanguage, Instant createdAt) {
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
    public boolean isRemindersDefaultOn() { return remindersDefaultOn; }
    public java.time.LocalTime getDefaultQuietStart() { return defaultQuietStart; }
    public java.time.LocalTime getDefaultQuietEnd() { return defaultQuietEnd; }
    public int getDueSoonHours() { return dueSoonHours; }
    public int getOverdueHours() { return overdueHours; }
    public boolean isWeeklySummary() { return weeklySummary; }

    public void changeReminderSettings(boolean remindersDefaultOn, java.time.LocalTime quietStart,
                                       java.time.LocalTime quietEnd, int dueSoonHours, int overdueHours,
                                       boolean weeklySummary) {
        this.weeklySummary = weeklySummary;
        this.remindersDefaultOn = remindersDefaultOn;
        this.defaultQuietStart = quietStart;
        this.defaultQuietEnd = quietEnd;
        this.dueSoonHours = dueSoonHours;
        this.overdueHours = overdueHours;
    }

    public int getConfidenceThreshold() { return confidenceThreshold; }
    public int getGraceHours() { return graceHours; }

    public void changeHomeworkSettings(int confidenceThreshold, int graceHours) {
        this.confidenceThreshold = confidenceThreshold;
        this.graceHours = graceHours;
    }

    public void rename(String name) { this.name = name; }
    public void changeTimeZone(ZoneId zone) { this.timeZone = zone.getId(); }
    public void changeDefaultLanguage(String language) { this.defaultLanguage = language; }
    /** Blank: follow the time zone. */
    public void changeCountry(String country) { this.country = country == null || country.isBlank() ? null : country; }
    public void changeAccentColor(String color) { this.accentColor = color; }

    public void changeLogo(byte[] bytes, String contentType) {
        this.logo = bytes;
        this.logoContentType = contentType;
    }

    public void activate() { this.status = ClinicStatus.ACTIVE; }
    public void suspend() { this.status = ClinicStatus.SUSPENDED; }
}
