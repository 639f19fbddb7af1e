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
import java.util.UUID;

/**
 * One numbered version of a clinic template. A draft's document may change (the row's
 * optimistic-lock version tells a second editor their copy is stale); publishing freezes it.
 */
@Entity
@Table(name = "worksheet_version")
class WorksheetVersion extends TenantScopedEntity {

    @Column(name = "template_id", nullable = false, updatable = false, length = 36)
    private UUID templateId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private VersionState state = VersionState.DRAFT;

    // MEDIUMTEXT in V2; a string, not a @Lob: at this length Hibernate reads it as VARCHAR on H2, MEDIUMTEXT on MySQL
    @Column(nullable = false, length = WorksheetLimits.DOCUMENT_CHARS)
    private String document;

    @Column(name = "edited_by", nullable = false, length = 36)
    private UUID editedBy;

    @Column(name = "edited_at", nullable = false)
    private Instant editedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected WorksheetVersion() {
    }

    WorksheetVersion(UUID templateId, int number, String document, UUID editedBy, Instant now) {
        this.templateId = templateId;
        this.number = number;
        this.document = document;
        this.editedBy = editedBy;
        this.editedAt = now;
    }

    void edit(String newDocument, UUID by, Instant now) {
        if (state != VersionState.DRAFT) {
            throw new IllegalStateException("published versions never change");
        }
        this.document = newDocument;
        this.editedBy = by;
        this.editedAt = now;
    }

    void publish(Instant now) {
        this.state = VersionState.PUBLISHED;
        this.publishedAt = now;
    }

    UUID getTemplateId() { return templateId; }
    int getNumber() { return number; }
    VersionState getState() { return state; }
    String getDocument() { return document; }
    UUID getEditedBy() { return editedBy; }
    Instant getEditedAt() { return editedAt; }
    Instant getPublishedAt() { return publishedAt; }

    boolean isDraft() {
        return state == VersionState.DRAFT;
    }
}
