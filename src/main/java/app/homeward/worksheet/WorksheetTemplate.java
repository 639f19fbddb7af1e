package app.homeward.worksheet;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A clinic's worksheet: the library entry over its versions. The descriptive columns copy the
 * latest version's document so the library can list and search without reading documents.
 */
@Entity
@Table(name = "worksheet_template")
class WorksheetTemplate extends TenantScopedEntity {

    @Column(name = "owner_id", nullable = false, updatable = false, length = 36)
    private UUID ownerId;

    @Column(nullable = false, length = 120)
    private String title;

    @Column(nullable = false, length = 400)
    private String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private WorksheetCategory category;

    @Column(nullable = false, length = 400)
    private String tags;

    @Column(nullable = false)
    private int difficulty;

    @Column(nullable = false)
    private int minutes;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "search_text", nullable = false, length = 4000)
    private String searchText;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Sharing sharing = Sharing.PRIVATE;

    @Column(name = "latest_number", nullable = false)
    private int latestNumber;

    @Column(name = "published_number")
    private Integer publishedNumber;

    @Column(name = "forked_from_slug", length = 60)
    private String forkedFromSlug;

    @Column(name = "forked_from_number")
    private Integer forkedFromNumber;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(nullable = false)
    private int edits;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WorksheetTemplate() {
    }

    WorksheetTemplate(UUID ownerId, WorksheetDocument document, Instant now) {
        this.ownerId = ownerId;
        this.createdAt = now;
        describe(document, now);
    }

    /** Copies what the library shows from the latest version. */
    void describe(WorksheetDocument document, Instant now) {
        this.edits++;
        this.title = document.title().isBlank() ? "" : document.title();
        this.description = document.description();
        this.category = document.category();
        this.tags = String.join(",", document.tags());
        this.difficulty = document.difficulty();
        this.minutes = document.minutes();
        this.language = document.language();
        String text = document.searchText().toLowerCase(Locale.ROOT);
        this.searchText = text.length() > 4000 ? text.substring(0, 4000) : text;
        this.updatedAt = now;
    }

    /** Records an edit of the open draft; the row's version moves, which is what editors' locks compare. */
    void touch(Instant now) {
        this.edits++;
        this.updatedAt = now;
    }

    void forkedFrom(String slug, int number) {
        this.forkedFromSlug = slug;
        this.forkedFromNumber = number;
    }

    void newVersion(int number, Instant now) {
        this.edits++;
        this.latestNumber = number;
        this.updatedAt = now;
    }

    void published(int number, Sharing newSharing, Instant now) {
        this.edits++;
        this.publishedNumber = number;
        this.sharing = newSharing;
        this.updatedAt = now;
    }

    void share(Sharing newSharing, Instant now) {
        this.edits++;
        this.sharing = newSharing;
        this.updatedAt = now;
    }

    void archive(Instant now) {
        this.edits++;
        this.archivedAt = now;
        this.updatedAt = now;
    }

    void restore(Instant now) {
        this.edits++;
        this.archivedAt = null;
        this.updatedAt = now;
    }

    UUID getOwnerId() { return ownerId; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    WorksheetCategory getCategory() { return category; }
    List<String> getTags() { return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")); }
    int getDifficulty() { return difficulty; }
    int getMinutes() { return minutes; }
    String getLanguage() { return language; }
    String getSearchText() { return searchText; }
    Sharing getSharing() { return sharing; }
    int getLatestNumber() { return latestNumber; }
    Integer getPublishedNumber() { return publishedNumber; }
    String getForkedFromSlug() { return forkedFromSlug; }
    Integer getForkedFromNumber() { return forkedFromNumber; }
    Instant getArchivedAt() { return archivedAt; }
    Instant getUpdatedAt() { return updatedAt; }

    boolean isArchived() {
        return archivedAt != null;
    }

    boolean hasDraft() {
        return publishedNumber == null || latestNumber > publishedNumber;
    }
}
